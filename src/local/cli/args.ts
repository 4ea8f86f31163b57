/**
 * Command-line arguments of `shop-doctor`: one command (`diagnose`) with typed options.
 * Unknown options and missing values are errors with a message saying what to type instead.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "../../engine/i18n/languages";
import { normaliseEncodingLabel } from "../../readers/delimited";

export interface DiagnoseOptions {
  command: "diagnose";
  files: string[];
  settingsFile: string | null;
  language: Language | null;
  outFile: string | null;
  /** --history: the CSV file that keeps one row per diagnosed period (the History sheet's rows). */
  historyFile: string | null;
  json: boolean;
  /** --encoding: read every file in this encoding instead of detecting it (an iconv-lite label). */
  encoding: string | null;
  /** --notify URL (repeatable): chat webhooks that get the morning brief. */
  notify: string[];
  /** --notify-strict: a brief that could not be posted makes the exit code 3. */
  notifyStrict: boolean;
  /** --report-url URL: where the full report can be opened; the brief links to it. */
  reportUrl: string | null;
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

Diagnoses shop analytics exports (CSV/TSV, one tab per file named after the file; .xlsx
workbooks, one tab per worksheet) and prints the health summary with today's actions. Encodings: UTF-8 (with or without BOM) and UTF-16 are
read as they are; GBK, Big5, Shift_JIS and Windows-1252 are recognised, and the summary notes
which one it assumed (force one with --encoding).

Options:
  --settings FILE.json   team settings (same keys as the Settings sheet, e.g.
                         {"peerPayConversion": 0.031, "monthlyTarget": 500000})
  --lang LANG            report language: ${LANGUAGES.map((l) => (l === DEFAULT_LANGUAGE ? `${l} (default)` : l)).join(", ")}
  --out FILE.html        also write the report as a self-contained HTML page
  --history FILE.csv     keep the diagnosis history in this file (created if missing): the
                         report then says what changed since the last run, as in Sheets
  --json                 print the full report as JSON instead of the summary
  --encoding NAME        read the files in this encoding: gbk, big5, shift_jis,
                         windows-1252, utf-8, utf-16le, utf-16be
  --notify URL           post the morning brief (score, three actions, report name)
                         to a 飞书/Lark, 钉钉 DingTalk, 企业微信 WeCom or Slack
                         incoming webhook; repeat for several chats. Signing secrets
                         come from SHOP_DOCTOR_FEISHU_SECRET / SHOP_DOCTOR_DINGTALK_SECRET
                         (or SHOP_DOCTOR_WEBHOOK_SECRET)
  --notify-strict        exit with 3 when a brief could not be posted (default: a
                         failed post is reported and the exit code stays the diagnosis')
  --report-url URL       where the full report can be opened; the brief links to it
  --                     what follows are file names, even if they start with "-"
  -h, --help             show this help
  -v, --version          show the version

Examples:
  shop-doctor diagnose samples/sample-shop/*.csv
  shop-doctor diagnose 店铺.csv 商品.csv --lang en --out report.html
  shop-doctor diagnose --encoding big5 -- -店鋪.csv
  shop-doctor diagnose *.csv --out report.html --notify https://open.feishu.cn/open-apis/bot/v2/hook/…
`;

/** A token that was taken for an option but names a file (`-x.csv`, or one that exists). */
function dashFileName(argv: string[]): string | null {
  for (const token of argv) {
    if (token === "--") return null;
    if (token.startsWith("-") && token !== "-" && (/\.(csv|tsv|tab|txt)$/i.test(token) || existsSync(token))) {
      return token;
    }
  }
  return null;
}

/** Parses argv (without `node` and the script path). */
export function parseCliArgs(argv: string[]): CliCommand {
  let parsed: ReturnType<typeof parseWith>;
  try {
    parsed = parseWith(argv);
  } catch (error) {
    // node:util's messages name the option; add what to do.
    let message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, ".").trim();
    if (!/[.!?]$/.test(message)) message += ".";
    const file = dashFileName(argv);
    if (file) {
      // A file whose name starts with "-" reads as an option; say how to pass it.
      throw new UsageError(
        `${message} "${file}" looks like a file name: put "--" before it ` +
          `(shop-doctor diagnose -- ${file}) or write it as ./${file}.`,
      );
    }
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
  let encoding: string | null = null;
  if (values.encoding !== undefined) {
    encoding = normaliseEncodingLabel(values.encoding);
    if (!encoding) {
      throw new UsageError(
        `--encoding ${values.encoding} is not an encoding this tool knows; try gbk, big5, shift_jis, windows-1252, utf-8 or utf-16le.`,
      );
    }
  }
  if ((values["notify-strict"] || values["report-url"] !== undefined) && !values.notify?.length) {
    throw new UsageError(
      `${values["notify-strict"] ? "--notify-strict" : "--report-url"} only applies with --notify URL (a chat webhook).`,
    );
  }
  return {
    command: "diagnose",
    files,
    encoding,
    settingsFile: values.settings ?? null,
    language,
    outFile: values.out ?? null,
    historyFile: values.history ?? null,
    json: values.json ?? false,
    notify: values.notify ?? [],
    notifyStrict: values["notify-strict"] ?? false,
    reportUrl: values["report-url"] ?? null,
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
      history: { type: "string" },
      json: { type: "boolean" },
      encoding: { type: "string" },
      notify: { type: "string", multiple: true },
      "notify-strict": { type: "boolean" },
      "report-url": { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}
