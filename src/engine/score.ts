/**
 * The health score (0–100). Documented for users in docs/SCORING.md — keep the two in step.
 *
 * Each judged finding earns points by status (good 1, warn 0.5, bad 0); `info` findings
 * ("cannot judge, paste X") do not count. An area's score is the mean over its findings;
 * the shop's score is the weighted mean over the areas that have judged findings, × 100,
 * rounded. Sales and conversion weigh most because they are the money itself.
 */
import type { Area, Finding, Status } from "./report";

export const AREA_WEIGHTS: Record<Area, number> = {
  sales: 3,
  conversion: 3,
  traffic: 2,
  aov: 1.5,
  products: 1.5,
  ads: 1.5,
  reputation: 1,
  service: 1,
  data: 0.5,
};

export const STATUS_POINTS: Record<Exclude<Status, "info">, number> = { good: 1, warn: 0.5, bad: 0 };

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
