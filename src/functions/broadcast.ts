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
  compute(values: ReadonlyArray<number | Day>): number | null;
  /**
   * For width > 1: the row of results for one input row; a null cell becomes "". It is
   * also called when only some inputs are blank (undefined), so it can fill what it can.
   */
  computeRow?(values: ReadonlyArray<ArgumentValue>): ReadonlyArray<number | null>;
  /** The message for a zero denominator on single cells (null: leave the cell blank). */
  zeroMessage: string | null;
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
  for (let r = 1; r < rows; r++) {
    const row = range[r];
    if (!Array.isArray(row) || row.length !== columns) {
      throw new FunctionInputError(`${metric.fn}: ${param} is not a rectangular range (row ${r + 1} has a different length).`);
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

function checkResult(metric: ElementwiseMetric, value: number, where: string): number {
  if (!Number.isFinite(value)) {
    throw new FunctionInputError(`${metric.fn}: the result${where} is too large to show (${showNumber(value)}); check the inputs.`);
  }
  return value;
}

/** Applies a metric to Sheets-style arguments: scalars give a value, ranges give a 2D array. */
export function applyElementwise(metric: ElementwiseMetric, args: ArrayLike<unknown>): OutputCell | OutputCell[][] {
  const count = metric.params.length;
  if (args.length < count) {
    const missing = metric.params.slice(args.length).map((p) => p.name);
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
    if (arg === undefined) {
      throw new FunctionInputError(`${metric.fn}: ${param} is missing; give a cell, a range or a number.`);
    }
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
  const values: ArgumentValue[] = fixed.slice();
  const out: OutputCell[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const outRow: OutputCell[] = metric.width > 1 ? new Array(metric.width) : new Array(columns);
    for (let c = 0; c < columns; c++) {
      let blanks = 0;
      for (let i = 0; i < count; i++) {
        const range = ranges[i];
        if (range) {
          const cell = range[r][c];
          // Fast path: plain non-negative numbers are what whole-column calls mostly carry.
          const kind = metric.params[i].kind;
          values[i] =
            typeof cell === "number" && cell >= 0 && cell <= 1e300 && kind !== "date" && kind !== "rate" && kind !== "score"
              ? cell
              : readValue(metric, i, cell, { fn: metric.fn, param: metric.params[i].name, row: r + 1, column: c + 1, wide });
        }
        if (values[i] === undefined) blanks++;
      }
      // A row with no data at all stays blank, so open-ended ranges like B2:B work.
      if (blanks === count) {
        if (metric.computeRow) outRow.fill("");
        else outRow[c] = "";
        continue;
      }
      if (metric.computeRow) {
        const result = metric.computeRow(values);
        for (let k = 0; k < metric.width; k++) {
          const v = result[k];
          outRow[k] = v === null ? "" : checkResult(metric, v, ` for row ${r + 1}`);
        }
      } else if (blanks > 0) {
        // Some inputs have no data (blank or "-"): there is nothing to compute, and no 0 to invent.
        outRow[c] = "";
      } else {
        const v = metric.compute(values as (number | Day)[]);
        outRow[c] = v === null ? "" : checkResult(metric, v, ` for row ${r + 1}`);
      }
    }
    out[r] = outRow;
  }
  return out;
}

function applyToSingleCells(metric: ElementwiseMetric, values: ArgumentValue[]): OutputCell | OutputCell[][] {
  if (metric.computeRow) {
    if (values.every((v) => v === undefined)) return [new Array<OutputCell>(metric.width).fill("")];
    return [metric.computeRow(values).map((v) => (v === null ? "" : checkResult(metric, v, "")))];
  }
  if (values.some((v) => v === undefined)) return "";
  const v = metric.compute(values as (number | Day)[]);
  if (v === null) {
    if (metric.zeroMessage) throw new FunctionInputError(metric.zeroMessage);
    return "";
  }
  return checkResult(metric, v, "");
}
