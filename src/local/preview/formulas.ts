/**
 * Formula cells in the local preview: `=PAY_CONVERSION(E2:E32, B2:B32)` and the like,
 * evaluated with fast-formula-parser (MIT; HyperFormula is GPL and stays test-only) over the
 * cells of the same tab. Our custom functions are the real ones from build/Code.js, called
 * the way Sheets calls them: a range arrives as a 2D array (empty cells as ""), a single
 * cell as a scalar; a thrown Error shows as #ERROR! with its message as the cell's note.
 */
import FormulaParser from "fast-formula-parser";

/** A cell value as the sheet holds it (a formula cell holds its `=…` text). */
export type SheetValue = string | number | boolean | Date | null;

/** What a computed cell shows: its value, or an error code with the reason. */
export type ComputedCell = { value: SheetValue } | { error: string; message: string };

/** Sheets passes these functions plain values; we pass the same. */
export type CustomFunction = (...args: unknown[]) => unknown;

interface FfpArgument {
  value: unknown;
  isArray?: boolean;
  isRangeRef?: boolean;
  isCellRef?: boolean;
}

interface CellRef {
  sheet?: string;
  row: number;
  col: number;
}

interface RangeRef {
  sheet?: string;
  from: { row: number; col: number };
  to: { row: number; col: number };
}

/** True for a cell that holds a formula. */
export function isFormula(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("=") && value.length > 1;
}

function plain(value: unknown): unknown {
  // fast-formula-parser hands blanks over as null/undefined; Sheets gives custom functions "".
  if (value === null || value === undefined) return "";
  return value;
}

/** An error the parser itself raised (#VALUE!, #NAME?, #DIV/0! …), with its reason when it has one. */
function parserError(error: unknown): { code: string; reason: string | null } | null {
  if (!error || typeof error !== "object" || !("_error" in error)) return null;
  const details = (error as { details?: unknown }).details;
  // A parse failure wraps the real cause (e.g. #NAME? "Function FOO is not implemented.").
  if (details && typeof details === "object" && "_error" in details) {
    const inner = details as { _error: unknown; message?: unknown };
    return { code: String(inner._error), reason: typeof inner.message === "string" ? inner.message : null };
  }
  if (details instanceof Error)
    return { code: String((error as { _error: unknown })._error), reason: details.message.split("\n")[0] };
  return { code: String((error as { _error: unknown })._error), reason: null };
}

/**
 * Computes every formula cell of one tab. `functions` are the custom functions by name
 * (upper case); built-in spreadsheet functions (SUM, AVERAGE …) come from the parser.
 */
