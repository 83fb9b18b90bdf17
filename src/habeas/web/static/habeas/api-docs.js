// Starts the vendored Swagger UI on our own OpenAPI document (no inline script: strict CSP).
"use strict";
(() => {
  const root = document.getElementById("swagger-ui");
  if (!root || typeof SwaggerUIBundle === "undefined") return;
  SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    deepLinking: false,
    // No validator badge: it would send the document to validator.swagger.io.
    validatorUrl: null,
  });
})();
