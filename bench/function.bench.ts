/**
 * The HTTP function against the CLI on the same data, both measured in this run:
 * - time to first response: a fresh `npm run function` process (tsx, functions-framework,
 *   Express) from spawn to its first answered POST /diagnose of the sample shop's four CSV
 *   files, against a fresh `shop-doctor diagnose … --json` process from spawn to exit.
 *   Target: ≤ 1.5 × the CLI (a cold start costs about one CLI run).
 * - a 100,000-row request: the sample shop with 100k product rows as CSV files, posted as
 *   multipart/form-data to the in-process function, against runCli in-process on the same
 *   files with --json, in CPU time of this process (client and server both live in it; on a
 *   shared machine wall time mostly measures the queue), the fastest of three. Target: ≤ 1.3 ×
 *   the CLI (the function's own work — buffering, multipart parsing — is small beside reading
 *   and diagnosing).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Cell } from "../src/engine";
import { setRequestLog } from "../src/function/handler";
import { startFunctionServer } from "../src/function/local";
import { runCli } from "../src/local/cli/main";
import { sampleShopWithProducts } from "../test/gas/shop-data";
import { median, row, verdict } from "./util";

const ROOT = new URL("..", import.meta.url).pathname;
const SAMPLE = join(ROOT, "samples", "sample-shop");
const SAMPLE_FILES = readdirSync(SAMPLE)
  .filter((f) => f.endsWith(".csv"))
  .map((f) => join(SAMPLE, f));

function form(files: string[]): FormData {
  const body = new FormData();
  for (const f of files) body.append("file", new Blob([new Uint8Array(readFileSync(f))]), f.split("/").pop()!);
  return body;
}

/** Milliseconds from spawning `args` until it exits 0. */
function cliColdMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [join(ROOT, "bin", "shop-doctor.mjs"), "diagnose", ...SAMPLE_FILES, "--json"],
      {
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    child.on("exit", (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`CLI exited ${code}`)),
    );
  });
}

/** Milliseconds from spawning the function until its first POST /diagnose is answered with 200. */
function functionColdMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src", "function", "main.ts"), "--port", "0"],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
      if (!url || out.includes("\u0000")) return;
      out += "\u0000";
      fetch(`${url}/diagnose`, { method: "POST", body: form(SAMPLE_FILES) })
        .then(async (res) => {
          await res.text();
          const ms = performance.now() - t0;
          child.kill("SIGTERM");
          if (res.status === 200) resolve(ms);
          else reject(new Error(`function answered ${res.status}`));
        })
        .catch((error) => {
          child.kill("SIGTERM");
          reject(error);
        });
    });
  });
}

function csvText(values: Cell[][]): string {
  const quote = (c: Cell) => {
    const t = c === null || c === undefined ? "" : String(c);
    return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return values.map((r) => r.map(quote).join(",")).join("\n") + "\n";
}

async function bigRequest(): Promise<{ cli: number; fn: number }> {
  const dir = mkdtempSync(join(tmpdir(), "shop-doctor-bench-"));
  const restore = setRequestLog(() => undefined);
  const server = await startFunctionServer(0);
  try {
    const files = sampleShopWithProducts(100_000).map((sheet) => {
      const file = join(dir, `${sheet.name}.csv`);
      writeFileSync(file, csvText(sheet.values));
      return file;
    });
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {} };
    const cli: number[] = [];
    const fn: number[] = [];
    const cpu = (start: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    for (let i = 0; i < 3; i++) {
      (globalThis as { gc?: () => void }).gc?.();
      let t0 = process.cpuUsage();
      if ((await runCli(["diagnose", ...files, "--json"], io)) !== 0) throw new Error("CLI failed on 100k rows");
      cli.push(cpu(t0));
      (globalThis as { gc?: () => void }).gc?.();
      t0 = process.cpuUsage();
      const res = await fetch(`${server.url}/diagnose`, { method: "POST", body: form(files) });
      await res.text();
      if (res.status !== 200) throw new Error(`function answered ${res.status} on 100k rows`);
      fn.push(cpu(t0));
    }
    return { cli: Math.min(...cli), fn: Math.min(...fn) };
  } finally {
    await server.close();
    setRequestLog(restore);
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function functionBench(): Promise<void> {
  const cliCold: number[] = [];
  const fnCold: number[] = [];
  for (let i = 0; i < 3; i++) {
    cliCold.push(await cliColdMs());
    fnCold.push(await functionColdMs());
  }
  const coldRatio = median(fnCold) / median(cliCold);
  row("CLI diagnose sample shop, spawn to exit", `${median(cliCold).toFixed(0)} ms`);
  row("function: spawn to first /diagnose answer", `${median(fnCold).toFixed(0)} ms`);
  row("  time to first response ÷ CLI run", `${coldRatio.toFixed(2)}×`, `target ≤ 1.5× — ${verdict(coldRatio <= 1.5)}`);
  const big = await bigRequest();
  const bigRatio = big.fn / big.cli;
  row("CLI --json, 100k product rows (in-process, CPU)", `${big.cli.toFixed(0)} ms`);
  row("function POST /diagnose, same files (in-process, CPU)", `${big.fn.toFixed(0)} ms`);
  row("  100k-row request ÷ CLI", `${bigRatio.toFixed(2)}×`, `target ≤ 1.3× — ${verdict(bigRatio <= 1.3)}`);
}
