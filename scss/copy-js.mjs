// Copies GOV.UK Frontend's ES module build into static/js so the portal serves it itself.
import { copyFileSync, mkdirSync } from "node:fs";
mkdirSync("static/js", { recursive: true });
copyFileSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", "static/js/govuk-frontend.min.js");
