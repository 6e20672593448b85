/* The campaign page: copy a personal link to the clipboard with one tap. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var input = document.getElementById(button.getAttribute("data-copy"));
    if (!input) return;
    function done() {
      button.classList.add("btn-success");
      button.setAttribute("title", button.getAttribute("data-copied") || "");
      window.setTimeout(function () { button.classList.remove("btn-success"); }, 1500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { input.select(); });
    } else {
      input.select();
      try { if (document.execCommand("copy")) done(); } catch (error) { /* the text stays selected */ }
    }
  });
})();
