/* The roadmap import preview keeps the curator's corrections on the server as they are typed (a «draft»
 * post of the whole form, kept in the session with the preview), so a reload of the page or a return to it
 * shows them. Without JS the corrections are kept whenever the form is sent («Check the periods again»). */
(function () {
  "use strict";
  var form = document.getElementById("import-preview");
  if (!form || !window.fetch || !window.FormData) return;
  var status = document.getElementById("import-preview-saved");
  var timer = null;
  function save() {
    timer = null;
    var data = new FormData(form);
    data.set("action", "draft");
    fetch(form.getAttribute("action") || window.location.pathname, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest" },
    }).then(function (response) {
      if (response.status === 204 && status) status.textContent = status.getAttribute("data-saved-text");
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
    if (timer) { window.clearTimeout(timer); save(); }
  });
})();
