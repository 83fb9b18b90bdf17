// Draws detentions per month from the JSON the page carries in <script type="application/json">.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("detentions-per-month");
  const canvas = document.getElementById("detentions-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [{ label: "Confirmed detentions", data: data.counts, backgroundColor: "#0b5cad" }],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: false } },
    },
  });
});
