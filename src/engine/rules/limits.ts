/** Thresholds and caps that several rules share (each rule declares the ones it uses). */
import { fixed } from "./define";

/** Products (sources …) with fewer visitors than this over the period are too small to judge. */
export const MIN_VISITORS = fixed(
  100,
  "visitors",
  "products with fewer visitors over the period are too small to judge",
);

/** How many per-product (source, plan, agent) findings one rule lists before one ℹ line sums up the rest. */
export const MAX_SUBJECT_FINDINGS = fixed(10, "findings", "findings listed before one ℹ line counts and sums the rest");
