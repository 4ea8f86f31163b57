/**
 * The `npm start` preview server on 127.0.0.1: the page (a spreadsheet-like grid of the
 * workbook's tabs with the real sidebar beside it), the sidebar itself with the
 * google.script.run shim, the bridge that runs calls in the real build/Code.js, and a small
 * JSON API for the page (workbook view, switch tab, paste, upload, type into a cell).
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BRIDGE_RUN_PATH, gasShimScript, injectShim } from "../gas-shim";
import { readBody } from "../gas-bridge";
import { previewPage } from "./page";
import { PreviewInputError, type PreviewWorkbook } from "./workbook";

export interface PreviewServerOptions {
  workbook: PreviewWorkbook;
  /** The sidebar HTML, read on every load so a rebuild shows on reload. */
  sidebarHtml: () => string;
  /** 0 picks a free port. */
  port: number;
  /** Logged lines (calls, errors); silent when omitted. */
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Uploads are exports, not databases: 20 MB is far more than a month of any shop's data. */
const MAX_BODY_BYTES = 20 * 1024 * 1024;

function readUpload(req: IncomingMessage): Promise<string> {
  return readBody(
    req,
    MAX_BODY_BYTES,
    () => new PreviewInputError("The upload is larger than 20 MB; export a shorter period."),
  );
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    "content-type": type,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readUpload(req);
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the message below
  }
  throw new PreviewInputError("The request body must be a JSON object.");
}

function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== "string") throw new PreviewInputError(`Missing "${key}".`);
  return value;
}

/** Starts the preview on 127.0.0.1 only: it runs code on request, so it must not face a network. */
export function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const { workbook } = options;
  const log = options.log ?? (() => undefined);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    const method = req.method ?? "GET";
    // Only this machine's own names: a web page that re-points its domain at 127.0.0.1
    // (DNS rebinding) must not be able to read or change the workbook.
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    if (host !== "127.0.0.1" && host !== "localhost") {
      send(res, 421, "text/plain; charset=utf-8", "this preview only answers to 127.0.0.1 or localhost");
      return;
    }
    // The API changes state: only same-origin requests from our page (no cross-site form posts).
    if (method === "POST") {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${req.headers.host ?? ""}`) {
        send(res, 403, "text/plain; charset=utf-8", "cross-origin request refused");
        return;
      }
    }
    if (method === "GET" && path === "/") {
      send(res, 200, "text/html; charset=utf-8", previewPage());
      return;
    }
    if (method === "GET" && path === "/sidebar") {
      const shim = gasShimScript({ functions: workbook.server.functions() });
      send(res, 200, "text/html; charset=utf-8", injectShim(options.sidebarHtml(), shim));
      return;
    }
    if (method === "GET" && path === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (method === "GET" && path === "/api/version") {
      sendJson(res, 200, { version: workbook.version });
      return;
    }
    if (method === "GET" && path === "/api/workbook") {
      sendJson(res, 200, workbook.view());
      return;
    }
    if (method === "POST" && path === BRIDGE_RUN_PATH) {
      const body = await jsonBody(req);
      const name = typeof body.name === "string" ? body.name : "";
      const args = Array.isArray(body.args) ? body.args : [];
      const started = performance.now();
      let answer: { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };
      try {
        answer = { ok: true, value: workbook.server.call(name, args) };
      } catch (error) {
        const e = error as { name?: unknown; message?: unknown };
        answer = {
          ok: false,
          error: { name: typeof e?.name === "string" ? e.name : "Error", message: String(e?.message ?? error) },
        };
      }
      log(
        `google.script.run.${name} → ${answer.ok ? "ok" : "failed: " + answer.error.message} (${Math.round(performance.now() - started)} ms)`,
      );
      sendJson(res, 200, answer);
      return;
    }
    if (method === "POST" && path === "/api/activate") {
      workbook.activate(text(await jsonBody(req), "name"));
      sendJson(res, 200, { ok: true, version: workbook.version });
      return;
    }
    if (method === "POST" && path === "/api/paste") {
      const body = await jsonBody(req);
      const name = workbook.pasteText(typeof body.name === "string" ? body.name : "", text(body, "text"));
      log(`pasted a new tab "${name}"`);
      sendJson(res, 200, { ok: true, name, version: workbook.version });
      return;
    }
    if (method === "POST" && path === "/api/upload") {
      const body = await jsonBody(req);
      const bytes = Buffer.from(text(body, "base64"), "base64");
      const name = workbook.uploadFile(text(body, "fileName"), bytes);
      log(`uploaded a new tab "${name}"`);
      sendJson(res, 200, { ok: true, name, version: workbook.version });
      return;
    }
    if (method === "POST" && path === "/api/cell") {
      const body = await jsonBody(req);
      workbook.typeIntoCell(text(body, "sheet"), text(body, "cell"), text(body, "input"));
      sendJson(res, 200, { ok: true, version: workbook.version });
      return;
    }
    send(res, 404, "text/plain; charset=utf-8", "not found");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof PreviewInputError) sendJson(res, 400, { ok: false, message: error.message });
      else {
        log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        sendJson(res, 500, { ok: false, message: error instanceof Error ? error.message : String(error) });
      }
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** The sidebar HTML from build/, or a page that says to build first. */
export function sidebarFromFile(path: string): () => string {
  return () => {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return "<!doctype html><meta charset=utf-8><p>build/Sidebar.html is missing: run <code>npm run build</code>.</p>";
    }
  };
}
