import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderScoringDoc, SCORING_DOC } from "../../scripts/docs";
import { RULE_DECLARATIONS } from "../../src/engine/rules";

describe("docs/SCORING.md", () => {
  it("is what `npm run docs` generates from score.ts and the rule declarations today", () => {
    const committed = readFileSync(SCORING_DOC, "utf8");
    expect(committed, "docs/SCORING.md is stale: run `npm run docs` and commit it").toBe(renderScoringDoc());
  });

  it("lists every rule, its thresholds in their units, the bands and a worked example that the score function computes", () => {
    const doc = renderScoringDoc();
    for (const rule of RULE_DECLARATIONS) expect(doc).toContain(`| ${rule.id} | ${rule.area} |`);
    // Hand-worked: traffic 1 ÷ (1 + 0.5) = 2/3; 3 × 0.5 + 3 × 1 + 2 × 2/3 = 5.833, ÷ 8 = 0.729 → 73.
    expect(doc).toContain("Score = (3 × 0.5 + 3 × 1 + 2 × 0.667) ÷ (3 + 3 + 2) × 100 = 73.");
    expect(doc).toContain("80–100 ✔ good, 60–79 ▲ warning, 0–59 ✖ bad");
    expect(doc).toContain(
      "| sales-change-drivers | sales | last 7 days vs the 7 before, per ordinary day (Events tab days left out; a window of event days only is ℹ): drop ≥ 10 % ✖, ≥ 3 % ▲; recent days within the post-event days after a 大促 are counted in the message |",
    );
    expect(doc).toContain(
      "| bounce-rate | `good` | 60 % | share | mean daily bounce rate at or below this is ✔ | `bounceGood` |",
    );
    expect(doc).not.toMatch(/\{\w+\}|NaN|undefined/);
  });
});
