/**
 * The HTTP function: `POST /diagnose` (files or JSON sheets → the report as JSON, HTML or
 * Markdown), `GET /functions` (the registry's custom functions) and `POST /functions/NAME`
 * (one custom function over JSON arrays, as Sheets would call it). A thin adapter: it reads
 * with the shared readers, diagnoses with the engine and renders with the shared renderers.
 * Nothing from a request is stored; the only log line per request holds counts and timings.
 */
import type { IncomingHttpHeaders } from "node:http";
import {
  diagnoseTables,
  layoutReport,
  parseSettings,
  settingLabel,
  translate,
  type Report,
  type Settings,
} from "../engine";
import {
  DEFAULT_LANGUAGE,
  LANGUAGE_TABLE,
  LANGUAGES,
  languageFromLocale,
  type Language,
} from "../engine/i18n/languages";
import { FunctionInputError } from "../functions/arguments";
import { CUSTOM_FUNCTIONS, findFunction } from "../functions/registry";
import { renderGridPage } from "../local/render-grid";
import { renderMarkdown } from "../local/render-markdown";
import { HttpError, whereOf } from "./errors";
import { jsonInput, multipartInput, type DiagnoseInput } from "./input";
import { MAX_REQUEST_BYTES } from "./limits";
import { megabytes } from "../readers";
import { LOOPBACK_SWITCH, PLATFORMS, sendBrief, type Platform } from "../notify";

/** The parts of functions-framework's (Express's) request and response the function uses. */
export interface FunctionRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  body?: unknown;
  rawBody?: Buffer;
}

export interface FunctionResponse {
  status(code: number): FunctionResponse;
  set(field: string, value: string): FunctionResponse;
  send(body: string): unknown;
}

type LogLine = Record<string, string | number>;
let writeLog: (line: LogLine) => void = (line) => console.log(JSON.stringify(line));

/** Replaces the per-request log (counts only); returns the previous one. For tests and the bench. */
export function setRequestLog(log: (line: LogLine) => void): (line: LogLine) => void {
  const previous = writeLog;
  writeLog = log;
  return previous;
}

const FORMATS = ["json", "html", "markdown"] as const;
type Format = (typeof FORMATS)[number];

function queryText(req: FunctionRequest, key: string): string | null {
  const value = req.query?.[key];
  return typeof value === "string" ? value : null;
}

function asLanguage(value: unknown): Language | null {
  if (typeof value !== "string") return null;
  return LANGUAGES.find((l) => l.toLowerCase() === value.toLowerCase()) ?? null;
}

/** The language of messages before settings are read: ?lang, then Accept-Language's first, then the default. */
function requestLanguage(req: FunctionRequest): Language {
  const asked = asLanguage(queryText(req, "lang"));
  if (asked) return asked;
  const accept = req.headers["accept-language"];
  const first = typeof accept === "string" ? accept.split(",")[0]?.split(";")[0]?.trim() : "";
  return first ? languageFromLocale(first) : DEFAULT_LANGUAGE;
}

function sendJson(res: FunctionResponse, status: number, value: unknown): void {
  res.status(status).set("content-type", "application/json; charset=utf-8").set("cache-control", "no-store");
  res.send(JSON.stringify(value));
}

function sendError(res: FunctionResponse, error: HttpError, language: Language): void {
  if (error.status === 405) res.set("allow", String(error.params.allowed ?? ""));
  sendJson(res, error.status, {
    code: error.code,
    message: translate(language, error.key, error.params),
    where: whereOf(error.where),
  });
}

