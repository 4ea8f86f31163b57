/**
 * The `npm start` preview server on 127.0.0.1: the page (a spreadsheet-like grid of the
 * workbook's tabs with the real sidebar beside it), the sidebar itself with the
 * google.script.run shim, the bridge that runs calls in the real build/Code.js, and a small
 * JSON API for the page (workbook view, switch tab, paste, upload, type into a cell).
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BRIDGE_RUN_PATH, gasShimScript, injectShim } from "../gas-shim";
import { clientBundle } from "../bundle-client";
import { previewPage, PREVIEW_SCRIPT_PATH } from "./page";
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
/**
 * The largest file the page can upload: it travels base64-encoded in a JSON body, 4 bytes per 3,
 * so the file itself may be only ¾ of the body limit (less a little room for the JSON around it).
 */
export const MAX_UPLOAD_FILE_BYTES = Math.floor((MAX_BODY_BYTES - 64 * 1024) / 4) * 3;
/** Past this the request is cut off instead of read to its end to answer 413. */
const DRAIN_LIMIT_BYTES = 8 * MAX_BODY_BYTES;

/** "15 MB": the limit as the page and the 413 message state it (MB = 1024 × 1024 bytes, rounded down). */
export function megabytes(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}

/** A request the server refuses with a status and a message the page shows (413 too large, 403 refused). */
class RefusedRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function tooLarge(): RefusedRequest {
  return new RefusedRequest(
    413,
    `The upload is too large: the preview takes files up to ${megabytes(MAX_UPLOAD_FILE_BYTES)} ` +
      `(pasted text a little under ${megabytes(MAX_BODY_BYTES)}); export a shorter period or fewer columns.`,
  );
}

/**
 * Reads a request body of at most MAX_BODY_BYTES. A larger one is read to its end and dropped,
 * so the page gets the 413 answer instead of a connection reset ("Failed to fetch").
 */
function readUpload(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? "0");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = declared > MAX_BODY_BYTES;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) over = true;
      if (size > DRAIN_LIMIT_BYTES) {
        reject(tooLarge());
        req.destroy();
        return;
      }
      if (!over) chunks.push(chunk);
    });
    req.on("end", () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}

/**
 * Headers on every answer: not to be framed by another site (clickjacking), and only our own
 * scripts run. The sidebar is framed by our own page, so it may be framed by its own origin.
 */
function securityHeaders(framedBySelf: boolean, scriptSrc: string): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "x-frame-options": framedBySelf ? "SAMEORIGIN" : "DENY",
    "referrer-policy": "no-referrer",
    "content-security-policy": [
      "default-src 'none'",
      `script-src ${scriptSrc}`,
      // Inline styles only (the grid's colours are style attributes); no inline script.
      "style-src 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "frame-src 'self'",
      `frame-ancestors ${framedBySelf ? "'self'" : "'none'"}`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join("; "),
  };
}

interface SendOptions {
  framedBySelf?: boolean;
  scriptSrc?: string;
}

function send(res: ServerResponse, status: number, type: string, body: string, options: SendOptions = {}): void {
  res.writeHead(status, {
    "content-type": type,
    "cache-control": "no-store",
    ...securityHeaders(options.framedBySelf ?? false, options.scriptSrc ?? "'self'"),
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
}

/** Whether a POST carries this start's token (compared in constant time). */
function hasToken(req: IncomingMessage, token: string): boolean {
  const sent = req.headers["x-shop-doctor-token"];
  if (typeof sent !== "string" || sent.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(token));
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
  // Only the page this server serves knows it (a page of another site cannot read ours), so a
  // POST without it — another site's form, a local process, a crafted request — is refused.
  const token = randomBytes(24).toString("base64url");

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
    // The API changes state: only same-origin requests from our page (no cross-site form posts),
    // carrying the token the page was served with.
    if (method === "POST") {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${req.headers.host ?? ""}`) {
        throw new RefusedRequest(403, "cross-origin request refused");
      }
      if (!hasToken(req, token)) {
        throw new RefusedRequest(403, "this request does not come from the preview page; reload the page");
      }
    }
    if (method === "GET" && path === "/") {
      send(res, 200, "text/html; charset=utf-8", previewPage(token, megabytes(MAX_UPLOAD_FILE_BYTES)));
      return;
    }
    if (method === "GET" && path === PREVIEW_SCRIPT_PATH) {
      send(res, 200, "text/javascript; charset=utf-8", clientBundle("preview-page", "previewPage"));
      return;
    }
    if (method === "GET" && path === "/sidebar") {
      // The built sidebar's own script is inline: a fresh nonce per answer allows it and the shim.
      const nonce = randomBytes(16).toString("base64");
      const shim = gasShimScript({ functions: workbook.server.functions(), token });
      send(res, 200, "text/html; charset=utf-8", injectShim(options.sidebarHtml(), shim, nonce), {
        framedBySelf: true,
        scriptSrc: `'nonce-${nonce}'`,
      });
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
      // The limit the page states is the one applied: on the file itself, not only on the body.
      if (bytes.length > MAX_UPLOAD_FILE_BYTES) throw tooLarge();
      const names = await workbook.uploadFile(text(body, "fileName"), bytes);
      log(`uploaded ${names.length === 1 ? "a new tab" : `${names.length} new tabs`}`);
      sendJson(res, 200, { ok: true, name: names[0], names, version: workbook.version });
      return;
    }
    if (method === "POST" && path === "/api/new-workbook") {
      workbook.startEmpty();
      log("started an empty workbook");
      sendJson(res, 200, { ok: true, version: workbook.version });
      return;
    }
    if (method === "POST" && path === "/api/rename-tab") {
      const body = await jsonBody(req);
      const name = workbook.renameTab(text(body, "name"), text(body, "newName"));
      sendJson(res, 200, { ok: true, name, version: workbook.version });
      return;
    }
    if (method === "POST" && path === "/api/delete-tab") {
      workbook.deleteTab(text(await jsonBody(req), "name"));
      sendJson(res, 200, { ok: true, version: workbook.version });
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
      if (error instanceof RefusedRequest) sendJson(res, error.status, { ok: false, message: error.message });
      else if (error instanceof PreviewInputError) sendJson(res, 400, { ok: false, message: error.message });
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
