// The gentle timer of a deep-talk set: counts the server's remaining time down,
// a minute at a time, without sound. The page already shows the time without it.
(function () {
  "use strict";
  var box = document.querySelector("[data-talk-timer]");
  if (!box || box.dataset.running !== "true") {
    return;
  }
  var text = box.querySelector("[data-talk-timer-text]");
  var endsAt = Date.now() + Number(box.dataset.remaining || 0) * 1000;
  var shown = text ? text.textContent.trim() : "";

  function words(seconds) {
    if (seconds <= 0) {
      return box.dataset.done;
    }
    var minutes = Math.ceil(seconds / 60);
    return minutes === 1 ? box.dataset.one : box.dataset.many.replace("__N__", String(minutes));
  }

  function tick() {
    var seconds = Math.round((endsAt - Date.now()) / 1000);
    var next = words(seconds);
    // Only a changed sentence is written, so a screen reader hears it once a minute at most.
    if (text && next !== shown) {
      text.textContent = next;
      shown = next;
    }
    if (seconds <= 0) {
      box.classList.add("talk-timer-done");
      return;
    }
    window.setTimeout(tick, 5000);
  }

  tick();
})();
