/**
 * `npm start` (via scripts/start.sh): opens the bundled sample shop in the preview server.
 * Port from --port or $PORT (default 8080); binds 127.0.0.1; Ctrl-C / SIGTERM stop it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SheetInput } from "../../engine";
import { readExportFile } from "../../readers/delimited";
import { sidebarFromFile, startPreviewServer } from "./server";
import { PreviewWorkbook } from "./workbook";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const SAMPLE_SHOP_DIR = join(root, "samples", "sample-shop");
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

/** The sample shop's team settings (samples/sample-shop/settings.json). */
export function sampleShopSettings(dir = SAMPLE_SHOP_DIR): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, "settings.json"), "utf8")) as Record<string, unknown>;
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
  try {
    port = portFrom(process.argv.slice(2), process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets());
  // The sample team's settings (peer conversion, target, margin) go in the Settings sheet,
  // written by the add-on itself, so the sidebar's form shows them too.
  const refused = workbook.applySettings(sampleShopSettings());
  if (refused) console.warn(`[shop-doctor] the sample settings were not applied: ${refused}`);
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
  console.log(`Shop Doctor preview: ${server.url}  (sample shop: ${workbook.tabNames().join(", ")}; Ctrl-C to stop)`);
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
    if (process.ppid !== parent) stop("the process that started the preview exited");
  }, 250).unref();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
