// The network view: a person's ties drawn with Cytoscape, loaded a page at a time from the API.
// Clicking (or Enter on) a person expands their ties; clicking a tie shows its evidence.
// Every name and sentence is set with textContent; nothing from the data becomes HTML.

const root = document.getElementById("network");
const PAGE = 50;
const COLOURS = {
  family: "#b5473a", political: "#2f62a8", professional: "#2e7d4f", role: "#2e7d4f", social: "#8a4fa3",
  contest: "#c77700", other: "#6b6b6b",
};

function colour(type) {
  return COLOURS[type.split(".")[0]] || COLOURS.other;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const state = {
  query: root.dataset.query || "",
  next: new Map(), // person id -> next page offset (null when done)
  showWeak: false,
};

const cy = window.cytoscape({
  container: document.getElementById("cy"),
  elements: [],
  style: [
    { selector: "node", style: {
      label: "data(name)", "background-color": "#8aa1b8", color: "#1d2733", "font-size": 11,
      "text-valign": "bottom", "text-margin-y": 4, width: 18, height: 18 } },
    { selector: "node.center", style: { "background-color": "#1d4e89", width: 28, height: 28, "font-weight": "bold" } },
    { selector: "node.expanded", style: { "border-width": 3, "border-color": "#1d4e89" } },
    { selector: "edge", style: {
      width: 2, "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.8,
      "line-color": "data(colour)", "target-arrow-color": "data(colour)" } },
    { selector: "edge.weak", style: { "line-style": "dashed", opacity: 0.7 } },
    { selector: "edge.negated", style: { "line-style": "dotted", "line-color": "#999", "target-arrow-color": "#999" } },
    { selector: "edge:selected", style: { width: 4 } },
    { selector: ".hidden", style: { display: "none" } },
  ],
  layout: { name: "grid" },
});

function api(id, offset) {
  // Ask for every tie (all=true); the switch decides which are drawn.
  const sep = state.query ? `&${state.query}` : "";
  return fetch(`/api/people/${id}/network?offset=${offset}&limit=${PAGE}&all=true${sep}`).then((r) => {
    if (!r.ok) throw new Error(`the server answered ${r.status}`);
    return r.json();
  });
}

function addPage(page) {
  const added = [];
  const center = page.center;
  if (cy.getElementById(String(center.id)).empty()) {
    added.push({ group: "nodes", data: { id: String(center.id), name: center.name } });
  }
  for (const node of page.nodes) {
    if (cy.getElementById(String(node.id)).empty()) {
      added.push({ group: "nodes", data: { id: String(node.id), name: node.name } });
    }
  }
  for (const edge of page.edges) {
    if (cy.getElementById(edge.id).empty()) {
      const classes = [edge.weak ? "weak" : "", edge.status === "negated" ? "negated" : ""].join(" ").trim();
      added.push({ group: "edges", classes, data: {
        id: edge.id, source: String(edge.source), target: String(edge.target), colour: colour(edge.type), tie: edge } });
    }
  }
  cy.add(added);
  cy.getElementById(String(center.id)).addClass("expanded");
  state.next.set(center.id, page.next_offset);
  apply();
  // Rings around the first person by number of hops: stable and readable as nodes are expanded.
  cy.layout({ name: "breadthfirst", roots: `#${root.dataset.personId}`, circle: true, directed: false,
    spacingFactor: 1.1, avoidOverlap: true, animate: false }).run();
  renderList();
  const more = document.getElementById("more");
  const pending = [...state.next.values()].some((v) => v !== null && v !== undefined);
  more.hidden = !pending;
}

function apply() {
  cy.batch(() => {
    cy.edges().forEach((e) => e.toggleClass("hidden", !state.showWeak && e.data("tie").weak));
    cy.nodes().forEach((n) => {
      const keep = n.hasClass("center") || n.connectedEdges().some((e) => !e.hasClass("hidden"));
      n.toggleClass("hidden", !keep);
    });
  });
  const shown = cy.edges().filter((e) => !e.hasClass("hidden")).length;
  const people = cy.nodes().filter((n) => !n.hasClass("hidden")).length;
  const out = document.getElementById("edge-count");
  out.textContent = `${shown} ties shown, ${people} people`;
  out.dataset.edges = String(shown);
  out.dataset.nodes = String(people);
}

async function expand(id) {
  const offset = state.next.has(id) ? state.next.get(id) : 0;
  if (offset === null || offset === undefined) return;
  try {
    addPage(await api(id, offset));
  } catch (error) {
    showMessage(`Could not load ties: ${error.message}`);
  }
}

function showMessage(text) {
  document.getElementById("edge-info").replaceChildren(el("p", text, "problem"));
}

function showEdge(tie) {
  const box = document.getElementById("edge-info");
  const source = cy.getElementById(String(tie.source)).data("name");
  const target = cy.getElementById(String(tie.target)).data("name");
  const head = el("h2", `${source} ${tie.type} ${target}`);
  const statuses = el("p");
  for (const [status, n] of Object.entries(tie.statuses)) {
    statuses.append(el("span", n > 1 ? `${status} ×${n}` : status, `badge status-${status}`), " ");
  }
  const support = el("p", `${tie.articles} article(s)` + (tie.confidence !== null ? ` · confidence ${tie.confidence.toFixed(2)}` : ""), "muted");
  const list = el("ul");
  for (const ev of tie.evidence) {
    const li = el("li");
    li.append(el("blockquote", ev.sentence || ev.evidence || ""));
    const link = el("a", `${ev.outlet || ev.article_title || "article"}, ${ev.published || "undated"}: open the evidence`);
    const params = new URLSearchParams();
    if (ev.start !== null && ev.end !== null) {
      params.set("start", ev.start);
      params.set("end", ev.end);
      if (ev.in_title) params.set("in", "title");
    }
    if (ev.status) params.set("status", ev.status);
    params.set("fact", `${source} ${tie.type} ${target}`.slice(0, 200));
    link.href = `/articles/${encodeURIComponent(ev.article_id)}?${params}#hl`;
    li.append(link);
    list.append(li);
  }
  box.replaceChildren(head, statuses, support, list);
}

function renderList() {
  const list = document.getElementById("neighbours");
  list.replaceChildren();
  cy.nodes().forEach((node) => {
    if (node.hasClass("hidden")) return;
    const id = Number(node.id());
    const li = el("li");
    const link = el("a", node.data("name"));
    link.href = `/people/${id}`;
    const button = el("button", state.next.get(id) === null ? "expanded" : "expand");
    button.type = "button";
    button.disabled = state.next.get(id) === null;
    button.addEventListener("click", () => expand(id));
    const ties = el("ul");
    node.connectedEdges().forEach((edge) => {
      const tie = edge.data("tie");
      const item = el("li");
      const show = el("button", `${cy.getElementById(String(tie.source)).data("name")} ${tie.type} ${cy.getElementById(String(tie.target)).data("name")} (${tie.status})`, "link");
      show.type = "button";
      show.addEventListener("click", () => showEdge(tie));
      item.append(show);
      if (edge.hasClass("hidden")) item.hidden = true;
      ties.append(item);
    });
    li.append(link, " ", button, ties);
    list.append(li);
  });
}

cy.on("tap", "node", (event) => expand(Number(event.target.id())));
cy.on("tap", "edge", (event) => showEdge(event.target.data("tie")));

document.getElementById("show-weak").addEventListener("change", (event) => {
  state.showWeak = event.target.checked;
  apply();
  renderList();
});
document.getElementById("more").addEventListener("click", () => {
  for (const [id, next] of state.next) {
    if (next !== null && next !== undefined) {
      expand(id);
      break;
    }
  }
});

const centerId = Number(root.dataset.personId);
expand(centerId).then(() => cy.getElementById(String(centerId)).addClass("center"));
window.dossierNetwork = { cy, expand, state };
