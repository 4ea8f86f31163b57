/**
 * `shop-doctor diagnose FILE...`: reads exports, diagnoses them with the same engine the
 * add-on runs, prints the summary (or `--json`), and writes `--out report.html`.
 * `--notify URL` then posts the morning brief to team chats (src/notify).
 * Exit codes: 0 ran, 1 nothing could be diagnosed or a file could not be read, 2 usage error,
 * 3 (only with --notify-strict) diagnosed but a brief could not be posted.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_LANGUAGE } from "../../engine/i18n/languages";
import {
  diagnoseTables,
  languageOf,
  layoutReport,
  parseSettings,
  settingLabel,
  translate,
  type Report,
  type Settings,
  type SheetInput,
} from "../../engine";
import { LANGUAGE_TABLE } from "../../engine/i18n/languages";
import {
  LOOPBACK_SWITCH,
  PLATFORMS,
  type Platform,
  type SendBriefOptions,
  type SendBriefResult,
  sendBrief,
} from "../../notify";
import { renderGridPage } from "../render-grid";
import { parseCliArgs, USAGE, UsageError, type DiagnoseOptions } from "./args";
import { encodingName, ExportReadError, readExportPath, uniqueTabName } from "../../readers";
import { recordInFile } from "./history-file";
import { renderSummary, wantsColor } from "./summary";
import { jsonTerminalSafe, terminalSafe, terminalSafeDeep } from "./terminal";

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_NOTIFY = 3;

/** Reads and validates a settings JSON file; a clear message names the file and the field. */
export function readSettingsFile(file: string, language: Settings["language"] | null): Settings {
  let text: string;
  try {
    text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExportReadError(
      file,
      code === "ENOENT"
        ? `--settings ${file}: no such file.`
        : `--settings ${file}: cannot be read (${(error as Error).message}).`,
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new ExportReadError(file, `--settings ${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ExportReadError(file, `--settings ${file} must hold one JSON object, e.g. {"peerPayConversion": 0.031}.`);
  }
  const merged = language ? { ...(input as Record<string, unknown>), language } : input;
  // The same messages as the Settings sheet, in the report's language, naming the JSON key.
  const wording = languageOf(merged) ?? DEFAULT_LANGUAGE;
  const parsed = parseSettings(merged, wording);
  if (!parsed.ok) {
    const problems = parsed.errors
      .map((e) =>
        e.field === "settings"
          ? `  ${e.message}`
          : `  ${translate(wording, "server.error.problem", { cell: `"${e.field}"`, label: settingLabel(e.field, wording), expected: e.message })}`,
      )
      .join("\n");
    throw new ExportReadError(file, `--settings ${file} has invalid values:\n${problems}`);
  }
  return parsed.settings;
}

/** The settings the command line asks for: a file, a language, or the defaults. */
export function settingsFor(options: Pick<DiagnoseOptions, "settingsFile" | "language">): Settings {
  if (options.settingsFile) return readSettingsFile(options.settingsFile, options.language);
  const parsed = parseSettings(options.language ? { language: options.language } : {});
  if (!parsed.ok) throw new Error("Shop Doctor: default settings do not validate");
  return parsed.settings;
}

/**
 * Reads every file: a CSV/TSV as one tab named after it, a workbook as one tab per worksheet;
 * all unreadable files are reported together. `notes` gets a line for each file whose encoding
 * was guessed (no BOM, not UTF-8), naming the encoding assumed.
 */
export async function readSheets(
  files: string[],
  encoding: string | null = null,
  notes: string[] = [],
): Promise<SheetInput[]> {
  const sheets: SheetInput[] = [];
  const problems: string[] = [];
  const names = new Map<string, number>();
  for (const file of files) {
    try {
      const read = await readExportPath(file, { encoding });
      if (read.encodingGuessed && read.encoding) {
        notes.push(
          `${file}: not UTF-8; read as ${encodingName(read.encoding)}. If names look garbled, ` +
            `force the encoding with --encoding (gbk, big5, shift_jis, windows-1252, utf-16le).`,
        );
      }
      // Two files with the same base name (a/店铺.csv, b/店铺.csv) get distinct tabs, like Sheets' "Copy of".
      for (const tab of read.tabs) sheets.push({ ...tab, name: uniqueTabName(tab.name, names) });
    } catch (error) {
      if (error instanceof ExportReadError) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length) throw new ExportReadError(files[0] ?? "", problems.join("\n"));
  return sheets;
}

function version(): string {
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    const pkg = JSON.parse(readFileSync(join(here, "..", "..", "..", "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** A report with nothing to say: no table was recognised. */
function nothingRecognised(report: Report): boolean {
  return report.tables.every((t) => t.kind === "unknown");
}

/** What a run leaves to do after the diagnosis: the briefs to post, if --notify asked for any. */
interface Started {
  code: number;
  io: CliIo;
  notify: { report: Report; command: DiagnoseOptions } | null;
}

/**
 * Runs the CLI; resolves to the exit code instead of exiting, so tests can call it in-process.
 * It posts nothing: a command line with --notify goes through runCliAsync (what the bin runs).
 */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const started = await start(argv, rawIo);
  if (started.notify) throw new Error("shop-doctor: --notify posts over the network; call runCliAsync");
  return started.code;
}

/** runCli, then the briefs --notify asks for; a failed post changes the exit code only with --notify-strict. */
export async function runCliAsync(argv: string[], rawIo: CliIo): Promise<number> {
  const started = await start(argv, rawIo);
  if (!started.notify) return started.code;
  const { report, command } = started.notify;
  let failed = false;
  for (const url of command.notify) {
    const options: SendBriefOptions = {
      reportName: reportNameFor(command, report),
      reportUrl: command.reportUrl,
      env: started.io.env,
      platform: testPlatform(started.io.env),
    };
    const result: SendBriefResult = await sendBrief(report, url, options);
    // The message may quote the platform's answer: it goes through terminalSafe with everything else.
    started.io.stderr.write(`shop-doctor: ${result.message}\n`);
    failed ||= !result.ok;
  }
  return failed && command.notifyStrict ? EXIT_NOTIFY : started.code;
}

/**
 * Test-only: with the loopback switch on, SHOP_DOCTOR_NOTIFY_PLATFORM names the payload a
 * 127.0.0.1 fake webhook gets. Without the switch it is never read.
 */
function testPlatform(env: CliIo["env"]): Platform | undefined {
  if (env[LOOPBACK_SWITCH] !== "1") return undefined;
  const wanted = env.SHOP_DOCTOR_NOTIFY_PLATFORM;
  return PLATFORMS.find((p) => p === wanted);
}

/** What the brief calls the report: the --out page's file name, else the data files' names. */
function reportNameFor(command: DiagnoseOptions, report: Report): string {
  if (command.outFile) return basename(command.outFile);
  return command.files.map((f) => basename(f)).join(LANGUAGE_TABLE[report.language].listSeparator);
}

/** Everything printed passes through terminalSafe (data and file names can hold escapes). */
async function start(argv: string[], rawIo: CliIo): Promise<Started> {
  const io: CliIo = {
    ...rawIo,
    stdout: { isTTY: rawIo.stdout.isTTY, write: (text: string) => rawIo.stdout.write(terminalSafe(text)) },
    stderr: { isTTY: rawIo.stderr.isTTY, write: (text: string) => rawIo.stderr.write(terminalSafe(text)) },
  };
  let command;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`shop-doctor: ${error.message}\n`);
      return { code: EXIT_USAGE, io, notify: null };
    }
    throw error;
  }
  if (command.command === "help") {
    io.stdout.write(USAGE);
    return { code: EXIT_OK, io, notify: null };
  }
  if (command.command === "version") {
    io.stdout.write(`shop-doctor ${version()}\n`);
    return { code: EXIT_OK, io, notify: null };
  }
  try {
    const settings = settingsFor(command);
    const notes: string[] = [];
    const sheets = await readSheets(command.files, command.encoding, notes);
    for (const note of notes) io.stderr.write(`shop-doctor: note: ${note}\n`);
    // Advice that says "fill in X" names the --settings file, not the Settings sheet.
    const diagnosed = diagnoseTables(sheets, settings, { settingsIn: "cli" });
    if (nothingRecognised(diagnosed)) {
      const reasons = diagnosed.findings
        .filter((f) => f.rule === "data-sanity")
        .map((f) => `  ${f.message}`)
        .join("\n");
      io.stderr.write(
        `shop-doctor: nothing recognisable in ${command.files.join(", ")}. Shop Doctor reads shop analytics exports ` +
          `with a header row such as 统计日期/访客数/支付金额 (生意参谋), Day/Sessions/Total sales (Shopify) or ` +
          `(Child) ASIN/Sessions - Total (Amazon).\n${reasons ? reasons + "\n" : ""}`,
      );
      return { code: EXIT_FAILED, io, notify: null };
    }
    // With --history, the report says what changed since the last run recorded in the file.
    let report = diagnosed;
    try {
      const recorded = command.historyFile ? recordInFile(command.historyFile, diagnosed) : null;
      recorded?.write();
      report = recorded?.report ?? diagnosed;
    } catch (error) {
      io.stderr.write(`shop-doctor: cannot use --history ${command.historyFile}: ${(error as Error).message}\n`);
      return { code: EXIT_FAILED, io, notify: null };
    }
    if (command.outFile) {
      const grid = layoutReport(report);
      try {
        writeFileSync(command.outFile, renderGridPage(grid, grid.sheetName, report.language));
      } catch (error) {
        io.stderr.write(`shop-doctor: cannot write --out ${command.outFile}: ${(error as Error).message}\n`);
        return { code: EXIT_FAILED, io, notify: null };
      }
    }
    if (command.json) {
      rawIo.stdout.write(jsonTerminalSafe(JSON.stringify(report, null, 2)) + "\n");
    } else {
      // The report's text is made safe first; the summary then adds its own colour codes.
      rawIo.stdout.write(renderSummary(terminalSafeDeep(report), { color: wantsColor(io.stdout, io.env) }));
      if (command.outFile) io.stdout.write(`\n→ ${command.outFile}\n`);
    }
    return { code: EXIT_OK, io, notify: command.notify.length ? { report, command } : null };
  } catch (error) {
    if (error instanceof ExportReadError) {
      io.stderr.write(
        error.message
          .split("\n")
          .map((l, i) => (i === 0 ? `shop-doctor: ${l}` : l))
          .join("\n") + "\n",
      );
      return { code: EXIT_FAILED, io, notify: null };
    }
    throw error;
  }
}
