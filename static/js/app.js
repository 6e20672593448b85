/* Behaviour shared by every page, kept out of the markup (the Content-Security-Policy allows no inline
 * script or handler): a form with data-confirm asks before it is sent. */
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
})();

/* A form with data-busy (one that starts a report) says at once that the file is being prepared: its
 * buttons are disabled and a progress line appears, instead of a page that seems frozen while a report is
 * built in-process (no background worker) or queued. The buttons are disabled only after the browser has
 * taken the form's data, so the pressed button's name and value (the file format) are still sent. */
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    var text = form.getAttribute("data-busy");
    if (!text || form.getAttribute("data-busy-on") === "1") return;
    form.setAttribute("data-busy-on", "1");
    window.setTimeout(function () {
      form.querySelectorAll("button, input[type=submit]").forEach(function (button) {
        button.disabled = true;
      });
      var line = document.createElement("div");
      line.className = "busy-line small text-body-secondary mt-2";
      line.setAttribute("role", "status");
      var spinner = document.createElement("span");
      spinner.className = "spinner-border spinner-border-sm me-2";
      spinner.setAttribute("aria-hidden", "true");
      line.appendChild(spinner);
      line.appendChild(document.createTextNode(text));
      form.appendChild(line);
    }, 0);
  });
  // «Back» to a page kept by the browser: its buttons work again
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-busy-on]").forEach(function (form) {
      form.removeAttribute("data-busy-on");
      form.querySelectorAll("button, input[type=submit]").forEach(function (button) { button.disabled = false; });
      form.querySelectorAll(".busy-line").forEach(function (line) { line.remove(); });
    });
  });
})();

/* Bulk work on a list: a «select all» box (data-select-all="<checkbox name>") ticks every row of its form,
 * and the bar's count (data-bulk-count) says how many rows are ticked; a bar marked data-bulk-hide is hidden
 * while nothing is ticked. */
(function () {
  "use strict";
  // the form's own boxes and those outside it tied by form="…" (a table whose rows hold other forms)
  function boxesOf(form, name) {
    var found = [];
    Array.prototype.forEach.call(form.elements, function (box) {
      if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
      if (name === null ? box.hasAttribute("data-select-all") : box.name === name) found.push(box);
    });
    return name === null ? found[0] || null : found;
  }
  function update(form) {
    var count = form.querySelector("[data-bulk-count]");
    var all = boxesOf(form, null);
    if (!all) return;
    var boxes = boxesOf(form, all.getAttribute("data-select-all"));
    var ticked = 0;
    boxes.forEach(function (box) { if (box.checked) ticked += 1; });
    all.checked = boxes.length > 0 && ticked === boxes.length;
    all.indeterminate = ticked > 0 && ticked < boxes.length;
    if (count) count.textContent = String(ticked);
    // a bar marked data-bulk-hide shows only when something is ticked (without scripts it stays a form)
    if (form.hasAttribute("data-bulk-hide")) form.classList.toggle("bulk-idle", ticked === 0);
  }
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== "checkbox" || !box.form) return;
    var name = box.getAttribute("data-select-all");
    if (name) {
      boxesOf(box.form, name).forEach(function (other) {
        other.checked = box.checked;
      });
    }
    update(box.form);
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-select-all]").forEach(function (all) { if (all.form) update(all.form); });
  });
})();

(function () {
  "use strict";
  /* A button with data-print prints the page (the one-time sign-in sheet). */
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("[data-print]") : null;
    if (target) window.print();
  });
})();

/* A table wider than the phone scrolls inside its .table-responsive box: the box takes the keyboard focus
 * (tabindex 0, named after its table's caption or heading) so that it can be scrolled without a mouse. */
(function () {
  "use strict";
  function label(box) {
    var table = box.querySelector("table");
    var caption = table && table.querySelector("caption");
    if (caption) return caption.textContent.trim();
    if (table && table.getAttribute("aria-label")) return table.getAttribute("aria-label");
    for (var node = box.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) return node.textContent.trim();
    }
    return "";
  }
  function mark() {
    document.querySelectorAll(".table-responsive, .overflow-auto, .overflow-x-auto").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        var name = label(box);
        if (name) {
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", name);
        }
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
  // fonts and images arriving later can widen a table: check again then, and whenever a box changes size
  window.addEventListener("load", mark);
  window.addEventListener("resize", mark);
  document.addEventListener("htmx:afterSettle", mark);
  if (window.ResizeObserver) {
    var observer = new ResizeObserver(mark);
    document.querySelectorAll(".table-responsive").forEach(function (box) {
      observer.observe(box);
      if (box.firstElementChild) observer.observe(box.firstElementChild);
    });
  }
})();
