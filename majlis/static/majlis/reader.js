/* Reader pages: the A+ / A- text size, remembered across pages and visits (localStorage). */
(function () {
  "use strict";
  var KEY = "majlis:text-scale", STEPS = [0.875, 1, 1.125, 1.25, 1.5, 1.75, 2];
  function load() {
    try { var v = parseFloat(localStorage.getItem(KEY)); return STEPS.indexOf(v) >= 0 ? v : 1; } catch (e) { return 1; }
  }
  function apply(scale) {
    document.documentElement.style.setProperty("--text-scale", String(scale));
    document.documentElement.dataset.textScale = String(scale);
    var i = STEPS.indexOf(scale);
    document.querySelectorAll("[data-text-size]").forEach(function (b) {
      b.disabled = b.dataset.textSize === "up" ? i === STEPS.length - 1 : i === 0;
    });
    var status = document.querySelector("[data-text-size-status]");
    if (status) status.textContent = Math.round(scale * 100) + "%";
  }
  apply(load());
  document.addEventListener("DOMContentLoaded", function () {
    apply(load());
    document.querySelectorAll("[data-text-size]").forEach(function (button) {
      button.addEventListener("click", function () {
        var i = STEPS.indexOf(load()) + (button.dataset.textSize === "up" ? 1 : -1);
        var next = STEPS[Math.max(0, Math.min(STEPS.length - 1, i))];
        try { localStorage.setItem(KEY, String(next)); } catch (e) { /* private mode: applies to this page only */ }
        apply(next);
      });
    });
  });
})();
