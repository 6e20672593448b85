/* The «answer received» page after a plain (script-less) POST: forget the draft kept on the phone. */
(function () {
  "use strict";
  var done = document.querySelector("[data-q-state=done][data-q-link]");
  if (!done) return;
  try {
    localStorage.removeItem("q-draft:" + done.getAttribute("data-q-link"));
  } catch (error) { /* private mode: nothing was kept */ }
})();
