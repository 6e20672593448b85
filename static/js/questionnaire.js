/* The public questionnaire page: keep a draft of the answers on the phone and send them with fetch.
 *
 * The page is an ordinary Django form and works without this script. With it, every change is saved in
 * localStorage under the personal link, the form is sent with fetch, and when the network drops the
 * draft stays and the respondent is asked to press «Send» again: no answer is lost. The server marks
 * its answer with the X-Questionnaire header: «done», «expired» or «form» (the form with errors).
 */
(function () {
  "use strict";

  function storageKey(form) {
    return "q-draft:" + form.getAttribute("data-link");
  }

  function collect(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || element.name === "csrfmiddlewaretoken" || element.disabled) return;
      if ((element.type === "radio" || element.type === "checkbox") && !element.checked) return;
      (data[element.name] = data[element.name] || []).push(element.value);
    });
    return data;
  }

  function save(form) {
    try {
      localStorage.setItem(storageKey(form), JSON.stringify(collect(form)));
    } catch (error) { /* private mode or full storage: the form still works */ }
  }

  function restore(form) {
    var draft;
    try {
      draft = JSON.parse(localStorage.getItem(storageKey(form)) || "null");
    } catch (error) {
      draft = null;
    }
    if (!draft) return false;
    var seen = {};
    var restored = false;
    Array.prototype.forEach.call(form.elements, function (element) {
      var values = draft[element.name];
      if (!element.name || element.name === "csrfmiddlewaretoken" || !values) return;
      if (element.type === "radio" || element.type === "checkbox") {
        element.checked = values.indexOf(element.value) !== -1;
        restored = restored || element.checked;
      } else {
        // several selects share a name (a ranking): the n-th one gets the n-th value
        var index = seen[element.name] || 0;
        seen[element.name] = index + 1;
        element.value = values[index] !== undefined ? values[index] : "";
        restored = restored || Boolean(element.value);
      }
    });
    return restored;
  }

  function show(form, text, kind) {
    var box = form.querySelector("#q-status");
    if (!box) return;
    box.className = "alert alert-" + kind;
    box.textContent = text;
  }

  function replaceContent(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.getElementById("q-content");
    var current = document.getElementById("q-content");
    if (!fresh || !current) return false;
    current.innerHTML = fresh.innerHTML;
    return true;
  }

  function init(form) {
    if (form.getAttribute("data-fresh") === "1" && restore(form)) {
      show(form, form.getAttribute("data-msg-restored"), "info");
    }
    form.addEventListener("change", function () { save(form); });
    form.addEventListener("input", function () { save(form); });
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.FormData || !window.DOMParser) return; // plain POST
      event.preventDefault();
      save(form);
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      show(form, form.getAttribute("data-msg-sending"), "secondary");
      fetch(form.getAttribute("action") || window.location.pathname, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" }
      }).then(function (response) {
        return response.text().then(function (html) {
          var state = response.headers.get("X-Questionnaire");
          if (state === "done" || state === "expired") {
            if (state === "done") {
              try { localStorage.removeItem(storageKey(form)); } catch (error) { /* nothing to do */ }
            }
            replaceContent(html);
            window.scrollTo(0, 0);
            return;
          }
          if (state === "form" && replaceContent(html)) {
            var again = document.getElementById("q-form");
            if (again) {
              init(again);
              var invalid = again.querySelector(".q-invalid");
              if (invalid) invalid.scrollIntoView({ behavior: "smooth", block: "start" });
            }
            return;
          }
          throw new Error("unexpected answer " + response.status);
        });
      }).catch(function (error) {
        if (button) button.disabled = false;
        var offline = error instanceof TypeError || navigator.onLine === false;
        show(form, form.getAttribute(offline ? "data-msg-offline" : "data-msg-failed"), "warning");
      });
    });
  }

  var form = document.getElementById("q-form");
  if (form) init(form);
})();
