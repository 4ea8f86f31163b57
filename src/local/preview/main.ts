/**
 * `npm start` (via scripts/start.sh): opens a sample shop (or an empty workbook) in the preview
 * server. Every folder under samples/ is offered: in a terminal the user picks one from a numbered
 * list; `--sample <folder>` or `--empty` chooses without asking; with no terminal (CI, tests) the
 * first sample opens. Port from --port or $PORT (default 8080); binds 127.0.0.1; Ctrl-C / SIGTERM stop it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SheetInput } from "../../engine";
import { readExportFile } from "../../readers/delimited";
import { sidebarFromFile, startPreviewServer } from "./server";
import { PreviewWorkbook } from "./workbook";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const SAMPLES_DIR = join(root, "samples");
export const SAMPLE_SHOP_DIR = join(SAMPLES_DIR, "sample-shop");
export const CODE_PATH = join(root, "build", "Code.js");
export const SIDEBAR_PATH = join(root, "build", "Sidebar.html");

/** The order a shop operator reads them in: the overview first. */
const SAMPLE_ORDER = ["店铺日报", "商品效果", "流量来源", "推广计划"];

/** The sample shop's CSV files as tabs, overview first. */
export function sampleShopSheets(dir = SAMPLE_SHOP_DIR): SheetInput[] {
  const files = readdirSync(dir).filter((f) => /\.(csv|tsv)$/i.test(f));
  const rank = (f: string) => {
    const i = SAMPLE_ORDER.indexOf(f.replace(/\.[^.]+$/, ""));
    return i < 0 ? SAMPLE_ORDER.length : i;
  };
  files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return files.map((f) => {
    const { name, values } = readExportFile(join(dir, f));
    return { name, values };
  });
}

/** A sample's team settings (its settings.json); none when the sample has no such file. */
export function sampleShopSettings(dir = SAMPLE_SHOP_DIR): Record<string, unknown> {
  const file = join(dir, "settings.json");
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
}

/** Every folder under samples/ holding at least one export, the original sample shop first. */
export function listSamples(dir = SAMPLES_DIR): string[] {
  const names = readdirSync(dir).filter((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() && readdirSync(path).some((f) => /\.(csv|tsv)$/i.test(f));
  });
  return names.sort((a, b) => (a === "sample-shop" ? -1 : b === "sample-shop" ? 1 : a.localeCompare(b)));
}

/** What opens: one sample folder, or an empty workbook. */
export type SampleChoice = { sample: string } | { empty: true };

/** `--sample <folder>` / `--sample=<folder>` / `--empty`; null when neither is given. A folder not offered is refused. */
export function sampleFromArgs(argv: string[], samples: readonly string[]): SampleChoice | null {
  if (argv.includes("--empty")) return { empty: true };
  let name: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--sample") name = argv[i + 1];
    else if (argv[i].startsWith("--sample=")) name = argv[i].slice("--sample=".length);
  }
  if (name === undefined) return null;
  if (!samples.includes(name))
    throw new Error(`There is no sample "${name}" under samples/; pick one of: ${samples.join(", ")} (or --empty).`);
  return { sample: name };
}

/** The numbered list the terminal shows: each sample, then 0 for an empty workbook. */
export function sampleMenu(samples: readonly string[]): string {
  const lines = samples.map((name, i) => `  ${i + 1}. ${name}`);
  return ["Which sample should the preview open?", ...lines, "  0. an empty workbook (paste your own export)"].join(
    "\n",
  );
}

/** The answer typed at the menu: a number, a folder name, or Enter for the first sample; null when it names nothing. */
export function sampleFromAnswer(answer: string, samples: readonly string[]): SampleChoice | null {
  const text = answer.trim();
  if (text === "") return samples.length > 0 ? { sample: samples[0] } : { empty: true };
  if (text === "0" || text.toLowerCase() === "empty") return { empty: true };
  const n = Number(text);
  if (Number.isInteger(n) && n >= 1 && n <= samples.length) return { sample: samples[n - 1] };
  return samples.includes(text) ? { sample: text } : null;
}

