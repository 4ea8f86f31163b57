/**
 * The team's Events tab (issue 15): each row an event with its name, first and last day and kind.
 * Rows whose dates cannot be used (unreadable, missing, end before start) are listed by cell and
 * the event left out. The days of the usable events are left out of every ordinary baseline and
 * window (ctx.isEventDay); the anomaly check judges each of them against the other event days in
 * the data instead (eventAnomalyDays in anomaly.ts), and event-result judges each finished event
 * against the ordinary days before it (events.ts).
 */
import { cellRef } from "../recognize/issues";
import type { RecognizedTable, TableRow } from "../tables";
import { dayNumber, isoOfDay } from "./days";

/** The kinds an event can be, as the Events tab's 类型 column names them (eventKindOf). */
export const EVENT_KINDS = ["promo", "coupon", "flash", "live", "price", "other"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** The catalogue key of each kind's name, for the rules that show it. */
export const EVENT_KIND_MESSAGES = EVENT_KINDS.map((k) => `events.kind.${k}` as const);

export interface ShopEvent {
  name: string;
  /** First and last day, ISO. */
  start: string;
  end: string;
  kind: EventKind;
}

/** An event row that cannot be used. */
export interface EventProblem {
  /** `活动!C3`. */
  cell: string;
  reason: "badDate" | "noStart" | "endBeforeStart";
  /** The cell's text, as the message quotes it. */
  shown: string;
}

export interface EventBook {
  sheet: string;
  events: ShopEvent[];
  problems: EventProblem[];
}

const KIND_PATTERNS: readonly (readonly [EventKind, RegExp])[] = [
  [
    "promo",
    /大促|618|双\s*11|雙\s*11|双十一|雙十一|双\s*12|雙\s*12|年货节|年貨節|big promo|mega sale|prime day|black friday/i,
  ],
  ["flash", /秒杀|秒殺|flash/i],
  ["coupon", /优惠券|優惠券|券|coupon|voucher/i],
  ["live", /直播|live/i],
  ["price", /调价|調價|降价|降價|price/i],
];

/** The kind a 类型 cell names (the event's name is tried when the cell is blank). */
export function eventKindOf(kind: unknown, name: string): EventKind {
  const text = typeof kind === "string" && kind.trim() !== "" ? kind : name;
  return KIND_PATTERNS.find(([, re]) => re.test(text))?.[0] ?? "other";
}

function isoOrNull(v: unknown): string | null {
  return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

/** A row's problem with its dates, or null when they can be used. */
function rowProblem(
  table: RecognizedTable,
  row: TableRow,
  sheetRow: number,
  bad: Map<number, EventProblem>,
): EventProblem | null {
  const known = bad.get(sheetRow);
  if (known) return known;
  const start = isoOrNull(row.eventStart);
  const startCol = table.columnIndex.eventStart ?? table.columnIndex.eventName ?? 1;
  if (start === null) return { cell: `${table.sheet}!${cellRef(sheetRow, startCol)}`, reason: "noStart", shown: "" };
  const end = isoOrNull(row.eventEnd);
  if (end !== null && end < start) {
    const cell = `${table.sheet}!${cellRef(sheetRow, table.columnIndex.eventEnd ?? startCol)}`;
    return { cell, reason: "endBeforeStart", shown: end } satisfies EventProblem;
  }
  return null;
}

/** Date cells recognition could not read (`not-a-date`), by sheet row. */
function dateProblems(table: RecognizedTable): Map<number, EventProblem> {
  const out = new Map<number, EventProblem>();
  for (const issue of table.issues) {
    if (issue.code !== "not-a-date" || issue.column === null || out.has(issue.row)) continue;
    if (issue.field !== "eventStart" && issue.field !== "eventEnd") continue;
    const cell = `${table.sheet}!${cellRef(issue.row, issue.column)}`;
    out.set(issue.row, { cell, reason: "badDate", shown: issue.text ?? "" });
  }
  return out;
}

/** Every Events tab: the usable events, the rest as problems by cell; null without an Events tab. */
export function readEvents(tables: readonly RecognizedTable[]): EventBook | null {
  const tabs = tables.filter((t) => t.kind === "events" && t.rows.length > 0);
  if (tabs.length === 0) return null;
  const book: EventBook = { sheet: tabs[0].sheet, events: [], problems: [] };
  for (const table of tabs) {
    const bad = dateProblems(table);
    table.rows.forEach((row, i) => {
      const name = typeof row.eventName === "string" ? row.eventName.trim() : "";
      if (name === "") return;
      const problem = rowProblem(table, row, table.rowNumbers[i], bad);
      if (problem) {
        book.problems.push(problem);
        return;
      }
      const start = isoOrNull(row.eventStart)!;
      const end = isoOrNull(row.eventEnd) ?? start;
      book.events.push({ name, start, end, kind: eventKindOf(row.eventKind, name) });
    });
  }
  return book;
}

/** The ISO days of an event, first to last. */
export function daysOfEvent(event: ShopEvent): string[] {
  const out: string[] = [];
  for (let d = dayNumber(event.start); d <= dayNumber(event.end); d++) out.push(isoOfDay(d));
  return out;
}

/** Every day inside one of the events. */
export function eventDaysOf(book: EventBook | null): Set<string> {
  const out = new Set<string>();
  for (const e of book?.events ?? []) for (const d of daysOfEvent(e)) out.add(d);
  return out;
}
