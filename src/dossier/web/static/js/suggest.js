// Name suggestions for inputs marked data-suggest: "go" opens the chosen profile, "fill" fills the input.
// Keyboard: arrows move, Enter picks, Escape closes. Names are set as text, never as HTML.

const DELAY_MS = 120;

function attach(input) {
  const list = document.getElementById(input.getAttribute("aria-controls"));
  if (!list) return;
  const mode = input.dataset.suggest;
  let items = [];
  let active = -1;
  let timer = null;
  let asked = "";

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function choose(item) {
    if (mode === "go") {
      window.location.assign(`/people/${encodeURIComponent(item.id)}`);
    } else {
      input.value = item.name;
      input.dataset.id = String(item.id);
      close();
    }
  }

  function mark(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) input.setAttribute("aria-activedescendant", list.children[index].id);
  }

  function show(found) {
    items = found;
    list.replaceChildren();
    found.forEach((item, i) => {
      const li = document.createElement("li");
      li.id = `${list.id}-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      const name = document.createElement("span");
      name.textContent = item.name;
      const meta = document.createElement("span");
      meta.className = "muted";
      meta.textContent = ` ${item.type} · ${item.mentions} mentions`;
      li.append(name, meta);
      li.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(item);
      });
      list.append(li);
    });
    list.hidden = found.length === 0;
    input.setAttribute("aria-expanded", String(found.length > 0));
    active = -1;
  }

  async function ask() {
    const text = input.value.trim();
    if (!text) return close();
    if (text === asked) return;
    asked = text;
    try {
      const response = await fetch(`/api/suggest?q=${encodeURIComponent(text)}&limit=8`);
      if (!response.ok) return close();
      const found = await response.json();
      if (input.value.trim() === text) show(found);
    } catch {
      close();
    }
  }

  input.addEventListener("input", () => {
    delete input.dataset.id;
    clearTimeout(timer);
    asked = "";
    timer = setTimeout(ask, DELAY_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      mark((active + 1) % items.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      mark((active - 1 + items.length) % items.length);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(items[active]);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
}

document.querySelectorAll("input[data-suggest]").forEach(attach);