/** Asks in the terminal until the answer names a sample or the empty workbook. */
async function askSample(samples: readonly string[]): Promise<SampleChoice> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    console.log(sampleMenu(samples));
    for (;;) {
      const choice = sampleFromAnswer(await rl.question(`Number [1]: `), samples);
      if (choice) return choice;
      console.log(`Type a number from 0 to ${samples.length}.`);
    }
  } finally {
    rl.close();
  }
}

/** The sample to open: from the arguments, else asked in a terminal, else the first one. */
async function chooseSample(argv: string[]): Promise<SampleChoice> {
  const samples = listSamples();
  const given = sampleFromArgs(argv, samples);
  if (given) return given;
  if (process.stdin.isTTY && process.stdout.isTTY) return askSample(samples);
  return samples.length > 0 ? { sample: samples[0] } : { empty: true };
}

/** The workbook a choice opens: the sample's exports as tabs and its settings saved, or one empty sheet. */
function openWorkbook(choice: SampleChoice): PreviewWorkbook {
  if ("empty" in choice) return PreviewWorkbook.fromFile(CODE_PATH, []);
  const dir = join(SAMPLES_DIR, choice.sample);
  const workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets(dir));
  // The sample team's settings (peer conversion, target, margin) go in the Settings sheet,
  // written by the add-on itself, so the sidebar's form shows them too.
  const refused = workbook.applySettings(sampleShopSettings(dir));
  if (refused) console.warn(`[shop-doctor] the sample settings were not applied: ${refused}`);
  return workbook;
}

/** --port N / --port=N, else $PORT, else 8080. */
export function portFrom(argv: string[], env: Record<string, string | undefined>): number {
  let text: string | undefined = env.PORT;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--port") text = argv[i + 1];
    else if (argv[i].startsWith("--port=")) text = argv[i].slice("--port=".length);
  }
  if (text === undefined || text === "") return 8080;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`The port "${text}" is not a port number (0–65535); try --port 8080 or PORT=9000.`);
  }
  return port;
}

async function main(): Promise<void> {
  if (!existsSync(CODE_PATH)) {
    console.error("build/Code.js is missing: run `npm run build` first (npm start does it for you).");
    process.exit(1);
  }
  let port: number;
  let choice: SampleChoice;
  try {
    port = portFrom(process.argv.slice(2), process.env);
    choice = await chooseSample(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const workbook = openWorkbook(choice);
  const quiet = process.argv.includes("--quiet");
  let server;
  try {
    server = await startPreviewServer({
      workbook,
      sidebarHtml: sidebarFromFile(SIDEBAR_PATH),
      port,
      log: quiet ? undefined : (line) => console.log(`[shop-doctor] ${line}`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === "EADDRINUSE"
        ? `Port ${port} is already in use; pick another with PORT=9000 npm start (or --port 9000).`
        : `Could not start the preview: ${(error as Error).message}`,
    );
    process.exit(1);
  }
  const opened = "empty" in choice ? "an empty workbook" : `${choice.sample}: ${workbook.tabNames().join(", ")}`;
  console.log(`Shop Doctor preview: ${server.url}  (${opened}; Ctrl-C to stop)`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[shop-doctor] ${signal}: stopping the preview.`);
    void server.close().then(() => process.exit(0));
    // Never hang on a stuck connection.
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGHUP", () => stop("SIGHUP"));
  stopWithParent(stop);
}

/**
 * `npm start` runs npm → sh → bash scripts/start.sh → (exec) node. When npm itself is killed it
 * does not pass the signal on, and this process would be left running, holding the port. So it
 * also stops when its parent goes away (it is then re-parented: its ppid changes).
 */
function stopWithParent(stop: (reason: string) => void): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent || !alive(parent)) stop("the process that started the preview exited");
  }, 250).unref();
}

/** Whether a process still runs: it exists and (on Linux) is not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    // /proc/PID/stat: "pid (comm) S ..."; the state letter follows the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no /proc (macOS): the ppid check above is the one that counts
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