export function computeFormulas(
  sheetName: string,
  values: SheetValue[][],
  functions: Record<string, CustomFunction>,
): Map<string, ComputedCell> {
  const rows = values.length;
  const columns = values.reduce((max, row) => Math.max(max, row.length), 0);
  const results = new Map<string, ComputedCell>();
  const evaluating = new Set<string>();

  // Custom functions are wrapped so they receive Sheets-shaped arguments and their
  // thrown message survives (the parser would otherwise replace it with #VALUE!).
  let lastThrown: string | null = null;
  const wrapped: Record<string, (...args: FfpArgument[]) => unknown> = {};
  for (const [name, fn] of Object.entries(functions)) {
    wrapped[name.toUpperCase()] = (...args: FfpArgument[]) => {
      const plainArgs = args.map((arg) => {
        if (arg.isRangeRef || arg.isArray) {
          const grid = (arg.value as unknown[][]) ?? [];
          return grid.map((row) => row.map(plain));
        }
        return plain(arg.value);
      });
      try {
        const result = fn(...plainArgs);
        // A 1×1 array is shown as its one value, like Sheets does.
        if (Array.isArray(result) && result.length === 1 && Array.isArray(result[0]) && result[0].length === 1) {
          return result[0][0];
        }
        return result;
      } catch (error) {
        lastThrown =
          error instanceof Error || (error && typeof error === "object" && "message" in error)
            ? String((error as { message: unknown }).message)
            : String(error);
        throw FormulaParser.FormulaError.VALUE;
      }
    };
  }

  const valueAt = (row: number, col: number): unknown => {
    if (row < 1 || col < 1 || row > rows || col > columns) return null;
    const spilled = results.get(`${row}:${col}`);
    const raw: SheetValue = values[row - 1]?.[col - 1] ?? null;
    if (raw === "" || raw === null) return spilled && "value" in spilled ? spilled.value : null;
    if (!isFormula(raw)) return raw;
    const computed = evaluate(row, col);
    return "value" in computed ? computed.value : null;
  };

  const parser = new FormulaParser({
    functions: wrapped,
    onCell: (ref: CellRef) => {
      if (ref.sheet && ref.sheet !== sheetName) throw FormulaParser.FormulaError.REF;
      return valueAt(ref.row, ref.col);
    },
    onRange: (ref: RangeRef) => {
      if (ref.sheet && ref.sheet !== sheetName) throw FormulaParser.FormulaError.REF;
      // Open ranges (B2:B, A:C) stop at the data's edge instead of Sheets' last row.
      const lastRow = Math.min(ref.to.row, rows);
      const lastCol = Math.min(ref.to.col, columns);
      const out: unknown[][] = [];
      for (let r = ref.from.row; r <= lastRow; r++) {
        const line: unknown[] = [];
        for (let c = ref.from.col; c <= lastCol; c++) line.push(valueAt(r, c));
        out.push(line);
      }
      return out;
    },
  });

  function evaluate(row: number, col: number): ComputedCell {
    const key = `${row}:${col}`;
    const done = results.get(key);
    if (done) return done;
    if (evaluating.has(key)) {
      const cycle: ComputedCell = {
        error: "#REF!",
        message: "Circular dependency: this formula refers to its own cell.",
      };
      results.set(key, cycle);
      return cycle;
    }
    evaluating.add(key);
    const formula = String(values[row - 1][col - 1]).slice(1);
    lastThrown = null;
    let computed: ComputedCell;
    try {
      const result = parser.parse(formula, { sheet: sheetName, row, col }, true) as unknown;
      const failure = parserError(result);
      if (failure)
        computed = {
          error: lastThrown ? "#ERROR!" : failure.code,
          message: lastThrown ?? failure.reason ?? `${failure.code} in =${formula}`,
        };
      else if (Array.isArray(result)) {
        spill(row, col, result as unknown[][]);
        const first = Array.isArray(result[0]) ? (result[0] as unknown[])[0] : result[0];
        computed = { value: (first ?? null) as SheetValue };
      } else computed = { value: (result ?? null) as SheetValue };
    } catch (error) {
      const failure = parserError(error);
      if (lastThrown) computed = { error: "#ERROR!", message: lastThrown };
      else if (failure) computed = { error: failure.code, message: failure.reason ?? `${failure.code} in =${formula}` };
      else
        computed = {
          error: "#ERROR!",
          message: `Formula parse error: ${error instanceof Error ? error.message : String(error)}`,
        };
    }
    evaluating.delete(key);
    // A cycle found while computing this cell wins over the partial value.
    const cycle = results.get(key);
    if (cycle && "error" in cycle) return cycle;
    results.set(key, computed);
    return computed;
  }

  /** An array result fills the cells below and to the right, as Sheets spills it, where they are empty. */
  function spill(row: number, col: number, result: unknown[][]): void {
    result.forEach((line, i) => {
      (Array.isArray(line) ? line : [line]).forEach((value, j) => {
        if (i === 0 && j === 0) return;
        const r = row + i;
        const c = col + j;
        const raw = values[r - 1]?.[c - 1];
        if (raw === undefined || raw === null || raw === "")
          results.set(`${r}:${c}`, { value: (value ?? null) as SheetValue });
      });
    });
  }

  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= columns; c++) if (isFormula(values[r - 1]?.[c - 1])) evaluate(r, c);
  }
  return results;
}