/** Settings from the request, in its language: settings.language, else ?lang / Accept-Language. */
function settingsFrom(input: DiagnoseInput, fallback: Language): Settings {
  const raw = input.settings;
  const language = asLanguage(raw.language) ?? fallback;
  const parsed = parseSettings(raw.language === undefined ? { ...raw, language } : raw, language);
  if (parsed.ok) return parsed.settings;
  const first = parsed.errors[0];
  const problems = parsed.errors
    .map((e) =>
      e.field === "settings"
        ? e.message
        : translate(language, "server.error.problem", {
            cell: `"${e.field}"`,
            label: settingLabel(e.field, language),
            expected: e.message,
          }),
    )
    .join("; ");
  throw new HttpError(
    400,
    "invalid-settings",
    "http.error.settings",
    { problems },
    {
      cell: first && first.field !== "settings" ? first.field : null,
    },
  );
}

async function diagnoseInput(req: FunctionRequest): Promise<DiagnoseInput> {
  const body = req.rawBody ?? (Buffer.isBuffer(req.body) ? req.body : null);
  if (body && body.length > MAX_REQUEST_BYTES) {
    throw new HttpError(413, "too-large", "http.error.tooLarge", { limit: megabytes(MAX_REQUEST_BYTES) });
  }
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) return multipartInput(body ?? Buffer.alloc(0), req.headers);
  if (type.startsWith("application/json")) return jsonInput(req.body);
  throw new HttpError(415, "unsupported-type", "http.error.contentType", { type: type || "—" });
}

function render(report: Report, format: Format, res: FunctionResponse): void {
  if (format === "json") {
    sendJson(res, 200, report);
    return;
  }
  const grid = layoutReport(report);
  if (format === "html") {
    res.status(200).set("content-type", "text/html; charset=utf-8").set("cache-control", "no-store");
    res.set("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
    res.send(renderGridPage(grid, grid.sheetName, report.language));
    return;
  }
  res.status(200).set("content-type", "text/markdown; charset=utf-8").set("cache-control", "no-store");
  res.send(renderMarkdown(grid));
}

/**
 * Test-only, as in the CLI: with the loopback switch on, SHOP_DOCTOR_NOTIFY_PLATFORM names the
 * payload a 127.0.0.1 fake webhook gets. Without the switch it is never read.
 */
function testPlatform(env: NodeJS.ProcessEnv): Platform | undefined {
  if (env[LOOPBACK_SWITCH] !== "1") return undefined;
  return PLATFORMS.find((p) => p === env.SHOP_DOCTOR_NOTIFY_PLATFORM);
}

/**
 * Posts the morning brief to each `notify` URL. A failed post does not change the answer (the
 * report is still right): `x-shop-doctor-notify` says `ok` or `failed` per URL, in order, and
 * `x-shop-doctor-notify-message` the messages, URI-encoded (headers are ASCII).
 */
async function notify(report: Report, input: DiagnoseInput, res: FunctionResponse): Promise<void> {
  if (input.notify.length === 0) return;
  const env = process.env;
  const reportName = input.sheets.map((s) => s.name).join(LANGUAGE_TABLE[report.language].listSeparator);
  const results = [];
  for (const url of input.notify) {
    results.push(
      await sendBrief(report, url, { reportName, reportUrl: input.reportUrl, env, platform: testPlatform(env) }),
    );
  }
  res.set("x-shop-doctor-notify", results.map((r) => (r.ok ? "ok" : "failed")).join(", "));
  res.set("x-shop-doctor-notify-message", results.map((r) => encodeURIComponent(r.message)).join(", "));
}

async function diagnose(req: FunctionRequest, res: FunctionResponse, language: Language): Promise<LogLine> {
  const format = (queryText(req, "format") ?? "json").toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new HttpError(400, "bad-format", "http.error.format", { format });
  }
  const input = await diagnoseInput(req);
  const wording = asLanguage(input.settings.language) ?? language;
  let report: Report;
  try {
    report = diagnoseTables(input.sheets, settingsFrom(input, wording), { settingsIn: "http" });
    if (report.tables.every((t) => t.kind === "unknown")) {
      const files = input.sheets.map((s) => `「${s.name}」`).join("、");
      throw new HttpError(400, "nothing-recognised", "http.error.nothingRecognised", { files });
    }
  } catch (error) {
    // From here on, messages are in the language the settings ask for.
    if (error instanceof HttpError) error.language = wording;
    throw error;
  }
  await notify(report, input, res);
  render(report, format as Format, res);
  const rows = input.sheets.reduce((sum, s) => sum + s.values.length, 0);
  return { files: input.files, sheets: input.sheets.length, rows, format, notify: input.notify.length };
}

