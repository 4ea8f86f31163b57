/**
 * The health score (0–100) and its bands. docs/SCORING.md's score sections are generated
 * from the declarations here (`npm run docs`), so the page cannot drift from the code.
 *
 * Each judged finding adds to its area either a pass (✔ good, 1) or a problem (✖ bad 1,
 * ▲ warn ½); `info` findings ("cannot judge, paste X") do not count. An area's score is its
 * passes ÷ (passes + problems); the shop's score is the weighted mean over the areas that
 * have judged findings, × 100, rounded. Sales and conversion weigh most: they are the money.
 *
 * Monotonic by construction: a new ✖ or ▲ only adds to an area's problems, so it can never
 * raise that area's score, and an area that holds only problems scores 0, so a new area can
 * never lift the total either. Fixing a problem (removing it) can never lower either.
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

/** How much one finding of each status adds to its area: passes (✔) or problems (✖, ▲ half of one). */
export const STATUS_WEIGHT: Record<JudgedStatus, { pass: number; problem: number }> = {
  good: { pass: 1, problem: 0 },
  warn: { pass: 0, problem: 0.5 },
  bad: { pass: 0, problem: 1 },
};

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

/** An area's share of passes (0–1): passes ÷ (passes + problems), or null when nothing in it was judged. */
export function areaShare(findings: readonly Finding[], area: Area): number | null {
  let pass = 0;
  let problem = 0;
  for (const f of findings) {
    if (f.area !== area || f.status === "info") continue;
    pass += STATUS_WEIGHT[f.status].pass;
    problem += STATUS_WEIGHT[f.status].problem;
  }
  return pass + problem > 0 ? pass / (pass + problem) : null;
}

/** The 0–100 score of a set of findings, or null when none of them could be judged. */
export function scoreFindings(findings: readonly Finding[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const area of Object.keys(AREA_WEIGHTS) as Area[]) {
    const share = areaShare(findings, area);
    if (share === null) continue;
    weighted += AREA_WEIGHTS[area] * share;
    weights += AREA_WEIGHTS[area];
  }
  return weights > 0 ? Math.round((100 * weighted) / weights) : null;
}
