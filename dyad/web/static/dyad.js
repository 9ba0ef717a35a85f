// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // A click anywhere on an event row opens the event (the row's link still works alone).
  document.addEventListener("click", function (e) {
    var row = e.target.closest && e.target.closest("tr[data-href]");
    if (!row || e.target.closest("a, button, input, select")) return;
    if (window.getSelection && String(window.getSelection())) return;  // selecting text is not a click
    window.location.href = row.getAttribute("data-href");
  });
  // "/" puts the cursor in the search box.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || /input|textarea|select/i.test(e.target.tagName)) return;
    var box = document.querySelector("form.search input[type=search]");
    if (box) { e.preventDefault(); box.focus(); }
  });
  // On an event page, bring its sentence into view.
  var evidence = document.getElementById("evidence");
  if (evidence && !window.location.hash) evidence.scrollIntoView({ block: "center" });
})();
