/**
 * Reading one custom-function argument value the way Sheets hands it over (number, text
 * pasted from an export, "", Date, boolean) and checking it against what the parameter
 * means. Every problem becomes an Error whose message names the function, the argument
 * and, inside a range, the row — Sheets shows that message under #ERROR!.
 */
import { isDate, parseIsoLikeDate, parseNumberText, spreadsheetError } from "../engine/cells";
import { calendarDayOf, durationSecondsOf } from "./time-zone";

/** What a parameter holds; decides which values are accepted. */
export type ParamKind =
  | "count" // people, visits, clicks: a number ≥ 0
  | "amount" // money that may be negative (net sales after refunds, cost)
  | "spend" // money paid out or a target: ≥ 0
  | "revenue" // money taken in that a margin is a share of: ≥ 0
  | "money" // sales, costs, fees or refunds that are sums of money: ≥ 0
  | "seconds" // a duration in seconds: ≥ 0
  | "rate" // a fraction 0–1 (12.5% arrives as 0.125)
  | "score" // a DSR score 1–5
  | "date"; // a Sheets Date or ISO-like text

/** A calendar day, read from a Date cell or from date text. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** Where a value sits, for messages: the whole argument, or one cell of a range. */
export interface Place {
  fn: string;
  param: string;
  /** 1-based row/column within the range; absent for a single value. */
  row?: number;
  column?: number;
  /** The range has more than one column, so the column is worth naming. */
  wide?: boolean;
}

/**
 * An Error a user sees in the cell's #ERROR! tooltip. Its name stays "Error" so the
 * tooltip shows nothing but our message.
 */
export class FunctionInputError extends Error {}

/** "visitors", "visitors in row 3" or "visitors in row 3, column 2". */
export function describePlace(place: Place): string {
  if (place.row === undefined) return place.param;
  const column = place.wide && place.column !== undefined ? `, column ${place.column}` : "";
  return `${place.param} in row ${place.row}${column}`;
}

function fail(place: Place, problem: string): never {
  throw new FunctionInputError(`${place.fn}: ${describePlace(place)} ${problem}`);
}

/** Numbers shown in messages: plain, without binary noise. */
export function showNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function showDay(day: Day): string {
  return `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
}

function showText(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `"${short}"`;
}

/**
 * Reads a cell as a number for a parameter of the given kind: undefined for blank or a
 * "no data" token (-, --, —), the number otherwise; throws a named error for anything else.
 */
export function readArgumentNumber(cell: unknown, kind: Exclude<ParamKind, "date">, place: Place): number | undefined {
  let value: number;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) fail(place, `is ${String(cell)}, which is not a usable number.`);
    value = cell + 0; // -0 is 0
  } else if (typeof cell === "string") {
    const error = spreadsheetError(cell);
    if (error) fail(place, `shows the error ${error}, not a value. Fix the formula or the cell it refers to.`);
    const reading = parseNumberText(cell);
    if (reading.kind === "blank") return undefined;
    if (reading.kind === "invalid") {
      fail(
        place,
        `is ${showText(cell)}, which is not a number. Use a number, a blank, or text such as 1,234, ¥99.50 or 12.5%.`,
      );
    }
    value = reading.value;
  } else if (cell === null || cell === undefined) {
    return undefined;
  } else if (isDate(cell)) {
    if (Number.isNaN(cell.getTime())) fail(place, "is an invalid date, but a number is expected.");
    // A duration cell (Sheets' [h]:mm:ss) is a Date on day zero; for a seconds parameter it is its seconds.
    const seconds = kind === "seconds" ? durationSecondsOf(cell) : null;
    if (seconds === null)
      fail(
        place,
        `is a date (${showDay(calendarDayOf(cell))}), but a number is expected. Check that the argument points at the right column.`,
      );
    value = seconds;
  } else if (typeof cell === "boolean") {
    fail(place, `is ${cell ? "TRUE" : "FALSE"}, but a number is expected.`);
  } else {
    fail(place, "is not a number.");
  }
  checkRange(value, kind, place);
  return value;
}

function checkRange(value: number, kind: Exclude<ParamKind, "date">, place: Place): void {
  switch (kind) {
    case "count":
      if (value < 0) fail(place, `is ${showNumber(value)}, but a count can't be negative.`);
      return;
    case "spend":
      if (value < 0) fail(place, `is ${showNumber(value)}, but an amount spent or targeted can't be negative.`);
      return;
    case "revenue":
      if (value < 0) {
        fail(
          place,
          `is ${showNumber(value)}, but a margin needs revenue of 0 or more (with negative revenue its sign would flip).`,
        );
      }
      return;
    case "money":
      if (value < 0) {
        fail(
          place,
          `is ${showNumber(value)}, but it is a sum of money that can't be negative (enter refunds and costs as positive amounts).`,
        );
      }
      return;
    case "seconds":
      if (value < 0) fail(place, `is ${showNumber(value)}, but a duration can't be negative.`);
      return;
    case "rate":
      if (value > 1 && value <= 100) {
        fail(
          place,
          `is ${showNumber(value)}, but rates are fractions from 0 to 1 — did you mean ${showNumber(value)}%?`,
        );
      }
      if (value < 0 || value > 1)
        fail(place, `is ${showNumber(value)}, but a rate must be between 0 and 1 (0% to 100%).`);
      return;
    case "score":
      if (value < 1 || value > 5) fail(place, `is ${showNumber(value)}, but DSR scores run from 1 to 5.`);
      return;
    case "amount":
      return;
  }
}

/**
 * Reads a cell as a calendar day: a Sheets Date (the day the spreadsheet shows) or
 * unambiguous date text such as 2026-11-22; undefined for a blank.
 */
export function readArgumentDay(cell: unknown, place: Place): Day | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (isDate(cell)) {
    if (Number.isNaN(cell.getTime())) {
      fail(place, "is an invalid date. Use a date cell, DATE(2026,11,22) or text like 2026-11-22.");
    }
    return calendarDayOf(cell);
  }
  if (typeof cell === "string") {
    const error = spreadsheetError(cell);
    if (error) fail(place, `shows the error ${error}, not a date. Fix the formula or the cell it refers to.`);
    if (parseNumberText(cell).kind === "blank") return undefined;
    const iso = parseIsoLikeDate(cell);
    if (iso === null) {
      fail(
        place,
        `is ${showText(cell)}, which is not a date I can read. Use a date cell, DATE(2026,11,22) or text like 2026-11-22.`,
      );
    }
    const [year, month, day] = iso.split("-").map(Number);
    return { year, month, day };
  }
  if (typeof cell === "number") {
    fail(
      place,
      `is the number ${showNumber(cell)}, but a date is expected. Use a date cell, DATE(2026,11,22) or text like 2026-11-22.`,
    );
  }
  fail(place, "is not a date. Use a date cell, DATE(2026,11,22) or text like 2026-11-22.");
}
