/* The roadmap import preview keeps the curator's corrections on the server as they are typed (a «draft»
 * post of the whole form, kept in the session with the preview), so a reload of the page or a return to it
 * shows them. Without JS the corrections are kept whenever the form is sent («Check the periods again»). */
(function () {
  "use strict";
  var form = document.getElementById("import-preview");
  if (!form || !window.fetch || !window.FormData) return;
  var status = document.getElementById("import-preview-saved");
  var timer = null;
  // one draft post at a time, in the order typed: an older draft must never arrive after a newer one and
  // overwrite it in the session
  var sending = null;
  var again = false;
  function save(now) {
    timer = null;
    if (sending && !now) { again = true; return; }
    var data = new FormData(form);
    data.set("action", "draft");
    sending = fetch(form.getAttribute("action") || window.location.pathname, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest" },
    }).then(function (response) {
      if (response.status === 204 && status && !again) status.textContent = status.getAttribute("data-saved-text");
    }, function () { /* offline: the next edit or the form's own submit keeps the corrections */ })
      .then(function () {
        sending = null;
        if (again) { again = false; save(); }
      });
  }
  function later() {
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(save, 600);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  // a reload right after typing: send what is pending first
  window.addEventListener("pagehide", function () {
    if (timer || again) { window.clearTimeout(timer); save(true); }
  });
})();
