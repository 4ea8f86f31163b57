/**
 * The waterfall chart's arithmetic (the profit block, issue 14): sales stand on 0, each deduction
 * floats from the running total down, and the net stands on 0 again. Charts stack their bars
 * from 0, positives upwards and negatives downwards, each sign on its own, in series order. So
 * each step is an invisible base and a visible bar split into its part above 0 and its part
 * below 0: a step whose span stays above 0 sits on a positive base, one that stays below hangs
 * from a negative base, and one that crosses 0 has base 0 with a part on each side. Pure: the
 * sheet's stacked chart, the HTML and the preview all draw these same cells.
 */

/** A step of the walk: a total stands on 0 (sales, net); a change moves the running total by its signed amount. */
export interface WaterfallInput {
  kind: "total" | "change";
  /** The total itself, or the signed change (a deduction is negative). */
  value: number;
}

/**
 * One step as stacked parts: `base` is drawn invisible; `above` (≥ 0) and `below` (≤ 0) are the
 * visible bar. Exactly one of: base > 0 and below = 0; base < 0 and above = 0; base = 0.
 * `gain` colours it: a total at or above 0 or a change that adds (green), else a deduction or a
 * loss (red). `from`/`to` are the running total before and after the step (a total from 0).
 */
export interface WaterfallBar {
  base: number;
  above: number;
  below: number;
  gain: boolean;
  from: number;
  to: number;
}

/**
 * A sum of amounts without binary noise: 45,000.1 − 0.2 is 44,999.9, not 44,999.899999999994.
 * Fifteen significant digits are what a double holds exactly; -0 becomes 0.
 */
function tidy(x: number): number {
  return Number.isFinite(x) ? Number.parseFloat(x.toPrecision(15)) + 0 : x;
}

/** The bars for a walk of totals and changes (see WaterfallBar); -0 never comes out. */
export function waterfallBars(steps: readonly WaterfallInput[]): WaterfallBar[] {
  let running = 0;
  return steps.map((step) => {
    const from = step.kind === "total" ? 0 : running;
    const to = step.kind === "total" ? step.value : tidy(running + step.value);
    running = to;
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    let base: number;
    let above: number;
    let below: number;
    if (lo >= 0) {
      // All above 0: stands on an invisible base up to its lower end.
      base = lo;
      above = hi - lo;
      below = 0;
    } else if (hi <= 0) {
      // All below 0: hangs from an invisible base down to its upper end.
      base = hi;
      above = 0;
      below = lo - hi;
    } else {
      // Crosses 0: no base, one part on each side.
      base = 0;
      above = hi;
      below = lo;
    }
    // A total at or above 0, or a change that adds, is a gain; a deduction or a loss is not.
    const gain = step.value >= 0;
    return { base: tidy(base), above: tidy(above), below: tidy(below), gain, from: tidy(from), to: tidy(to) };
  });
}

/**
 * The waterfall chart's source columns after its labels, in stacking order: the hidden base,
 * then the green bar above and below 0, then the red bar above and below 0. Each adapter
 * stacks them in this order and hides the first.
 */
export const WATERFALL_SERIES = ["base", "gainAbove", "gainBelow", "lossAbove", "lossBelow"] as const;
export type WaterfallSeries = (typeof WATERFALL_SERIES)[number];

/** The colours of the waterfall's series (the base is drawn in none; the sheet paints it the chart's white). */
export const WATERFALL_COLOURS: Record<WaterfallSeries, string> = {
  base: "#ffffff",
  gainAbove: "#34a853",
  gainBelow: "#34a853",
  lossAbove: "#ea4335",
  lossBelow: "#ea4335",
};

/** A bar's values in WATERFALL_SERIES order. */
export function waterfallRow(bar: WaterfallBar): Record<WaterfallSeries, number> {
  return {
    base: bar.base,
    gainAbove: bar.gain ? bar.above : 0,
    gainBelow: bar.gain ? bar.below : 0,
    lossAbove: bar.gain ? 0 : bar.above,
    lossBelow: bar.gain ? 0 : bar.below,
  };
}
