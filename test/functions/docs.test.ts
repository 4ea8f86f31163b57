import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FUNCTIONS_DOC, renderFunctionsDoc } from "../../scripts/docs";
import { CUSTOM_FUNCTIONS } from "../../src/functions/registry";

describe("docs/FUNCTIONS.md", () => {
  it("is what `npm run docs` generates from the registry today", () => {
    const committed = readFileSync(FUNCTIONS_DOC, "utf8");
    expect(committed, "docs/FUNCTIONS.md is stale: run `npm run docs` and commit it").toBe(renderFunctionsDoc());
  });

  it("documents every function and how multi-day bounce and conversion are built", () => {
    const doc = renderFunctionsDoc();
    for (const fn of CUSTOM_FUNCTIONS) expect(doc).toContain(`### ${fn.name}`);
    expect(doc).toContain("AVERAGE(BOUNCE_RATE(");
    expect(doc).toMatch(/PAY_CONVERSION\(SUM\([^)]*\), SUM\(/);
  });
});
