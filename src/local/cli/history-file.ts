/**
 * The CLI's `--history FILE.csv`: the same rows the History sheet keeps (src/engine/history.ts),
 * in a UTF-8 CSV with the header in the report's language. Read before the report is laid out,
 * written after: one row per data period, a re-run over the same period replaces its row.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { historyCells, historyHeaders, readHistory, withHistory, type HistoryRecord } from "../../engine/history";
import type { Report } from "../../engine/report";
import { parseDelimitedText } from "../../readers/delimited";

/** One CSV field: quoted when it holds a comma, quote, line break or edge spaces. */
function field(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The records as CSV text (header first, CRLF line ends, a BOM so spreadsheet apps read UTF-8). */
export function historyCsv(records: readonly HistoryRecord[], language: Report["language"]): string {
  const lines = [historyHeaders(language), ...records.map(historyCells)].map((row) => row.map(field).join(","));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/** This run against the file: the report with its since-last block, and the write of the updated rows. */
export function recordInFile(file: string, report: Report, now: Date = new Date()): { report: Report; write(): void } {
  const text = existsSync(file) ? readFileSync(file, "utf8").replace(/^\ufeff/, "") : "";
  const rows = text.trim() === "" ? [] : parseDelimitedText(text, file);
  const read = readHistory(rows, report.language);
  if (rows.length > 0 && read.records.length === 0 && !rows[0].some((h) => historyHeaders(report.language).includes(h)))
    throw new Error(
      `${file} is not a Shop Doctor history file (its first row is not the history header); pick another file.`,
    );
  const placed = withHistory(report, read.records, isoWithOffset(now));
  return {
    report: placed.report,
    write() {
      // Written next to it and moved over it, so an interrupted run never leaves half a file.
      writeFileSync(`${file}.tmp`, historyCsv(placed.records, report.language));
      renameSync(`${file}.tmp`, file);
    },
  };
}

/** `2026-11-01T09:30:00+08:00`: the local time with its offset, like the sheet's (in its time zone). */
function isoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const two = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${offset === 0 ? "Z" : `${offset < 0 ? "-" : "+"}${two(offset / 60)}:${two(offset % 60)}`}`;
}
