/**
 * The range/scalar adapter every custom function goes through. Sheets passes a single
 * cell as a scalar and a range as a 2D array; ranges broadcast element-wise against
 * ranges of the same shape or against single values, and the result takes the range's
 * shape, so one call fills a whole column (far cheaper than one call per row).
 */
import { FunctionInputError, readArgumentDay, readArgumentNumber, showNumber } from "./arguments";
import type { Day, ParamKind, Place } from "./arguments";

/** One input of a metric: its real parameter name and what it holds. */
export interface MetricParam {
  name: string;
  kind: ParamKind;
}

/** A value read from one argument cell: a number, a calendar day, or undefined for blank. */
export type ArgumentValue = number | Day | undefined;

/** What a custom function writes into one cell. */
export type OutputCell = number | "";

/** How one element is computed once its inputs are read and none is blank. */
export interface ElementwiseMetric {
  fn: string;
  params: readonly MetricParam[];
  /** Columns each input row produces (FUNNEL gives 4; everything else 1). */
  width: number;
  /**
   * Computes one element (width 1). null means a zero denominator: in range mode that
   * cell becomes "", on single cells `zeroMessage` is thrown.
   */
  compute(values: ArrayLike<number | Day>): number | null;
  /**
   * For width > 1: the row of results for one input row; a null cell becomes "". It is
   * also called when only some inputs are blank (undefined), so it can fill what it can.
   */
  computeRow?(values: ReadonlyArray<ArgumentValue>): ReadonlyArray<number | null>;
  /** The message for a zero denominator on single cells (null: leave the cell blank). */
  zeroMessage: string | null;
  /**
   * For results that are shares (a part of a whole, at most 100 %): per output column, the
   * indexes of the part and the whole among `params`. A result over 1 means the part is more
   * than the whole, which no real data gives (usually the two columns are swapped): an error.
   */
  shares?: readonly (readonly [part: number, whole: number])[];
}

interface Shape {
  rows: number;
  columns: number;
}

function isRange(value: unknown): value is unknown[][] {
  return Array.isArray(value);
}

function shapeOf(metric: ElementwiseMetric, param: string, range: unknown[]): Shape {
  const rows = range.length;
  if (rows === 0) throw new FunctionInputError(`${metric.fn}: ${param} is an empty range.`);
  // A one-dimensional array (from script callers, not Sheets) is read as one row.
  if (!Array.isArray(range[0])) {
    throw new FunctionInputError(`${metric.fn}: ${param} is a list, not a range of rows and columns.`);
  }
  const columns = (range[0] as unknown[]).length;
  if (columns === 0) throw new FunctionInputError(`${metric.fn}: ${param} is an empty range.`);
  for (let r = 1; r < rows; r++) {
    const row = range[r];
    if (!Array.isArray(row) || row.length !== columns) {
      throw new FunctionInputError(
        `${metric.fn}: ${param} is not a rectangular range (row ${r + 1} has a different length).`,
      );
    }
  }
  return { rows, columns };
}

function showShape(shape: Shape): string {
  return `${shape.rows} row${shape.rows === 1 ? "" : "s"} × ${shape.columns} column${shape.columns === 1 ? "" : "s"}`;
}

function readValue(metric: ElementwiseMetric, index: number, cell: unknown, place: Place): ArgumentValue {
  const kind = metric.params[index].kind;
  return kind === "date" ? readArgumentDay(cell, place) : readArgumentNumber(cell, kind, place);
}

/** Where a result sits, for messages: -1 for a single-cell call. */
interface ResultPlace {
  row: number;
  column: number;
  wide: boolean;
}

const SINGLE: ResultPlace = { row: -1, column: -1, wide: false };

function showPlace(place: ResultPlace): string {
  if (place.row < 0) return "";
  return place.wide ? ` in row ${place.row + 1}, column ${place.column + 1}` : ` in row ${place.row + 1}`;
}

/**
 * A result as written to the cell: finite, never -0 (shown as 0), and for a share never over
 * 1. `output` is the result's column (FUNNEL has four); `inputs` the values it was computed from.
 */
function checkResult(
  metric: ElementwiseMetric,
  value: number,
  output: number,
  inputs: ArrayLike<ArgumentValue>,
  place: ResultPlace,
): number {
  if (!Number.isFinite(value)) {
    throw new FunctionInputError(
      `${metric.fn}: the result${place.row < 0 ? "" : ` for row ${place.row + 1}`} is too large to show (${showNumber(value)}); check the inputs.`,
    );
  }
  const share = metric.shares?.[output];
  if (share && value > 1) {
    const [part, whole] = share.map((i) => metric.params[i].name);
    const [partValue, wholeValue] = share.map((i) => showNumber(inputs[i] as number));
    throw new FunctionInputError(
      `${metric.fn}: ${part} (${partValue}) is more than ${whole} (${wholeValue})${showPlace(place)}. The result is a share of ${whole} and can't be over 100% — check that the two columns are not swapped.`,
    );
  }
  return value + 0;
}

