// Keyboard review: j/k move between suggestions, c confirms, r rejects, e edits.
// Actions press the card's own buttons, so htmx and the CSRF token work as with a click.
"use strict";
(() => {
  const cards = () => Array.from(document.querySelectorAll("[data-suggestion]"));
  let current = -1;

  function focusCard(index) {
    const all = cards();
    if (all.length === 0) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((card, i) => card.classList.toggle("current", i === current));
    all[current].focus({ preventScroll: true });
    all[current].scrollIntoView({ block: "nearest", behavior: "smooth" });
    showEvidence(all[current]);
  }

  // The report's text is shown once per group of cards: mark the spans of this card
  // (each <mark> lists the cards it supports in data-evidence) and scroll to the first.
  function showEvidence(card) {
    const group = card.closest(".report-group");
    const box = group && group.querySelector("[data-report-text]");
    if (!box) return;
    let first = null;
    for (const mark of box.querySelectorAll("mark[data-evidence]")) {
      const mine = mark.dataset.evidence.split(" ").includes(card.id);
      mark.classList.toggle("current", mine);
      if (mine && first === null) first = mark;
    }
    if (first) box.scrollTop = first.offsetTop - box.offsetTop - 24;
  }

  function press(action) {
    const card = cards()[current];
    const control = card && card.querySelector(`[data-action="${action}"]`);
    if (control) control.click();
  }

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    const keys = { j: () => focusCard(current + 1), k: () => focusCard(current - 1),
      c: () => press("confirm"), r: () => press("reject"), e: () => press("edit") };
    const run = keys[event.key];
    if (!run) return;
    event.preventDefault();
    if (current < 0 && event.key !== "j" && event.key !== "k") focusCard(0);
    run();
  });

  // After htmx swaps a decided card in, keep the place and move to the next one.
  document.addEventListener("htmx:afterSwap", (event) => {
    const swapped = event.detail.target;
    const all = cards();
    const index = all.findIndex((card) => card.id === swapped.id);
    if (index >= 0) focusCard(index + 1 < all.length ? index + 1 : index);
  });

  // Each group shows its first card's evidence until a card is chosen.
  document.addEventListener("DOMContentLoaded", () => {
    for (const group of document.querySelectorAll(".report-group")) {
      const card = group.querySelector("[data-suggestion]");
      if (card) showEvidence(card);
    }
    for (const card of cards()) card.addEventListener("focusin", () => showEvidence(card));
  });
})();
