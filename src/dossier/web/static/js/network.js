// The network view: a person's ties drawn with Cytoscape, loaded a page at a time from the API.
// Clicking (or Enter on) a person expands their ties; clicking a tie shows its evidence.
// The canvas is keyboard-usable too: it takes focus, arrow keys and Tab move a visible focus between
// people, T between the focused person's ties; Enter expands a person or opens a tie's evidence, and
// the focus is announced in an aria-live region (#cy-focus).
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
    { selector: "node.kbd-focus", style: {
      "overlay-color": "#f0a202", "overlay-opacity": 0.35, "overlay-padding": 6, "border-width": 3,
      "border-color": "#f0a202" } },
    { selector: "edge.kbd-focus", style: {
      width: 5, "overlay-color": "#f0a202", "overlay-opacity": 0.35, "overlay-padding": 4 } },
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
  keepFocus();
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

// --- keyboard ------------------------------------------------------------------------------

const canvas = document.getElementById("cy");
const focus = { node: null, edge: null }; // ids; edge is set while a tie of the node is focused

function visibleNodes() {
  // Reading order: by ring, then angle, as the layout drew them (left to right, top to bottom).
  return cy.nodes().filter((n) => !n.hasClass("hidden")).sort((a, b) => {
    const pa = a.position(), pb = b.position();
    return Math.abs(pa.y - pb.y) > 12 ? pa.y - pb.y : pa.x - pb.x || a.id().localeCompare(b.id());
  });
}

function tiesOf(node) {
  return node.connectedEdges().filter((e) => !e.hasClass("hidden"))
    .sort((a, b) => a.id().localeCompare(b.id()));
}

function tieText(edge) {
  const tie = edge.data("tie");
  const name = (id) => cy.getElementById(String(id)).data("name");
  const conf = tie.confidence !== null && tie.confidence !== undefined ? `, confidence ${tie.confidence.toFixed(2)}` : "";
  return `${name(tie.source)} ${tie.type.replace(/[._]/g, " ")} ${name(tie.target)}, ${tie.status}, ${tie.articles} article(s)${conf}`;
}

function announce(text) {
  const live = document.getElementById("cy-focus");
  live.textContent = text;
}

function setFocus(nodeId, edgeId = null) {
  cy.elements(".kbd-focus").removeClass("kbd-focus");
  focus.node = nodeId;
  focus.edge = edgeId;
  const node = nodeId === null ? cy.collection() : cy.getElementById(nodeId);
  if (node.empty()) return;
  const target = edgeId === null ? node : cy.getElementById(edgeId);
  target.addClass("kbd-focus");
  const nodes = visibleNodes();
  if (edgeId === null) {
    const ties = tiesOf(node).length;
    const next = state.next.get(Number(nodeId));
    const how = next === null ? "expanded" : "press Enter to expand";
    announce(`${node.data("name")}: person ${nodes.indexOf(node) + 1} of ${nodes.length}, ${ties} tie(s) shown, ${how}`);
  } else {
    const ties = tiesOf(node);
    announce(`Tie ${ties.indexOf(target) + 1} of ${ties.length}: ${tieText(target)}. Press Enter for its evidence`);
  }
  const box = target.renderedBoundingBox();
  if (box.x2 < 0 || box.y2 < 0 || box.x1 > cy.width() || box.y1 > cy.height()) cy.center(target);
}

function keepFocus() {
  // After a page of neighbours or the toggle: keep the focus where it was, if still shown.
  if (focus.node === null || document.activeElement !== canvas) return;
  const node = cy.getElementById(focus.node);
  if (node.empty() || node.hasClass("hidden")) {
    setFocus(String(root.dataset.personId));
  } else if (focus.edge !== null && (cy.getElementById(focus.edge).empty() || cy.getElementById(focus.edge).hasClass("hidden"))) {
    setFocus(focus.node);
  } else {
    setFocus(focus.node, focus.edge);
  }
}

function nearest(from, dx, dy) {
  // The closest person in the arrow's direction (within 60 degrees of it), else the next in reading order.
  const p = from.position();
  let best = null;
  let bestScore = Infinity;
  visibleNodes().forEach((n) => {
    if (n.same(from)) return;
    const q = n.position();
    const along = (q.x - p.x) * dx + (q.y - p.y) * dy;
    const across = Math.abs((q.x - p.x) * dy - (q.y - p.y) * dx);
    if (along <= 0 || across > along * 1.8) return;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = n;
    }
  });
  return best;
}

function step(delta) {
  const nodes = visibleNodes();
  if (!nodes.length) return false;
  const at = focus.node === null ? -1 : nodes.indexOf(cy.getElementById(focus.node));
  const to = at + delta;
  if (to < 0 || to >= nodes.length) return false;
  setFocus(nodes[to].id());
  return true;
}

canvas.addEventListener("focus", () => {
  if (focus.node === null || cy.getElementById(focus.node).empty()) setFocus(String(root.dataset.personId));
  else setFocus(focus.node, focus.edge);
});
canvas.addEventListener("blur", () => cy.elements(".kbd-focus").removeClass("kbd-focus"));

const ARROWS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

canvas.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const node = focus.node === null ? cy.collection() : cy.getElementById(focus.node);
  if (node.empty()) {
    setFocus(String(root.dataset.personId));
    return;
  }
  const key = event.key;
  let handled = true;
  if (key in ARROWS) {
    const [dx, dy] = ARROWS[key];
    const to = nearest(node, dx, dy);
    if (to) setFocus(to.id());
    else step(dx + dy > 0 ? 1 : -1);
  } else if (key === "Tab") {
    handled = step(event.shiftKey ? -1 : 1); // at either end, Tab leaves the graph as usual
  } else if (key === "Home") {
    setFocus(String(root.dataset.personId));
  } else if (key === "t" || key === "T") {
    const ties = tiesOf(node);
    if (!ties.length) {
      announce(`${node.data("name")} has no ties shown`);
    } else {
      const at = focus.edge === null ? -1 : ties.indexOf(cy.getElementById(focus.edge));
      const to = (at + (event.shiftKey ? -1 : 1) + ties.length) % ties.length;
      setFocus(focus.node, ties[to].id());
    }
  } else if (key === "Escape") {
    handled = focus.edge !== null;
    if (handled) setFocus(focus.node);
  } else if (key === "Enter" || key === " " || key === "v" || key === "V") {
    if (focus.edge !== null) {
      const edge = cy.getElementById(focus.edge);
      showEdge(edge.data("tie"));
      cy.elements(":selected").unselect();
      edge.select();
    } else if (key === "Enter" || key === " ") {
      const id = Number(focus.node);
      if (state.next.get(id) === null) announce(`${node.data("name")} is expanded already; T moves through the ties`);
      else expand(id).then(() => announce(`${node.data("name")} expanded: ${tiesOf(cy.getElementById(focus.node)).length} tie(s) shown`));
    } else {
      handled = false;
    }
  } else {
    handled = false;
  }
  if (handled) event.preventDefault();
});

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
window.dossierNetwork = { cy, expand, state, focus };