/** Applies a metric to Sheets-style arguments: scalars give a value, ranges give a 2D array. */
export function applyElementwise(metric: ElementwiseMetric, args: ArrayLike<unknown>): OutputCell | OutputCell[][] {
  const count = metric.params.length;
  // Sheets passes an omitted trailing argument as undefined (the stub forwards every name).
  const missing = metric.params.filter((_, i) => i >= args.length || args[i] === undefined).map((p) => p.name);
  if (missing.length > 0) {
    throw new FunctionInputError(
      `${metric.fn} needs ${count} arguments (${metric.params.map((p) => p.name).join(", ")}); ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing.`,
    );
  }
  // Ranges are 2D arrays; a 1×1 range broadcasts like a single value.
  let shape: Shape | null = null;
  let shapeParam = "";
  let anyRange = false;
  const fixed: ArgumentValue[] = new Array(count);
  const ranges: (unknown[][] | null)[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const arg = args[i];
    const param = metric.params[i].name;
    if (!isRange(arg)) {
      ranges[i] = null;
      fixed[i] = readValue(metric, i, arg, { fn: metric.fn, param });
      continue;
    }
    anyRange = true;
    const own = shapeOf(metric, param, arg);
    if (own.rows === 1 && own.columns === 1) {
      ranges[i] = null;
      fixed[i] = readValue(metric, i, arg[0][0], { fn: metric.fn, param });
      continue;
    }
    if (shape && (shape.rows !== own.rows || shape.columns !== own.columns)) {
      throw new FunctionInputError(
        `${metric.fn}: ${shapeParam} is ${showShape(shape)} but ${param} is ${showShape(own)}; give ranges of the same size, or a single cell.`,
      );
    }
    if (!shape) {
      shape = own;
      shapeParam = param;
    }
    ranges[i] = arg;
  }

  if (!anyRange) return applyToSingleCells(metric, fixed);

  const rows = shape ? shape.rows : 1;
  const columns = shape ? shape.columns : 1;
  if (metric.width > 1 && columns > 1) {
    throw new FunctionInputError(
      `${metric.fn}: ${shapeParam} has ${columns} columns; give one column per argument (one result row per input row).`,
    );
  }
  const wide = columns > 1;
  const { low, high } = plainNumberBounds(metric);
  // Numbers-only metrics read into a Float64Array (unboxed, one shape for V8), with blanks
  // flagged beside it; a metric taking a date needs an ordinary array.
  const numeric = metric.params.every((p) => p.kind !== "date");
  const values: ArgumentValue[] | Float64Array = numeric ? new Float64Array(count) : new Array<ArgumentValue>(count);
  const blank = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    blank[i] = fixed[i] === undefined ? 1 : 0;
    if (!ranges[i]) values[i] = fixed[i] === undefined ? (numeric ? 0 : undefined) : (fixed[i] as number);
  }

  /** Reads the inputs at (r, c) into `values` and `blank`; returns how many are blank. */
  function readInputs(r: number, c: number): number {
    let blanks = 0;
    for (let i = 0; i < count; i++) {
      const range = ranges[i];
      if (range) {
        const cell = range[r][c];
        if (typeof cell === "number" && cell >= low[i] && cell <= high[i]) {
          values[i] = cell;
          blank[i] = 0;
        } else {
          const value = readValue(metric, i, cell, {
            fn: metric.fn,
            param: metric.params[i].name,
            row: r + 1,
            column: c + 1,
            wide,
          });
          blank[i] = value === undefined ? 1 : 0;
          if (numeric) values[i] = value === undefined ? 0 : (value as number);
          else values[i] = value as number;
        }
      }
      blanks += blank[i];
    }
    return blanks;
  }

  const out: OutputCell[][] = new Array(rows);
  const computeRow = metric.computeRow;
  if (computeRow) {
    const rowValues: ArgumentValue[] = new Array(count);
    for (let r = 0; r < rows; r++) {
      const blanks = readInputs(r, 0);
      // A row with no data at all stays blank, so open-ended ranges like B2:B work.
      if (blanks === count) {
        out[r] = new Array<OutputCell>(metric.width).fill("");
        continue;
      }
      for (let i = 0; i < count; i++) rowValues[i] = blank[i] ? undefined : values[i];
      const result = computeRow(rowValues);
      const outRow: OutputCell[] = new Array(metric.width);
      const place: ResultPlace = { row: r, column: 0, wide: false };
      for (let k = 0; k < metric.width; k++) {
        const v = result[k];
        outRow[k] = v === null ? "" : checkResult(metric, v, k, rowValues, place);
      }
      out[r] = outRow;
    }
    return out;
  }

  if (columns === 1 && numeric) return applyToColumn(metric, rows, ranges, values as Float64Array, blank, readInputs);

  for (let r = 0; r < rows; r++) {
    const outRow: OutputCell[] = new Array(columns);
    for (let c = 0; c < columns; c++) {
      // Any input without data (blank, "-") leaves the cell blank: nothing to compute, no 0 to invent.
      if (readInputs(r, c) > 0) {
        outRow[c] = "";
        continue;
      }
      const v = metric.compute(values as ArrayLike<number | Day>);
      outRow[c] = v === null ? "" : checkResult(metric, v, 0, values, { row: r, column: c, wide });
    }
    out[r] = outRow;
  }
  return out;
}

