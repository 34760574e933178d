// Swagger UI over /openapi.json, from web/node_modules (no CDN, no inline script: the CSP holds).
if (window.SwaggerUIBundle) {
  window.SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
} else {
  document.getElementById("swagger-ui").textContent =
    "Swagger UI is not installed (run `npm ci` in web/). The API description is at /openapi.json.";
}
