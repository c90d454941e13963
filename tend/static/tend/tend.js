// Tend's small behaviours. Every one of them also works, more plainly, without JavaScript.
(function () {
  "use strict";

  var THEME_KEY = "tend-theme";

  function storedTheme() {
    try {
      return window.localStorage.getItem(THEME_KEY) || "system";
    } catch (e) {
      return "system";
    }
  }

  function applyTheme(theme) {
    var root = document.documentElement;
    if (theme === "light" || theme === "dark") {
      root.setAttribute("data-theme", theme);
    } else {
      root.removeAttribute("data-theme");
    }
    try {
      if (theme === "system") {
        window.localStorage.removeItem(THEME_KEY);
      } else {
        window.localStorage.setItem(THEME_KEY, theme);
      }
    } catch (e) {
      // Not remembered, but still applied for this page.
    }
  }

  function setUpThemeToggle() {
    var toggle = document.querySelector(".theme-toggle");
    if (!toggle) return;
    var current = storedTheme();
    toggle.querySelectorAll("input[name='tend-theme']").forEach(function (input) {
      input.checked = input.value === current;
      input.addEventListener("change", function () {
        if (input.checked) applyTheme(input.value);
      });
    });
    toggle.hidden = false;
  }

  // Quick exit: leave at once and replace this page in the history, so the back
  // button does not bring anyone straight back to Tend.
  function quickExit(url) {
    document.body.hidden = true;
    document.title = "";
    window.location.replace(url);
  }

  function setUpQuickExit() {
    document.querySelectorAll("[data-quick-exit]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        quickExit(link.href);
      });
    });
  }

  // Pre-fill an empty time-zone field with the browser's own zone.
  function setUpTimeZoneGuess() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    if (!zone) return;
    document.querySelectorAll("[data-guess-timezone]").forEach(function (field) {
      if (field.value) return;
      if (field.tagName === "SELECT") {
        var option = Array.prototype.find.call(field.options, function (o) {
          return o.value === zone;
        });
        if (option) field.value = zone;
      } else {
        field.value = zone;
      }
    });
  }

  // Copy buttons: <button data-copy="#element-id">; the text stays selectable without JS.
  function setUpCopyButtons() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var target = document.querySelector(button.getAttribute("data-copy"));
      if (!target || !navigator.clipboard) return;
      var status = document.getElementById(button.getAttribute("data-copy-status") || "");
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = target.value !== undefined ? target.value : target.textContent;
        navigator.clipboard.writeText(text.trim()).then(function () {
          if (status) status.textContent = button.getAttribute("data-copied-text") || "";
        });
      });
    });
  }

  function init() {
    setUpThemeToggle();
    setUpQuickExit();
    setUpTimeZoneGuess();
    setUpCopyButtons();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
