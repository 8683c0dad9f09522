// Correction buttons (only on a server started with --allow-writes): each form posts one correction
// to /api/corrections with the bearer token typed into the page (kept for this tab only).

const box = document.getElementById("corrections");
const token = document.getElementById("token");
const result = document.getElementById("correction-result");
const entity = Number(box.dataset.personId);

token.value = sessionStorage.getItem("dossier-token") || "";
token.addEventListener("change", () => sessionStorage.setItem("dossier-token", token.value));

function say(text, ok) {
  result.textContent = text;
  result.className = ok ? "ok" : "problem";
}

async function send(body) {
  const response = await fetch("/api/corrections", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token.value}` },
    body: JSON.stringify({ entity, ...body }),
  });
  const answer = await response.json();
  if (!response.ok) {
    say(`${answer.title}: ${answer.detail}`, false);
    return;
  }
  say(`Saved correction #${answer.decision}; reloading…`, true);
  setTimeout(() => window.location.reload(), 600);
}

function otherId(form) {
  const input = form.querySelector("input[data-suggest]");
  const id = Number(input.dataset.id || 0);
  if (!id) say("Pick the other person from the suggestions first.", false);
  return id;
}

box.querySelectorAll("form[data-kind]").forEach((form) => {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const kind = form.dataset.kind;
    if (kind === "merge" || kind === "distinct") {
      const other = otherId(form);
      if (other) send({ kind, other });
    } else if (kind === "alias") {
      send({ kind, alias: form.querySelector("input[name=alias]").value });
    } else if (kind === "split") {
      const articles = [...form.querySelectorAll("input[name=article]:checked")].map((c) => c.value);
      if (!articles.length) say("Tick the articles that are about someone else.", false);
      else send({ kind, articles });
    }
  });
});
