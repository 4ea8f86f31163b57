/**
 * The health score is monotonic in problems: adding a ✖ or ▲ finding to any set of findings
 * never raises an area's score nor the total; removing one never lowers them (fast-check).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Area, Finding, Status } from "../../src/engine";
import { areaScore } from "../../src/engine/history";
import { AREA_SCORING, scoreFindings } from "../../src/engine/score";

const AREAS = Object.keys(AREA_SCORING) as Area[];
const STATUSES: Status[] = ["good", "warn", "bad", "info"];

const finding = (area: Area, status: Status): Finding => ({
  rule: "bounce-rate",
  status,
  area,
  subject: "shop",
  subjectType: "shop",
  metric: "bounceRate",
  value: null,
  benchmark: null,
  format: "number",
  impact: null,
  impactBasis: null,
  message: "",
});

const anyFinding = fc.tuple(fc.constantFrom(...AREAS), fc.constantFrom(...STATUSES)).map(([a, s]) => finding(a, s));
const problem = fc
  .tuple(fc.constantFrom(...AREAS), fc.constantFrom<Status>("warn", "bad"))
  .map(([a, s]) => finding(a, s));
const set = fc.array(anyFinding, { maxLength: 30 });

/** `after` is no better than `before`: a null (nothing judged) is only comparable to null. */
function noHigher(before: number | null, after: number | null): void {
  if (before === null) return; // a first judged finding starts the score; nothing to compare
  expect(after).not.toBeNull();
  expect(after!).toBeLessThanOrEqual(before);
}

describe("score monotonicity", () => {
  it("adding a ✖ or ▲ never raises any area's score nor the total", () => {
    fc.assert(
      fc.property(set, problem, fc.nat(), (findings, p, at) => {
        const i = findings.length ? at % (findings.length + 1) : 0;
        const after = [...findings.slice(0, i), p, ...findings.slice(i)];
        noHigher(scoreFindings(findings), scoreFindings(after));
        for (const area of AREAS) noHigher(areaScore(findings, area), areaScore(after, area));
      }),
      { numRuns: 2000 },
    );
  });
  it("removing a ✖ or ▲ never lowers any area's score nor the total", () => {
    fc.assert(
      fc.property(set, fc.nat(), (findings, at) => {
        const problems = findings
          .map((f, i) => [f, i] as const)
          .filter(([f]) => f.status === "warn" || f.status === "bad");
        if (!problems.length) return;
        const drop = problems[at % problems.length][1];
        const after = findings.filter((_, i) => i !== drop);
        const [before, fixed] = [scoreFindings(findings), scoreFindings(after)];
        if (fixed !== null) expect(fixed).toBeGreaterThanOrEqual(before!);
        for (const area of AREAS) {
          const [b, a] = [areaScore(findings, area), areaScore(after, area)];
          if (a !== null) expect(a).toBeGreaterThanOrEqual(b!);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it("hand-worked: a ▲ in an area with no pass adds nothing, and each ▲ beside a pass lowers it", () => {
    // Reputation ✖ ✖ then ▲ ▲: old mean 0 → 0.25; now 0 → 0 (no pass in the area).
    const base = [finding("reputation", "bad"), finding("reputation", "bad")];
    expect(areaScore(base, "reputation")).toBe(0);
    expect(areaScore([...base, finding("reputation", "warn"), finding("reputation", "warn")], "reputation")).toBe(0);
    // One ✔ and one ▲: 1 ÷ 1.5 = 66.7 → 67; a second ▲: 1 ÷ 2 = 50.
    const mixed = [finding("sales", "good"), finding("sales", "warn")];
    expect(areaScore(mixed, "sales")).toBe(67);
    expect(areaScore([...mixed, finding("sales", "warn")], "sales")).toBe(50);
  });
});
