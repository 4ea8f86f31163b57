// The part of fast-formula-parser (MIT, no bundled types) the preview uses.
declare module "fast-formula-parser" {
  interface FormulaErrorValue {
    _error: string;
    details?: unknown;
  }
  interface Position {
    sheet: string;
    row: number;
    col: number;
  }
  interface ParserConfig {
    functions?: Record<string, (...args: never[]) => unknown>;
    onCell?: (ref: { sheet?: string; row: number; col: number }) => unknown;
    onRange?: (ref: {
      sheet?: string;
      from: { row: number; col: number };
      to: { row: number; col: number };
    }) => unknown[][];
  }
  class FormulaParser {
    constructor(config: ParserConfig);
    parse(formula: string, position: Position, allowReturnArray?: boolean): unknown;
    static FormulaError: { VALUE: FormulaErrorValue; REF: FormulaErrorValue; NAME: FormulaErrorValue };
  }
  export default FormulaParser;
}
