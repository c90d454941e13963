// Draws the weekly moments chart from the numbers the page embeds with json_script.
// The same numbers are in the table beside it: the chart is an extra, not the only view.
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
    var text = cssColour("--muted", "#5e544c");
    var warm = cssColour("--primary", "#8a3f26");
    var hard = cssColour("--sealed", "#4d3b6b");
    new window.Chart(canvas, {
      data: {
        labels: data.labels,
        datasets: [
          { type: "bar", label: data.names.positives, data: data.positives, backgroundColor: warm, yAxisID: "y" },
          { type: "bar", label: data.names.negatives, data: data.negatives, backgroundColor: hard, yAxisID: "y" },
          {
            type: "line",
            label: data.names.balance,
            data: data.balance,
            borderColor: text,
            backgroundColor: text,
            borderDash: [6, 4],
            tension: 0,
            pointRadius: 2,
            yAxisID: "balance",
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : undefined,
        scales: {
          x: { ticks: { color: text, maxRotation: 0, autoSkip: true } },
          y: { beginAtZero: true, ticks: { precision: 0, color: text } },
          balance: { position: "right", grid: { drawOnChartArea: false }, ticks: { precision: 0, color: text } },
        },
        plugins: { legend: { position: "bottom", labels: { color: text } } },
      },
    });
  }

  document.querySelectorAll("canvas[data-chart-source]").forEach(draw);
})();
