// Places each event of a person's timeline by its date: the server computes the
// offset (percent) into data-offset; styles are set here, not inline, for the CSP.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const list of document.querySelectorAll("ol.timeline")) {
    for (const item of list.querySelectorAll("li[data-offset]")) {
      item.style.left = `${Number(item.dataset.offset)}%`;
    }
    list.classList.add("positioned");
  }
});
