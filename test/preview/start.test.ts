/**
 * `npm start` stops cleanly when its own process (npm) is killed: the node server it started
 * must not be left behind holding the port. The start script is `exec bash scripts/start.sh`,
 * which execs node, so node is npm's own child: npm passes SIGINT/SIGTERM on to it, and when npm
 * dies without passing a signal on (SIGHUP, SIGKILL) the server sees its parent go
 * (src/local/preview/main.ts, stopWithParent).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { connect } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");

/** Starts `npm start -- --port 0 --quiet` and resolves with the port it printed. */
function npmStart(): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn("npm", ["start", "--", "--port", "0", "--quiet"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, only so a failed test can clean up everything it started.
    detached: true,
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const m = /Shop Doctor preview: http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m) resolve({ child, port: Number(m[1]), output: () => output });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`npm start exited (${code}) before serving:\n${output}`)));
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitClosed(port: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!(await portOpen(port))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** `ps` lines of a process group, for the failure message. */
function processesOfGroup(pgid: number): string {
  try {
    return execFileSync("ps", ["-o", "pid,ppid,pgid,stat,args", "-g", String(pgid)], { encoding: "utf8" });
  } catch (error) {
    return `(ps failed: ${(error as Error).message})`;
  }
}

describe("npm start", () => {
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
    it(`frees its port when the npm process gets ${signal}`, async () => {
      const { child, port, output } = await npmStart();
      expect(await portOpen(port)).toBe(true);
      child.kill(signal);
      const closed = await waitClosed(port, 15_000);
      if (!closed) {
        // Say what was still running (pid, parent, state), then leave nothing behind.
        const ps = child.pid ? processesOfGroup(child.pid) : "";
        if (child.pid) process.kill(-child.pid, "SIGKILL");
        throw new Error(`port ${port} still open 15 s after ${signal} to npm:\n${output()}\n${ps}`);
      }
      expect(closed).toBe(true);
    }, 120_000);
  }
});
