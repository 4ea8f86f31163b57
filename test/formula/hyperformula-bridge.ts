/**
 * A HyperFormula function plugin that registers every custom function from the registry
 * and hands it the values Google Sheets would: a range as a 2D array, an empty cell as "",
 * a single cell (even one HyperFormula wraps as a 1×1 range) as a scalar, and date serial
 * numbers as Date objects where the parameter is a date. Thrown errors become #VALUE!
 * carrying our message, as Sheets shows #ERROR! with it. Dev/test only (GPL-3.0 engine).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";
import { CUSTOM_FUNCTIONS } from "../../src/functions/registry";
import type { FunctionSpec } from "../../src/functions/registry";

/** HyperFormula's default null date: serial 0 is 1899-12-30, as in Sheets. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A date serial as Sheets would hand it over: a Date at local midnight of that day. */
export function serialToDate(serial: number): Date {
  const utc = new Date(SERIAL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

type Scalar = number | string | boolean | Date;

function toSheetsScalar(value: unknown, isDateParam: boolean): Scalar | CellError {
  if (value === EmptyValue || value === null || value === undefined) return "";
  if (value instanceof CellError) return value;
  // HyperFormula wraps percentages, currencies and dates as RichNumber objects holding `val`.
  const raw = typeof value === "object" && value !== null && "val" in value ? (value as { val: number }).val : value;
  if (typeof raw === "number") return isDateParam ? serialToDate(raw) : raw;
  if (typeof raw === "string" || typeof raw === "boolean") return raw;
  return String(raw);
}

/** One argument as Sheets passes it: a scalar, or a 2D array for a range larger than 1×1. */
function toSheetsArgument(value: unknown, isDateParam: boolean): Scalar | Scalar[][] | CellError {
  if (value instanceof SimpleRangeValue) {
    const data = value.data;
    if (data.length === 1 && data[0].length === 1) return toSheetsScalar(data[0][0], isDateParam);
    const rows: Scalar[][] = [];
    for (const row of data) {
      const out: Scalar[] = [];
      for (const cell of row) {
        const v = toSheetsScalar(cell, isDateParam);
        if (v instanceof CellError) return v;
        out.push(v);
      }
      rows.push(out);
    }
    return rows;
  }
  return toSheetsScalar(value, isDateParam);
}

function methodName(fn: FunctionSpec): string {
  return `call_${fn.name}`;
}

function sizeName(fn: FunctionSpec): string {
  return `size_${fn.name}`;
}

/** Registry functions whose results spill: FUNNEL always gives four columns per row. */
const RESULT_WIDTH: Record<string, number> = { FUNNEL: 4, LIVE_FUNNEL: 4 };

class ShopDoctorPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};
}

function install(fn: FunctionSpec): void {
  const proto = ShopDoctorPlugin.prototype as unknown as Record<string, unknown>;
  const dateParams = fn.params.map((p) => p.kind === "date");
  ShopDoctorPlugin.implementedFunctions[fn.name] = {
    method: methodName(fn),
    sizeOfResultArrayMethod: sizeName(fn),
    parameters: fn.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional === true })),
    vectorizationForbidden: true,
  };
  proto[methodName(fn)] = function (this: ShopDoctorPlugin, ast: { args: unknown[] }, state: unknown) {
    const self = this as unknown as {
      runFunction: (args: unknown[], state: unknown, metadata: unknown, impl: (...a: unknown[]) => unknown) => unknown;
      metadata: (name: string) => unknown;
    };
    return self.runFunction(ast.args, state, self.metadata(fn.name), (...args: unknown[]) => {
      const sheetsArgs: unknown[] = [];
      for (let i = 0; i < args.length; i++) {
        // A left-out optional argument is not passed at all, as in Sheets.
        if (args[i] === undefined && fn.params[i]?.optional) break;
        const arg = toSheetsArgument(args[i], dateParams[i] ?? false);
        if (arg instanceof CellError) return arg;
        sheetsArgs.push(arg);
      }
      let result: unknown;
      try {
        result = fn.impl(...sheetsArgs);
      } catch (error) {
        return new CellError(ErrorType.VALUE, error instanceof Error ? error.message : String(error));
      }
      return Array.isArray(result) ? SimpleRangeValue.onlyValues(result as (number | string)[][]) : result;
    });
  };
  // HyperFormula needs the result size before evaluating: the largest argument's shape.
  proto[sizeName(fn)] = function (this: ShopDoctorPlugin, ast: { args: unknown[] }, state: unknown) {
    const self = this as unknown as { arraySizeForAst: (ast: unknown, state: unknown) => ArraySize };
    if (fn.summarises) return ArraySize.scalar();
    let width = 1;
    let height = 1;
    for (const arg of ast.args) {
      const size = self.arraySizeForAst(arg, state);
      width = Math.max(width, size.width);
      height = Math.max(height, size.height);
    }
    const fixedWidth = RESULT_WIDTH[fn.name];
    if (fixedWidth) return new ArraySize(fixedWidth, height);
    return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
  };
}

let registered = false;

/** Registers every custom function with HyperFormula (once per process). */
export function registerShopDoctorFunctions(): void {
  if (registered) return;
  for (const fn of CUSTOM_FUNCTIONS) install(fn);
  const names = Object.fromEntries(CUSTOM_FUNCTIONS.map((fn) => [fn.name, fn.name]));
  HyperFormula.registerFunctionPlugin(ShopDoctorPlugin, { enGB: names, enUS: names });
  registered = true;
}

/** A workbook of one sheet, evaluated with our functions available. */
export function buildSheet(rows: unknown[][]): HyperFormula {
  registerShopDoctorFunctions();
  return HyperFormula.buildFromArray(rows as never, { licenseKey: "gpl-v3" });
}
