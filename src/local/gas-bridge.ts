/**
 * The Node half of the local google.script.run bridge: a tiny HTTP server on 127.0.0.1 that
 * serves build/Sidebar.html with the shim from gas-shim.ts injected, and runs each call the
 * page makes in a server (usually the real build/Code.js loaded into a node:vm realm over the
 * in-memory spreadsheet). Used by the browser tests and by the `npm start` preview.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BRIDGE_RUN_PATH, gasShimScript, injectShim } from "./gas-shim";

/** Something that can run server functions by name, as google.script.run would. */
export interface GasServer {
  /** The names google.script.run exposes. */
  functions(): string[];
  /** Runs `name` with plain-data `args`; a throw reaches the page's failure handler. */
  call(name: string, args: unknown[]): unknown;
}

export interface GasBridgeOptions {
  server: GasServer;
  /** The sidebar HTML, read on every page load (so a rebuild shows up on reload). */
  html: () => string;
  /** Extra latency per call, so in-flight states are visible. Default 0. */
  delayMs?: number;
  /** Default 0: any free port. */
  port?: number;
  /** Called after every call, e.g. to log it in a preview. */
  onCall?: (entry: BridgeCall) => void;
}

export interface BridgeCall {
  name: string;
  args: unknown[];
  ok: boolean;
  /** What the page received: the result, or the error message. */
  result: unknown;
  ms: number;
}

export interface GasBridge {
  /** http://127.0.0.1:PORT/ — the sidebar. */
  url: string;
  port: number;
  /** Every call the page made, oldest first. */
  calls: BridgeCall[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The vm global object of a loaded build/Code.js: top-level functions are its properties. */
export type BundleGlobals = Record<string, unknown>;

/**
 * Exposes the top-level functions of a loaded build/Code.js the way Apps Script does to
 * google.script.run: every global function whose name does not end in `_`.
 */
export function bundleServer(globals: BundleGlobals): GasServer {
  return {
    functions: () => Object.keys(globals).filter((name) => typeof globals[name] === "function" && !name.endsWith("_")),
    call(name, args) {
      const fn = globals[name];
      if (typeof fn !== "function" || name.endsWith("_")) {
        throw new Error(`Script function not found: ${name}`);
      }
      const value = (fn as (...a: unknown[]) => unknown)(...args);
      assertPlainData(value, name);
      return value;
    },
  };
}

/**
 * google.script.run passes plain data only. A Date (or class instance) in a result breaks the
 * call in Apps Script, so the bridge refuses it loudly instead of quietly turning it into JSON.
 */
export function assertPlainData(value: unknown, fnName: string, path = "result"): void {
  if (value === null || value === undefined) return;
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return;
  if (type === "function")
    throw new Error(`${fnName} returned a function at ${path}; google.script.run sends plain data only`);
  // instanceof would miss a Date made inside the vm realm.
  if (Object.prototype.toString.call(value) === "[object Date]") {
    throw new Error(`${fnName} returned a Date at ${path}; google.script.run cannot send Dates — return an ISO string`);
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertPlainData(item, fnName, `${path}[${i}]`));
    return;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  // Objects made inside the vm realm have that realm's Object.prototype, so compare by shape.
  const isPlain = proto === null || Object.getPrototypeOf(proto) === null;
  if (!isPlain)
    throw new Error(`${fnName} returned a class instance at ${path}; google.script.run sends plain data only`);
  for (const [key, item] of Object.entries(value as Record<string, unknown>))
    assertPlainData(item, fnName, `${path}.${key}`);
}

/** Reads a request body as UTF-8, refusing (with `tooLarge()`) anything over `maxBytes`. */
export function readBody(
  req: IncomingMessage,
  maxBytes = MAX_BODY_BYTES,
  tooLarge: () => Error = () => new Error("request body too large"),
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(tooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

function errorOf(error: unknown): { name: string; message: string } {
  if (error instanceof Error || (error && typeof error === "object" && "message" in error)) {
    const e = error as { name?: unknown; message?: unknown };
    return { name: typeof e.name === "string" ? e.name : "Error", message: String(e.message) };
  }
  return { name: "Error", message: String(error) };
}

/** Starts the bridge on 127.0.0.1 (never another interface: it runs code on request). */
export function startGasBridge(options: GasBridgeOptions): Promise<GasBridge> {
  const calls: BridgeCall[] = [];
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", errorOf(error).message);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && (path === "/" || path === "/Sidebar.html")) {
      const shim = gasShimScript({ functions: options.server.functions(), delayMs: options.delayMs });
      send(res, 200, "text/html; charset=utf-8", injectShim(options.html(), shim));
      return;
    }
    if (req.method === "POST" && path === BRIDGE_RUN_PATH) {
      const request = JSON.parse(await readBody(req)) as { name?: unknown; args?: unknown };
      const name = typeof request.name === "string" ? request.name : "";
      const args = Array.isArray(request.args) ? request.args : [];
      const started = performance.now();
      let answer: { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };
      try {
        answer = { ok: true, value: await options.server.call(name, args) };
      } catch (error) {
        answer = { ok: false, error: errorOf(error) };
      }
      const entry: BridgeCall = {
        name,
        args,
        ok: answer.ok,
        result: answer.ok ? answer.value : answer.error.message,
        ms: performance.now() - started,
      };
      calls.push(entry);
      options.onCall?.(entry);
      send(res, 200, "application/json; charset=utf-8", JSON.stringify(answer));
      return;
    }
    if (path === "/favicon.ico") {
      // Browsers ask for it on their own; answer so a test's console stays clean.
      res.writeHead(204).end();
      return;
    }
    send(res, 404, "text/plain; charset=utf-8", "not found");
  }

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        calls,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
