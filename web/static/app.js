// debrief: small touches on the postmortem page. Everything works without it.
(function () {
  "use strict";
  // Clicking a mark shows its finding in the list, and following a
  // finding's "line N" link briefly outlines its mark.
  document.addEventListener("click", function (e) {
    var mark = e.target.closest && e.target.closest("mark.lint");
    if (mark) {
      var item = document.getElementById("lint-" + mark.dataset.finding);
      if (item) { item.scrollIntoView({ block: "nearest" }); location.hash = "lint-" + mark.dataset.finding; }
      return;
    }
    var a = e.target.closest && e.target.closest('a[href^="#finding-"]');
    if (a) {
      var m = document.getElementById(a.getAttribute("href").slice(1));
      if (m) {
        m.classList.add("flash");
        setTimeout(function () { m.classList.remove("flash"); }, 1600);
      }
    }
  });
})();
