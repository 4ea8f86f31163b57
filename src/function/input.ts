/**
 * The two ways a diagnosis request brings its data: multipart/form-data files (read by the
 * shared readers, src/readers) or JSON `{ "sheets": [{ "name", "values" }], "settings": {…} }`.
 * Both end as SheetInputs plus the raw settings object; every refusal is an HttpError naming
 * the file, sheet or cell.
 */
import type { IncomingHttpHeaders } from "node:http";
import busboy from "busboy";
import { columnLetter } from "../engine/recognize/issues";
import type { Cell, SheetInput } from "../engine";
import { ExportReadError, megabytes, readExportBytes, uniqueTabName } from "../readers";
import { HttpError } from "./errors";
import { MAX_CELLS, MAX_FILES, MAX_REQUEST_BYTES, MAX_ROWS, MAX_SHEETS } from "./limits";

export interface DiagnoseInput {
  sheets: SheetInput[];
  settings: Record<string, unknown>;
  files: number;
  /** Incoming-webhook URLs to post the morning brief to (the `notify` option). */
  notify: string[];
  /** A link to the full report for the brief (`reportUrl`), if the caller has one. */
  reportUrl: string | null;
}

/** Webhook URLs one request may name. */
const MAX_NOTIFY = 5;

/** The `notify` option: one URL or a list of them. */
function notifyList(value: unknown): string[] {
  if (value === undefined || value === null || value === "") return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => typeof v === "string") || list.length > MAX_NOTIFY) {
    throw new HttpError(400, "bad-notify", "http.error.notify", { limit: MAX_NOTIFY });
  }
  return list as string[];
}

interface Upload {
  name: string;
  bytes: Buffer;
}

function tooLarge(): HttpError {
  return new HttpError(413, "too-large", "http.error.tooLarge", { limit: megabytes(MAX_REQUEST_BYTES) });
}

/** Splits a buffered multipart body into its files and text fields, with busboy's limits. */
function parseMultipart(
  body: Buffer,
  headers: Record<string, unknown>,
): Promise<{ uploads: Upload[]; fields: Map<string, string>; notify: string[] }> {
  return new Promise((resolve, reject) => {
    const uploads: Upload[] = [];
    const fields = new Map<string, string>();
    const notify: string[] = [];
    let refused: HttpError | null = null;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: headers as IncomingHttpHeaders,
        // File names are UTF-8 (店铺日报.csv), as browsers and curl send them.
        defParamCharset: "utf8",
        limits: { files: MAX_FILES, fileSize: MAX_REQUEST_BYTES, fields: 20, fieldSize: 1024 * 1024, parts: 64 },
      });
    } catch (error) {
      reject(new HttpError(400, "bad-multipart", "http.error.json", { detail: (error as Error).message }));
      return;
    }
    parser.on("file", (_field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => (refused = tooLarge()));
      stream.on("end", () => uploads.push({ name: info.filename || "upload.csv", bytes: Buffer.concat(chunks) }));
    });
    parser.on("field", (name, value) => (name === "notify" ? notify.push(value) : fields.set(name, value)));
    parser.on("filesLimit", () => {
      refused = new HttpError(413, "too-many-files", "http.error.tooManyFiles", { limit: MAX_FILES });
    });
    parser.on("error", (error: Error) =>
      reject(new HttpError(400, "bad-multipart", "http.error.json", { detail: error.message })),
    );
    parser.on("close", () => (refused ? reject(refused) : resolve({ uploads, fields, notify })));
    parser.end(body);
  });
}

function settingsObject(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new HttpError(400, "invalid-settings", "http.error.settings", { problems: "settings must be a JSON object" });
}

