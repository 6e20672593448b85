/* The manual pair form: the mentor and mentee lists become searchable (Tom Select, vendored) and are
 * reloaded for the chosen form of mentoring from the page's JSON endpoint, so the curator sees before
 * sending which mentor has no free place and which pupil is already in a pair. Without this script the
 * lists are plain selects whose options carry the same notes; the server checks everything anyway. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-candidates-url]");
  if (!form || typeof window.TomSelect !== "function") return;
  var url = form.getAttribute("data-candidates-url");
  var formSelect = form.querySelector("select[name=form]");
  var warning = document.getElementById("pair-form-warning");
  var texts = {
    noResults: form.getAttribute("data-text-no-results") || "",
    blocked: form.getAttribute("data-text-blocked") || "",
    overCapacity: form.getAttribute("data-text-over-capacity") || "",
  };
  var selects = {};

  var render = {
    option: function (data, escape) {
      var note = data.note ? '<div class="small ' + (data.blocked ? "text-danger" : "text-body-secondary") +
        '">' + escape(data.note) + "</div>" : "";
      var group = data.group ? '<span class="text-body-secondary">, ' + escape(data.group) + "</span>" : "";
      return "<div>" + escape(data.name || data.text) + group + note + "</div>";
    },
    item: function (data, escape) {
      return "<div>" + escape(data.name || data.text) + "</div>";
    },
    no_results: function (data, escape) {
      return '<div class="no-results">' + escape(texts.noResults) + "</div>";
    },
  };

  form.querySelectorAll("select[data-searchable]").forEach(function (select) {
    // the server's notes are in the option text: keep them searchable, split them for display
    var options = Array.prototype.map.call(select.options, function (option) {
      var parts = option.text.split(" — ");
      var head = parts[0].split(", ");
      return {
        value: option.value,
        text: option.text,
        name: head[0],
        group: head.slice(1).join(", "),
        note: parts.slice(1).join(" — "),
      };
    });
    select.removeAttribute("size");
    // Tom Select points the <label> at its own search box: the original select (still read by screen
    // readers and by the form's validation) keeps its name
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    if (label && !select.hasAttribute("aria-label")) select.setAttribute("aria-label", label.textContent.trim());
    selects[select.getAttribute("data-searchable")] = new window.TomSelect(select, {
      plugins: ["remove_button"],
      options: options,
      searchField: ["text"],
      maxOptions: 500,
      hidePlaceholder: true,
      render: render,
      onChange: check,
    });
  });

  function check() {
    if (!warning) return;
    var mentors = selects.mentors, mentees = selects.mentees;
    var messages = [];
    if (mentors && mentees) {
      var count = mentees.items.length;
      mentors.items.forEach(function (value) {
        var data = mentors.options[value];
        if (data && typeof data.free === "number" && count > data.free) {
          messages.push(texts.overCapacity.replace("{name}", data.name).replace("{free}", data.free));
        }
      });
      mentees.items.forEach(function (value) {
        var data = mentees.options[value];
        if (data && data.blocked) messages.push(texts.blocked.replace("{name}", data.name));
      });
    }
    warning.textContent = messages.join(" ");
    warning.classList.toggle("d-none", messages.length === 0);
  }

  // only the answer to the latest request is applied: the page's first request (the preselected form)
  // may arrive after the one for the form the curator has just chosen
  var latest = 0;

  function reload() {
    if (!formSelect || !formSelect.value) return;
    var request = ++latest;
    var query = "?form=" + encodeURIComponent(formSelect.value);
    var group = form.getAttribute("data-group");
    if (group) query += "&group=" + encodeURIComponent(group);
    fetch(url + query, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || request !== latest) return;
        ["mentors", "mentees"].forEach(function (key) {
          var ts = selects[key];
          if (!ts) return;
          var keep = ts.items.slice();
          ts.clearOptions(function (option) { return keep.indexOf(option.value) !== -1; });
          data[key].forEach(function (option) {
            // what the server would refuse cannot be chosen (what is already chosen stays, to be removed)
            option.disabled = option.blocked && keep.indexOf(option.value) === -1;
            if (ts.options[option.value]) ts.updateOption(option.value, option);
            else ts.addOption(option);
          });
          ts.refreshOptions(false);
        });
        check();
      });
  }

  if (formSelect) formSelect.addEventListener("change", reload);
  reload();
})();
