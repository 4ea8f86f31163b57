/**
 * The HTTP function stays a thin adapter: its modules import only the engine, the custom-function
 * registry, the shared readers and renderers, the chat brief (src/notify), node: modules and its two packages — never the
 * CLI, the preview or the Apps Script adapters.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const DIR = join(ROOT, "src", "function");
const ALLOWED_DIRS = ["src/engine", "src/functions", "src/readers", "src/notify", "src/function"];
const ALLOWED_FILES = ["src/local/render-grid.ts", "src/local/render-markdown.ts"];
const PACKAGES = ["@google-cloud/functions-framework", "@google-cloud/functions-framework/testing", "busboy"];

describe("src/function imports", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".ts"));

  it("finds the function's modules", () => {
    expect(files).toEqual(expect.arrayContaining(["handler.ts", "index.ts", "input.ts", "local.ts"]));
  });

  it.each(files)("%s reaches only the engine, registry, readers and renderers", (file) => {
    const text = readFileSync(join(DIR, file), "utf8");
    const specs = [...text.matchAll(/^(?:import|export)\b[^'"]*?\bfrom\s+"([^"]+)"/gm)].map((m) => m[1]);
    for (const spec of specs) {
      if (spec.startsWith("node:")) continue;
      if (!spec.startsWith(".")) {
        expect(PACKAGES, `${file} imports ${spec}`).toContain(spec);
        continue;
      }
      const target = relative(ROOT, join(DIR, spec));
      const ok =
        ALLOWED_DIRS.some((d) => target === d || target.startsWith(`${d}/`)) || ALLOWED_FILES.includes(`${target}.ts`);
      expect(ok, `${file} imports ${target}`).toBe(true);
    }
  });
});
