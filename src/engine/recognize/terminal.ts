/**
 * Exports with a 终端 column (生意参谋 trade trend: one row per day *per terminal*) repeat
 * each day for 所有终端, PC and 无线. Summing those rows would count the day three times, so
 * the PC / 无线 rows are folded into the all-terminal row of the same day as `<field>_pc` /
 * `<field>_mobile`, the same fields a `PC端访客数` column would fill.
 */
import type { FieldName, RecognitionIssue, TableRow } from "../tables";
import { fieldsOf } from "../tables";
import { headerKey } from "./normalize";

type Channel = "all" | "pc" | "mobile";

const CHANNELS: Record<string, Channel> = {
  所有终端: "all",
  全部终端: "all",
  全终端: "all",
  所有: "all",
  全部: "all",
  all: "all",
  汇总: "all",
  total: "all",
  pc: "pc",
  pc端: "pc",
  电脑端: "pc",
  电脑: "pc",
  desktop: "pc",
  无线: "mobile",
  无线端: "mobile",
  移动端: "mobile",
  移动: "mobile",
  手机: "mobile",
  手机端: "mobile",
  mobile: "mobile",
  app: "mobile",
};

function channelOf(value: TableRow[FieldName]): Channel | null {
  return typeof value === "string" ? (CHANNELS[headerKey(value)] ?? null) : null;
}

/**
 * Folds per-terminal rows into the all-terminal row with the same key fields. Returns the
 * kept rows and row numbers; rows it cannot fold (no all-terminal row for that key) stay.
 */
export function foldTerminalRows(
  sheet: string,
  headerRow: number,
  terminalColumn: number,
  keyFields: readonly FieldName[],
  rows: TableRow[],
  rowNumbers: number[],
): { rows: TableRow[]; rowNumbers: number[]; issues: RecognitionIssue[] } {
  const keyOf = (row: TableRow) => keyFields.map((k) => String(row[k] ?? "")).join("\u0001");
  const allRows = new Map<string, TableRow>();
  for (const row of rows) if (channelOf(row.terminal) === "all") allRows.set(keyOf(row), row);
  if (allRows.size === 0) {
    const split = rows.some((row) => channelOf(row.terminal) !== null);
    const issues: RecognitionIssue[] = split
      ? [
          {
            sheet,
            row: headerRow,
            column: terminalColumn,
            field: "terminal",
            code: "terminal-rows-without-total",
            message: `The rows are split by terminal (终端) but there is no 所有终端 row per day; add the all-terminal rows, or figures summed over rows count some visitors twice.`,
          },
        ]
      : [];
    return { rows, rowNumbers, issues };
  }
  const keptRows: TableRow[] = [];
  const keptNumbers: number[] = [];
  let folded = 0;
  rows.forEach((row, i) => {
    const channel = channelOf(row.terminal);
    const target = channel === "pc" || channel === "mobile" ? allRows.get(keyOf(row)) : undefined;
    if (!target || channel === null || channel === "all") {
      keptRows.push(row);
      keptNumbers.push(rowNumbers[i]);
      return;
    }
    for (const field of fieldsOf(row)) {
      const value = row[field];
      if (typeof value !== "number" || keyFields.includes(field)) continue;
      // A terminal row's own figures become the all-terminal row's `<field>_pc` / `<field>_mobile`.
      const name = `${field}_${channel}` as FieldName;
      if (target[name] === undefined || target[name] === null) target[name] = value;
    }
    folded++;
  });
  const issues: RecognitionIssue[] = [
    {
      sheet,
      row: headerRow,
      column: terminalColumn,
      field: "terminal",
      code: "terminal-rows-folded",
      message: `${folded} PC / 无线 rows were folded into the 所有终端 row of the same day (as PC and mobile figures), so each day is counted once.`,
    },
  ];
  return { rows: keptRows, rowNumbers: keptNumbers, issues };
}
