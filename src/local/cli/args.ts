/**
 * Command-line arguments of `shop-doctor`: one command (`diagnose`) with typed options.
 * Unknown options and missing values are errors with a message saying what to type instead.
 */
import { parseArgs } from "node:util";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "../../engine/i18n/languages";

export interface DiagnoseOptions {
  command: "diagnose";
  files: string[];
  settingsFile: string | null;
  language: Language | null;
  outFile: string | null;
  json: boolean;
}

export type CliCommand = DiagnoseOptions | { command: "help" } | { command: "version" };

/** A mistake on the command line; main prints the message and the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const USAGE = `Usage: shop-doctor diagnose FILE... [options]

Diagnoses shop analytics exports (CSV/TSV in UTF-8, UTF-8 with BOM or GBK), one tab per
file named after the file, and prints the health summary with today's actions.

Options:
  --settings FILE.json   team settings (same keys as the Settings sheet, e.g.
                         {"peerPayConversion": 0.031, "monthlyTarget": 500000})
  --lang LANG            report language: ${LANGUAGES.map((l) => (l === DEFAULT_LANGUAGE ? `${l} (default)` : l)).join(", ")}
  --out FILE.html        also write the report as a self-contained HTML page
  --json                 print the full report as JSON instead of the summary
  -h, --help             show this help
  -v, --version          show the version

Examples:
  shop-doctor diagnose samples/sample-shop/*.csv
  shop-doctor diagnose 店铺.csv 商品.csv --lang en --out report.html
`;

/** Parses argv (without `node` and the script path). */
export function parseCliArgs(argv: string[]): CliCommand {
  let parsed: ReturnType<typeof parseWith>;
  try {
    parsed = parseWith(argv);
  } catch (error) {
    // node:util's messages name the option; add what to do.
    let message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, ".").trim();
    if (!/[.!?]$/.test(message)) message += ".";
    throw new UsageError(`${message} Run "shop-doctor --help" for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: "help" };
  if (values.version) return { command: "version" };
  const [command, ...files] = positionals;
  if (!command) throw new UsageError('Missing command: try "shop-doctor diagnose FILE.csv".');
  if (command !== "diagnose") {
    throw new UsageError(
      `Unknown command "${command}": the only command is "diagnose", e.g. "shop-doctor diagnose FILE.csv".`,
    );
  }
  if (files.length === 0) throw new UsageError('No files given: "shop-doctor diagnose FILE.csv [FILE2.csv …]".');
  let language: Language | null = null;
  if (values.lang !== undefined) {
    const wanted = LANGUAGES.find((l) => l.toLowerCase() === values.lang!.toLowerCase());
    if (!wanted) throw new UsageError(`--lang ${values.lang} is not supported; use one of ${LANGUAGES.join(", ")}.`);
    language = wanted;
  }
  return {
    command: "diagnose",
    files,
    settingsFile: values.settings ?? null,
    language,
    outFile: values.out ?? null,
    json: values.json ?? false,
  };
}

function parseWith(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      settings: { type: "string" },
      lang: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}
