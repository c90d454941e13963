// Loaded in <head> without defer: applies the saved theme before the first paint.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var theme = window.localStorage.getItem("tend-theme");
    if (theme === "light" || theme === "dark") {
      root.setAttribute("data-theme", theme);
    }
  } catch (e) {
    // Storage can be blocked (private windows, strict settings): the system theme applies.
  }
})();
