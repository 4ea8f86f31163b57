/** Small helpers for issue messages that point the user at a cell they can find. */

/** 1-based column number → sheet letters (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `A1`-style reference for a 1-based row and column. */
export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Cell text for a message: short, quoted, never a whole pasted paragraph. */
export function quoteCell(text: string): string {
  const t = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `"${t}"`;
}

/**
 * Every issue code recognition emits, with what it means, for the report's wording
 * (`info`: something set aside on purpose; `warn`: a value may be wrong or missing;
 * `bad`: the figures contradict each other).
 */
export const RECOGNITION_ISSUE_CODES = {
  "column-ignored": { level: "info", about: "a header cell names no known field; the column is not used" },
  "duplicate-column": { level: "warn", about: "two columns mean the same field; only the first is used" },
  "totals-row": { level: "info", about: "a 合计/Total row, kept in `totals` instead of `rows`" },
  "not-a-data-row": { level: "info", about: "a lone note or footnote inside a table, skipped" },
  "blank-row-in-table": { level: "info", about: "a blank row inside a table; the rows after it were still read" },
  "row-outside-table": {
    level: "warn",
    about: "rows with figures below a table but outside it (after blank rows, no header); not read",
  },
  "unknown-table": { level: "warn", about: "known columns but no key column (date, product, source, plan, agent)" },
  "no-data-rows": { level: "warn", about: "a header with no rows under it" },
  "no-plan-column": {
    level: "info",
    about: "an ad report without plan column: each row is the whole account for its day",
  },
  "not-a-number": { level: "warn", about: "a cell in a number column that is not a number; left out" },
  "error-value": {
    level: "warn",
    about: "a cell holding a spreadsheet error (#N/A, #REF!, #DIV/0! …) instead of a value; left out",
  },
  "not-a-date": { level: "warn", about: "a cell in a date column that is not a readable date" },
  "not-a-flag": { level: "warn", about: "a yes/no cell that is neither" },
  "missing-key": { level: "warn", about: "a data row without its date / product / source / plan / agent" },
  "ambiguous-date": {
    level: "warn",
    about: "a/b/yy dates whose day/month order the column could not settle; read month first",
  },
  "mixed-date-order": { level: "warn", about: "a date column mixing day-first and month-first dates" },
  "dates-converted-by-locale": {
    level: "warn",
    about: "Sheets converted only some a/b/yy dates; the converted ones may have day and month swapped",
  },
  "rate-in-percent-points": { level: "info", about: "a rate column written without % (65.2 = 65.2%), divided by 100" },
  "rate-mismatch": {
    level: "bad",
    about: "a rate differs from its counts (e.g. 支付转化率 vs 支付买家数 ÷ 访客数) by more than half a point",
  },
  "id-precision-lost": { level: "warn", about: "an id that arrived as a number too long to be exact" },
  "terminal-rows-folded": { level: "info", about: "PC / 无线 rows folded into the 所有终端 row of the same day" },
  "ragged-row": { level: "warn", about: "a row with fewer or more values than its header; left out, never shifted" },
  "parent-row": {
    level: "info",
    about:
      "a product row over its variation rows (Shopee) or a package row over its items (Mercado Libre, its fees and shipping shared over the items by sales), kept in `subtotals`",
  },
  "subtotal-row": { level: "info", about: "a 小计/Subtotal row, kept in `subtotals` instead of `rows`" },
  "average-row": { level: "info", about: "a 均值/平均/Average/Mean row, kept in `averages` instead of `rows`" },
  "repeated-header": { level: "info", about: "a copy of the header row inside the table, skipped" },
  "key-without-metrics": { level: "info", about: "a row with its key but no figures at all; left out" },
  "several-entities": {
    level: "info",
    about: "a table holding several shops or live rooms; its rows are grouped per entity",
  },
  "ambiguous-number-format": {
    level: "warn",
    about:
      "a number column whose values read with a decimal point or a decimal comma and nothing settles which; read with a point",
  },
  "terminal-rows-without-total": {
    level: "warn",
    about: "rows split by terminal with no 所有终端 row; sums would double count",
  },
} as const;

export type RecognitionIssueCode = keyof typeof RECOGNITION_ISSUE_CODES;

/** Codes of the value checks data-sanity runs on recognised rows (negative amounts, more buyers than visitors, a day twice). */
export const VALUE_ISSUE_CODES = {
  negative: { level: "bad", about: "a count or amount below zero" },
  "buyers-exceed-visitors": { level: "bad", about: "more buyers than visitors on one row" },
  "duplicate-date": { level: "warn", about: "the same day (and subject) on two rows" },
} as const;

/** Every code a RecognitionIssue can carry. */
export type IssueCode = RecognitionIssueCode | keyof typeof VALUE_ISSUE_CODES;

/** Why a table is `unknown`, as a stable code the report words in its own language (`sanity.reason.<code>`). */
export const UNKNOWN_REASON_CODES = [
  "empty-sheet",
  "metrics-down",
  "unknown-header",
  "no-table",
  "no-key-column",
  "no-data-rows",
  "unreadable",
  "chart-sheet",
  "data-source-sheet",
] as const;
export type UnknownReasonCode = (typeof UNKNOWN_REASON_CODES)[number];
