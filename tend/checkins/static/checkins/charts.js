// Draws the check-in charts from data the page embeds with json_script.
// The same numbers are in a table on the page, so the chart is an extra, not the only view.
(function () {
  "use strict";

  function cssColour(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chartSource);
    if (!source || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var colours = [cssColour("--primary", "#8a3f26"), cssColour("--sealed", "#4d3b6b")];
    var text = cssColour("--muted", "#5e544c");
    var datasets = data.datasets.map(function (set, i) {
      var colour = colours[i % colours.length];
      return {
        label: set.label,
        data: set.data,
        borderColor: colour,
        backgroundColor: colour,
        spanGaps: true,
        // Straight segments: a curve would swing past 1 or 5 between two check-ins.
        tension: 0,
        pointRadius: 3,
      };
    });
    new window.Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : undefined,
        scales: {
          y: {
            min: data.y_min,
            max: data.y_max,
            ticks: { stepSize: 1, color: text },
            title: { display: true, text: data.axis_label, color: text },
          },
          x: { ticks: { color: text, maxRotation: 0, autoSkip: true } },
        },
        plugins: { legend: { position: "bottom", labels: { color: text } } },
      },
    });
  }

  document.querySelectorAll("canvas[data-chart-source]").forEach(draw);
})();
