// Line charts of the KPI dashboard (Chart.js, vendored). Each <canvas data-kpi-chart="ID"> reads its
// numbers from the <script type="application/json" id="ID"> beside it; the same numbers are in a table.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") {
    return;
  }
  var style = getComputedStyle(document.documentElement);
  var primary = style.getPropertyValue("--bs-primary").trim() || "#0d6efd";
  var muted = style.getPropertyValue("--bs-secondary").trim() || "#6c757d";
  document.querySelectorAll("canvas[data-kpi-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.getAttribute("data-kpi-chart"));
    if (!source) {
      return;
    }
    var data = JSON.parse(source.textContent);
    var suffix = data.percent ? " %" : "";
    var datasets = [
      {
        label: data.valueLabel,
        data: data.values,
        borderColor: primary,
        backgroundColor: primary,
        tension: 0.2,
        spanGaps: true,
      },
    ];
    if (data.targets.some(function (value) { return value !== null; })) {
      datasets.push({
        label: data.targetLabel,
        data: data.targets,
        borderColor: muted,
        backgroundColor: muted,
        borderDash: [6, 4],
        pointRadius: 0,
        spanGaps: true,
      });
    }
    new window.Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 12 } },
          tooltip: {
            callbacks: {
              label: function (context) {
                return context.dataset.label + ": " + context.formattedValue + suffix;
              },
            },
          },
        },
        scales: {
          y: {
            beginAtZero: true,
            suggestedMax: data.percent ? 100 : undefined,
            ticks: { callback: function (value) { return value + suffix; } },
          },
        },
      },
    });
  });
})();