/**
 * The numbers a parameter accepts without further reading: what whole-column calls mostly
 * carry. Anything outside (text, blanks, dates, out-of-range values) takes the slow path
 * with its checks and messages. Dates never pass.
 */
function plainNumberBounds(metric: ElementwiseMetric): { low: Float64Array; high: Float64Array } {
  const low = new Float64Array(metric.params.length);
  const high = new Float64Array(metric.params.length);
  metric.params.forEach((p, i) => {
    const [lo, hi] =
      p.kind === "rate"
        ? [0, 1]
        : p.kind === "score"
          ? [1, 5]
          : p.kind === "amount"
            ? [-1e300, 1e300]
            : p.kind === "date"
              ? [1, 0]
              : [0, 1e300];
    low[i] = lo;
    high[i] = hi;
  });
  return { low, high };
}

/**
 * The whole-column call (=PAY_CONVERSION(C2:C, B2:B)) of a numbers-only metric, kept as
 * tight as a hand-written loop: plain numbers are read straight from the column; a row
 * holding anything else goes through `readInputs` with its checks and messages.
 */
function applyToColumn(
  metric: ElementwiseMetric,
  rows: number,
  ranges: (unknown[][] | null)[],
  values: Float64Array,
  blank: Uint8Array,
  readInputs: (r: number, c: number) => number,
): OutputCell[][] {
  const count = ranges.length;
  const { low, high } = plainNumberBounds(metric);
  const shares = metric.shares !== undefined;
  let fixedBlanks = 0;
  for (let i = 0; i < count; i++) if (!ranges[i]) fixedBlanks += blank[i];
  const out: OutputCell[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    let plain = true;
    for (let i = 0; i < count; i++) {
      const range = ranges[i];
      if (range === null) continue;
      const cell = range[r][0];
      if (typeof cell === "number" && cell >= low[i] && cell <= high[i]) {
        values[i] = cell;
        blank[i] = 0;
      } else {
        plain = false;
        break;
      }
    }
    const blanks = plain ? fixedBlanks : readInputs(r, 0);
    // Any input without data (blank, "-") leaves the cell blank: nothing to compute, no 0 to invent.
    if (blanks > 0) {
      out[r] = [""];
      continue;
    }
    const v = metric.compute(values);
    // Plain results (finite, not over 1 for a share, not 0 which may be -0) skip the checks.
    out[r] = [
      v === null
        ? ""
        : v !== 0 && Number.isFinite(v) && (!shares || v <= 1)
          ? v
          : checkResult(metric, v, 0, values, { row: r, column: 0, wide: false }),
    ];
  }
  return out;
}

function applyToSingleCells(metric: ElementwiseMetric, values: ArgumentValue[]): OutputCell | OutputCell[][] {
  if (metric.computeRow) {
    if (values.every((v) => v === undefined)) return [new Array<OutputCell>(metric.width).fill("")];
    return [metric.computeRow(values).map((v, k) => (v === null ? "" : checkResult(metric, v, k, values, SINGLE)))];
  }
  if (values.some((v) => v === undefined)) return "";
  const v = metric.compute(values as (number | Day)[]);
  if (v === null) {
    if (metric.zeroMessage) throw new FunctionInputError(metric.zeroMessage);
    return "";
  }
  return checkResult(metric, v, 0, values, SINGLE);
}
