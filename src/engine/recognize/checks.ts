/**
 * Rates and counts side by side must agree: an export with 支付转化率 next to 支付买家数 and
 * 访客数 that disagree means one of the cells is wrong (or the columns were mislabeled).
 */
import type { FieldName, RecognitionIssue, RecognizedTable, TableRow } from "../tables";
import type { TerminalChannel, VocabularyField } from "./vocabulary";
import { columnLetter } from "./issues";

/** A rate column and the two count columns it is computed from. */
interface RateCheck {
  rate: VocabularyField;
  numerator: VocabularyField;
  denominator: VocabularyField;
}

const RATE_CHECKS: readonly RateCheck[] = [
  { rate: "payConversion", numerator: "paidBuyers", denominator: "visitors" },
  { rate: "orderConversion", numerator: "orderBuyers", denominator: "visitors" },
  { rate: "orderPayConversion", numerator: "orderPaidBuyers", denominator: "orderBuyers" },
  { rate: "bounceRate", numerator: "bouncedVisitors", denominator: "visitors" },
  { rate: "cartRate", numerator: "cartAdds", denominator: "visitors" },
  { rate: "ctr", numerator: "clicks", denominator: "impressions" },
  { rate: "clickConversion", numerator: "adOrders", denominator: "clicks" },
  { rate: "unitSessionRate", numerator: "units", denominator: "sessions" },
  { rate: "unitPageviewRate", numerator: "units", denominator: "pageviews" },
  { rate: "consultConversion", numerator: "paidBuyers", denominator: "consultations" },
  { rate: "repeatBuyerShare", numerator: "repeatBuyers", denominator: "paidBuyers" },
  { rate: "returningVisitorShare", numerator: "returningVisitors", denominator: "visitors" },
  // live funnel (issue 12): each (人数) rate against people, each (次数) rate against counts
  { rate: "entryRate", numerator: "viewers", denominator: "exposureUsers" },
  { rate: "entryRateByCount", numerator: "views", denominator: "exposures" },
  { rate: "viewProductExposureRate", numerator: "productExposureUsers", denominator: "viewers" },
  { rate: "productCtr", numerator: "productClickUsers", denominator: "productExposureUsers" },
  { rate: "productCtrByCount", numerator: "productClicks", denominator: "productExposures" },
  { rate: "clickPayConversion", numerator: "paidBuyers", denominator: "productClickUsers" },
  { rate: "exposurePayConversion", numerator: "paidBuyers", denominator: "exposureUsers" },
  { rate: "viewPayConversion", numerator: "paidBuyers", denominator: "viewers" },
];

/** Half a percentage point: exports round rates to two decimals of a percent. */
export const RATE_TOLERANCE = 0.005;

function percent(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

/**
 * Reports every row where a rate column and its counts disagree by more than half a
 * percentage point. `native` lists the fields that come from their own column (stand-ins
 * such as Shopify's Orders-as-buyers are not checked). Terminal variants (`_mobile`…)
 * are checked against their own counts.
 */
export function checkRates(
  sheet: string,
  rows: readonly TableRow[],
  rowNumbers: readonly number[],
  native: ReadonlySet<FieldName>,
  columnIndex: Readonly<RecognizedTable["columnIndex"]>,
  columns: Readonly<RecognizedTable["columns"]>,
): RecognitionIssue[] {
  const issues: RecognitionIssue[] = [];
  const suffixes = new Set<"" | `_${TerminalChannel}`>([""]);
  for (const field of native) {
    const at = field.indexOf("_");
    // Only terminal fields (`visitors_mobile`) hold an underscore.
    if (at > 0) suffixes.add(field.slice(at) as `_${TerminalChannel}`);
  }
  for (const check of RATE_CHECKS) {
    for (const suffix of suffixes) {
      const rate = `${check.rate}${suffix}` as const;
      const numerator = `${check.numerator}${suffix}` as const;
      const denominator = `${check.denominator}${suffix}` as const;
      if (!native.has(rate) || !native.has(numerator) || !native.has(denominator)) continue;
      // Native fields have their own columns.
      const column = columnIndex[rate]!;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        const r = row[rate];
        const n = row[numerator];
        const d = row[denominator];
        if (typeof r !== "number" || typeof n !== "number" || typeof d !== "number" || d <= 0) continue;
        const computed = n / d;
        if (Math.abs(r - computed) <= RATE_TOLERANCE) continue;
        issues.push({
          sheet,
          row: rowNumbers[i],
          column,
          field: rate,
          code: "rate-mismatch",
          message:
            `Row ${rowNumbers[i]}: "${columns[rate]}" says ${percent(r)} but "${columns[numerator]}" ÷ "${columns[denominator]}" ` +
            `= ${n} ÷ ${d} = ${percent(computed)}. One of these cells (${columnLetter(column)}${rowNumbers[i]}, ` +
            `${columnLetter(columnIndex[numerator]!)}${rowNumbers[i]}, ${columnLetter(columnIndex[denominator]!)}${rowNumbers[i]}) is wrong; ` +
            `check the export and fix it.`,
        });
      }
    }
  }
  return issues;
}