/** The files of a multipart request, read into tabs (a workbook's sheets each one). */
export async function multipartInput(body: Buffer, headers: Record<string, unknown>): Promise<DiagnoseInput> {
  const { uploads, fields, notify } = await parseMultipart(body, headers);
  if (uploads.length === 0) throw new HttpError(400, "no-files", "http.error.noFiles");
  let settings: Record<string, unknown> = {};
  const text = fields.get("settings");
  if (text !== undefined && text.trim() !== "") {
    try {
      settings = settingsObject(JSON.parse(text));
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(
        400,
        "bad-json",
        "http.error.json",
        { detail: (error as Error).message },
        { cell: "settings" },
      );
    }
  }
  const sheets: SheetInput[] = [];
  const names = new Map<string, number>();
  for (const upload of uploads) {
    try {
      const read = await readExportBytes(upload.bytes, upload.name);
      for (const tab of read.tabs) sheets.push({ ...tab, name: uniqueTabName(tab.name, names) });
    } catch (error) {
      if (!(error instanceof ExportReadError) || !error.problem) throw error;
      const status = error.kind === "too-large" ? 413 : 415;
      const code = error.kind === "too-large" ? "file-too-large" : "unreadable-file";
      throw new HttpError(
        status,
        code,
        error.problem.key,
        { file: upload.name, ...error.problem.params },
        {
          file: upload.name,
          sheet: error.problem.sheet,
        },
      );
    }
  }
  checkSize(sheets);
  return {
    sheets,
    settings,
    files: uploads.length,
    notify: notifyList(notify),
    reportUrl: fields.get("reportUrl") ?? null,
  };
}

function cellOf(value: unknown, sheet: string, row: number, column: number): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === "string" || typeof value === "boolean") return value;
  const type = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  throw new HttpError(
    400,
    "bad-cell",
    "http.error.cellType",
    { type },
    {
      sheet,
      cell: `${columnLetter(column + 1)}${row + 1}`,
    },
  );
}

function sheetOf(value: unknown, index: number): SheetInput {
  const entry = value as { name?: unknown; values?: unknown } | null;
  const name = entry && typeof entry.name === "string" && entry.name.trim() ? entry.name : null;
  if (!name) {
    throw new HttpError(400, "bad-sheets", "http.error.sheets", { detail: `sheets[${index}].name is missing` });
  }
  if (!Array.isArray(entry!.values) || !entry!.values.every((row) => Array.isArray(row))) {
    throw new HttpError(400, "bad-sheets", "http.error.sheets", { detail: `sheets[${index}].values` }, { sheet: name });
  }
  const rows = entry!.values as unknown[][];
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const values = rows.map((row, r) => {
    const line = row.map((v, c) => cellOf(v, name, r, c));
    while (line.length < width) line.push("");
    return line;
  });
  return { name, values };
}

/** The sheets and settings of a JSON request (already parsed by functions-framework). */
export function jsonInput(body: unknown): DiagnoseInput {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new HttpError(400, "bad-sheets", "http.error.sheets", { detail: "the body is not a JSON object" });
  }
  const { sheets, settings, notify, reportUrl } = body as Record<string, unknown>;
  if (!Array.isArray(sheets) || sheets.length === 0) throw new HttpError(400, "no-files", "http.error.noFiles");
  if (sheets.length > MAX_SHEETS) {
    throw new HttpError(413, "too-many-sheets", "http.error.tooManySheets", { limit: MAX_SHEETS });
  }
  const names = new Map<string, number>();
  const read = sheets.map((s, i) => sheetOf(s, i));
  const out = read.map((s) => ({ ...s, name: uniqueTabName(s.name, names) }));
  checkSize(out);
  return {
    sheets: out,
    settings: settingsObject(settings),
    files: 0,
    notify: notifyList(notify),
    reportUrl: typeof reportUrl === "string" ? reportUrl : null,
  };
}

/** Rows, cells and sheets of all sheets together within the limits. */
function checkSize(sheets: SheetInput[]): void {
  if (sheets.length > MAX_SHEETS) {
    throw new HttpError(413, "too-many-sheets", "http.error.tooManySheets", { limit: MAX_SHEETS });
  }
  let rows = 0;
  let cells = 0;
  for (const sheet of sheets) {
    rows += sheet.values.length;
    cells += sheet.values.length * (sheet.values[0]?.length ?? 0);
  }
  if (rows > MAX_ROWS || cells > MAX_CELLS) {
    throw new HttpError(413, "too-many-rows", "http.error.tooManyRows", { limit: MAX_ROWS.toLocaleString("en") });
  }
}
