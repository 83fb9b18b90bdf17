// Draws the public statistics from the JSON the page carries in <script type="application/json">
// (no inline script: the CSP forbids it). Events and persons are two labelled datasets.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("public-stats");
  if (!source || typeof Chart === "undefined") return;
  const charts = JSON.parse(source.textContent);
  for (const canvas of document.querySelectorAll("canvas.public-chart")) {
    const data = charts[canvas.dataset.source];
    if (!data) continue;
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: "Events", data: data.events, backgroundColor: "#0b5cad" },
          { label: "Persons", data: data.persons, backgroundColor: "#c2410c" },
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }
});
