/**
 * The one set of export readers the CLI, the preview's upload and the HTTP function share:
 * CSV/TSV in any of the encodings shops export (./delimited) and .xlsx workbooks (./xlsx).
 * The format is told by the bytes first (a zip is a workbook, an OLE file an .xls), then by
 * the name; an .xls is refused with a message saying to save it as .xlsx or CSV, since no
 * maintained library on the npm registry reads it safely (see ./xlsx).
 */
import type { SheetInput } from "../engine";
import { parseExportBytes, readExportFileBytes, tabNameForFile } from "./delimited";
import { ExportReadError } from "./errors";

export { ExportReadError, megabytes } from "./errors";
export { encodingName } from "./delimited";

export type ExportFormat = "delimited" | "xlsx" | "xls" | "xls-html" | "other-workbook";

/** What reading one file gives: its tabs (one for a CSV, one per worksheet for a workbook) and how it was read. */
export interface ReadFile {
  format: "delimited" | "xlsx";
  tabs: SheetInput[];
  /** The text encoding of a CSV/TSV (null for a workbook), and whether it had to be guessed. */
  encoding: string | null;
  encodingGuessed: boolean;
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What kind of file the bytes are, from their first bytes and then the name's extension. */
export function detectFormat(bytes: Buffer, fileName: string): ExportFormat {
  if (/\.(ods|numbers)$/i.test(fileName)) return "other-workbook";
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return "xlsx";
  }
  // Excel 97–2003 files and password-protected .xlsx files are both OLE compound files.
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) return "xls";
  if (/\.xls[xmb]?$/i.test(fileName)) {
    // Many back offices write an HTML table or tab-separated text under an .xls name.
    const head = bytes.subarray(0, 1024).toString("latin1").trimStart().toLowerCase();
    if (/^(<!doctype|<html|<table|<\?xml|<meta)/.test(head)) return "xls-html";
    if (/\.xlsx$/i.test(fileName)) return "xlsx";
  }
  return "delimited";
}

export interface ReadOptions {
  /** Read a CSV/TSV in this encoding instead of detecting it (an iconv-lite label). */
  encoding?: string | null;
}

/**
 * The names spreadsheet programs give a new sheet ("Sheet1", WPS/Excel's 工作表1, Excel's localized
 * Feuil1, Tabelle1, Hoja1, Foglio1, Planilha1, Blad1, Arkusz1): they say nothing about the data.
 */
const GENERIC_SHEET = /^(sheet|工作表|feuil|tabelle|hoja|foglio|planilha|blad|arkusz)\s*\d*$/i;

/**
 * A workbook whose only sheet has a generic name is named after its file, as a CSV is: exports
 * such as 生意参谋's put the period in the file name (…_2026-10-01_2026-10-31.xlsx), and the tab
 * name is where period detection looks when the rows and title carry no dates.
 */
function namedAfterFile(tabs: SheetInput[], fileName: string): SheetInput[] {
  if (tabs.length !== 1 || !GENERIC_SHEET.test(tabs[0].name.trim())) return tabs;
  return [{ ...tabs[0], name: tabNameForFile(fileName) }];
}

/** Reads the bytes of one export (a file or an upload named `fileName`). Throws ExportReadError. */
export async function readExportBytes(bytes: Buffer, fileName: string, options: ReadOptions = {}): Promise<ReadFile> {
  const format = detectFormat(bytes, fileName);
  if (format === "xlsx") {
    // exceljs loads only when a workbook comes: CSV-only runs start without it.
    const { readXlsx } = await import("./xlsx");
    return {
      format,
      tabs: namedAfterFile(await readXlsx(bytes, fileName), fileName),
      encoding: null,
      encodingGuessed: false,
    };
  }
  if (format === "xls") throw new ExportReadError(fileName, { key: "read.xls" });
  if (format === "xls-html") throw new ExportReadError(fileName, { key: "read.xlsHtml" });
  if (format === "other-workbook") {
    const kind = /\.numbers$/i.test(fileName) ? "Apple Numbers" : "OpenDocument (.ods)";
    throw new ExportReadError(fileName, { key: "read.otherWorkbook", params: { kind } });
  }
  const read = parseExportBytes(bytes, fileName, options.encoding ?? null);
  return {
    format,
    tabs: [{ name: tabNameForFile(fileName), values: read.values, rowLengths: read.rowLengths }],
    encoding: read.encoding,
    encodingGuessed: read.encodingGuessed,
  };
}

/** Reads one export file from disk. Throws ExportReadError naming it. */
export function readExportPath(file: string, options: ReadOptions = {}): Promise<ReadFile> {
  return readExportBytes(readExportFileBytes(file), file, options);
}

/** A tab name not taken yet: `name`, then `name (2)`, `name (3)`… like Sheets' copies. */
export function uniqueTabName(name: string, taken: Map<string, number>): string {
  const seen = taken.get(name) ?? 0;
  taken.set(name, seen + 1);
  return seen ? `${name} (${seen + 1})` : name;
}
