/**
 * The health score (0–100) and its bands. docs/SCORING.md's score sections are generated
 * from the declarations here (`npm run docs`), so the page cannot drift from the code.
 *
 * Each judged finding earns points by status (good 1, warn 0.5, bad 0); `info` findings
 * ("cannot judge, paste X") do not count. An area's score is the mean over its findings;
 * the shop's score is the weighted mean over the areas that have judged findings, × 100,
 * rounded. Sales and conversion weigh most because they are the money itself.
 */
import type { Area, Finding, Status } from "./report";

/** Each area's weight in the score, and why (the reason is printed in docs/SCORING.md). */
export const AREA_SCORING: Record<Area, { weight: number; why: string }> = {
  sales: { weight: 3, why: "week-on-week sales, the daily target, repurchase: the money itself" },
  conversion: { weight: 3, why: 'pay conversion vs peers, pre-sale items: "the shop\'s most important number"' },
  traffic: { weight: 2, why: "traffic sources, bounce rate, visit depth, visitor value vs cost" },
  aov: { weight: 1.5, why: "shop order value vs the hero product" },
  products: { weight: 1.5, why: "conversion trends, price × conversion, zero-sales products" },
  ads: { weight: 1.5, why: "plan ROI vs break-even, CTR" },
  reputation: { weight: 1, why: "DSR, bad reviews on the top products" },
  service: { weight: 1, why: "each agent's consultation conversion" },
  data: { weight: 0.5, why: "problems in the pasted data (they lower trust, not sales)" },
};

function weightsOf(scoring: Record<Area, { weight: number }>): Record<Area, number> {
  return Object.fromEntries(Object.entries(scoring).map(([area, a]) => [area, a.weight])) as Record<Area, number>;
}
// `@__PURE__`: a bundle that only needs the bands (the sidebar) drops the table and its reasons.
export const AREA_WEIGHTS = /* @__PURE__ */ weightsOf(AREA_SCORING);

export type JudgedStatus = Exclude<Status, "info">;

export const STATUS_POINTS: Record<JudgedStatus, number> = { good: 1, warn: 0.5, bad: 0 };

/**
 * Score bands, best first: a score at or above `min` has that status. The report sheet, the
 * sidebar, the CLI summary, the score note and docs/SCORING.md all read this one table.
 */
export const SCORE_BANDS: readonly { readonly status: JudgedStatus; readonly min: number }[] = [
  { status: "good", min: 80 },
  { status: "warn", min: 60 },
  { status: "bad", min: 0 },
];

/** The band of a score: good, warn or bad. */
export function scoreBand(score: number): JudgedStatus {
  for (const band of SCORE_BANDS) if (score >= band.min) return band.status;
  return SCORE_BANDS[SCORE_BANDS.length - 1].status;
}

/** The band boundaries as message parameters: `{good}`, `{warn}` and `{warnTop}` (the warning band's top). */
export function scoreBandParams(): { good: number; warn: number; warnTop: number } {
  const good = SCORE_BANDS.find((b) => b.status === "good")!.min;
  const warn = SCORE_BANDS.find((b) => b.status === "warn")!.min;
  return { good, warn, warnTop: good - 1 };
}

/** The 0–100 score of a set of findings, or null when none of them could be judged. */
export function scoreFindings(findings: readonly Finding[]): number | null {
  const sums = new Map<Area, { points: number; n: number }>();
  for (const f of findings) {
    if (f.status === "info") continue;
    const s = sums.get(f.area) ?? { points: 0, n: 0 };
    s.points += STATUS_POINTS[f.status];
    s.n++;
    sums.set(f.area, s);
  }
  let weighted = 0;
  let weights = 0;
  for (const [area, s] of sums) {
    weighted += AREA_WEIGHTS[area] * (s.points / s.n);
    weights += AREA_WEIGHTS[area];
  }
  return weights > 0 ? Math.round((100 * weighted) / weights) : null;
}
