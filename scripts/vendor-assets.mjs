// Copies the browser files habeas serves from node_modules into
// src/habeas/web/static/vendor/, where they are committed: running the app
// needs no npm, and a change of version is a visible diff.
// Usage: npm ci && npm run vendor
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "src", "habeas", "web", "static", "vendor");
const files = [
  ["htmx.org", "dist/htmx.min.js", "htmx.min.js", "LICENSE"],
  ["chart.js", "dist/chart.umd.min.js", "chart.umd.min.js", "LICENSE.md"],
  // The API's interactive docs (/api/docs), served from our origin.
  ["swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui-bundle.js", "LICENSE"],
  ["swagger-ui-dist", "swagger-ui.css", "swagger-ui.css", "LICENSE"],
];

mkdirSync(target, { recursive: true });
const versions = [];
for (const [pkg, from, to, license] of files) {
  const base = join(root, "node_modules", pkg);
  copyFileSync(join(base, from), join(target, to));
  copyFileSync(join(base, license), join(target, `${to}.LICENSE.txt`));
  const { version } = JSON.parse(readFileSync(join(base, "package.json"), "utf8"));
  versions.push(`${to}\t${pkg}@${version}`);
}
const note = "# file\tnpm package (copied by scripts/vendor-assets.mjs)\n";
writeFileSync(join(target, "VERSIONS.txt"), note + versions.join("\n") + "\n");