/** GET /functions: every custom function with its parameters, as the reference lists them. */
function listFunctions(res: FunctionResponse): void {
  sendJson(res, 200, {
    functions: CUSTOM_FUNCTIONS.map((fn) => ({
      name: fn.name,
      chinese: fn.chinese ?? null,
      description: fn.description,
      formula: fn.formula ?? null,
      params: fn.params.map((p) => ({ name: p.name, kind: p.kind ?? null, description: p.description })),
      returns: fn.returns,
      example: fn.example,
    })),
  });
}

/** A JSON argument as Sheets passes it: a blank (null) is "", arrays keep their rows. */
function sheetsArgument(value: unknown): unknown {
  if (value === null) return "";
  if (Array.isArray(value)) return value.map(sheetsArgument);
  return value;
}

/** POST /functions/NAME with {"args": [...]}: the function's value, or its Sheets error message (400). */
function callFunction(name: string, req: FunctionRequest, res: FunctionResponse): LogLine {
  const spec = findFunction(name);
  if (!spec) throw new HttpError(404, "unknown-function", "http.error.unknownFunction", { name });
  const body = req.body as { args?: unknown } | undefined;
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  if (!type.startsWith("application/json") || !body || !Array.isArray(body.args)) {
    throw new HttpError(400, "bad-args", "http.error.args");
  }
  let result: unknown;
  try {
    result = spec.impl(...body.args.map(sheetsArgument));
  } catch (error) {
    if (error instanceof FunctionInputError) {
      throw new HttpError(400, "function-error", "http.error.function", { detail: error.message });
    }
    throw error;
  }
  sendJson(res, 200, { name: spec.name, result });
  return { function: spec.name, args: body.args.length };
}

function routeOf(req: FunctionRequest): { route: string; allowed: string; name?: string } | null {
  const path = (req.path || "/").replace(/\/+$/, "") || "/";
  if (path === "/diagnose") return { route: "diagnose", allowed: "POST" };
  if (path === "/functions") return { route: "functions", allowed: "GET" };
  const match = /^\/functions\/([^/]+)$/.exec(path);
  if (match) return { route: "function", allowed: "POST", name: decodeURIComponent(match[1]) };
  return null;
}

async function dispatch(req: FunctionRequest, res: FunctionResponse, language: Language): Promise<LogLine> {
  const route = routeOf(req);
  if (!route) throw new HttpError(404, "not-found", "http.error.notFound", { path: req.path });
  if (req.method !== route.allowed) {
    throw new HttpError(405, "method-not-allowed", "http.error.method", {
      path: req.path,
      allowed: route.allowed,
      method: req.method,
    });
  }
  if (route.route === "diagnose") return diagnose(req, res, language);
  if (route.route === "functions") {
    listFunctions(res);
    return {};
  }
  return callFunction(route.name!, req, res);
}

/** The function's entry point (registered with functions-framework as `shopDoctor`). */
export async function shopDoctor(req: FunctionRequest, res: FunctionResponse): Promise<void> {
  const started = performance.now();
  const language = requestLanguage(req);
  let status = 200;
  let counts: LogLine = {};
  try {
    counts = await dispatch(req, res, language);
  } catch (error) {
    if (error instanceof HttpError) {
      status = error.status;
      sendError(res, error, error.language ?? language);
    } else {
      status = 500;
      sendJson(res, 500, {
        code: "unexpected",
        message: translate(language, "http.error.unexpected"),
        where: whereOf({}),
      });
    }
  }
  writeLog({ status, ...counts, ms: Math.round(performance.now() - started) });
}
