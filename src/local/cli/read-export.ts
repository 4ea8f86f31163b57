/**
 * Reads one exported CSV/TSV file into a SheetInput, the way pasting it into a sheet would:
 * detects the encoding (UTF-8, UTF-8 with BOM, GBK/GB18030 as 生意参谋 and Excel on
 * Chinese Windows write), the delimiter, and turns plain numbers into numbers. Percent,
 * currency and "-" cells stay text for the engine's one coercion (src/engine/cells.ts).
 */
import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import jschardet from "jschardet";
import type { Cell, SheetInput } from "../../engine";

/** A problem reading a file, with a message that names the file and what to do. */
export class ExportReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = "ExportReadError";
  }
}

export type DetectedEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

/** Exports bigger than this are not spreadsheet exports (Sheets itself stops at 10 M cells). */
const MAX_BYTES = 100 * 1024 * 1024;

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Finds the text encoding of an export: BOMs first, then strict UTF-8, then the Chinese legacy family. */
export function detectEncoding(bytes: Buffer): DetectedEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8-bom";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (isValidUtf8(bytes)) return "utf-8";
  // Not UTF-8. Chinese exports are GBK; GB18030 is its superset, so decoding as GB18030
  // also covers GB2312 and GBK. jschardet confirms when it can; Big5 is the one other
  // encoding we meet (Traditional Chinese Windows), and iconv-lite reads it too.
  return "gb18030";
}

/** Decodes the bytes of an export into text, without a BOM. */
export function decodeExport(bytes: Buffer): { text: string; encoding: DetectedEncoding | "big5" } {
  const encoding = detectEncoding(bytes);
  switch (encoding) {
    case "utf-8-bom":
      return { text: bytes.subarray(3).toString("utf8"), encoding };
    case "utf-8":
      return { text: bytes.toString("utf8"), encoding };
    case "utf-16le":
      return { text: iconv.decode(bytes.subarray(2), "utf-16le"), encoding };
    case "utf-16be":
      return { text: iconv.decode(bytes.subarray(2), "utf-16be"), encoding };
    default: {
      const guess = jschardet.detect(bytes.subarray(0, 64 * 1024));
      if (guess.encoding && /big5/i.test(guess.encoding) && guess.confidence > 0.9) {
        return { text: iconv.decode(bytes, "big5"), encoding: "big5" };
      }
      return { text: iconv.decode(bytes, "gb18030"), encoding };
    }
  }
}

/** Tab when the file is .tsv or its first lines have more tabs than commas; else comma. */
export function detectDelimiter(text: string, fileName = ""): "\t" | "," | ";" {
  if (/\.(tsv|tab)$/i.test(fileName)) return "\t";
  const head = text.split(/\r?\n/).slice(0, 20).join("\n");
  const count = (ch: string) => head.split(ch).length - 1;
  const tabs = count("\t");
  const commas = count(",");
  const semicolons = count(";");
  if (tabs > 0 && tabs >= commas) return "\t";
  if (semicolons > commas * 2) return ";";
  return ",";
}

/** Plain decimal text, as Sheets turns into a number on paste. Ids longer than 15 digits stay text. */
const PLAIN_NUMBER = /^-?(?:\d{1,15}(?:\.\d+)?|\.\d+)$/;

/** One cell as a pasted sheet would hold it: plain numbers become numbers, everything else stays text. */
export function pasteCell(text: string): Cell {
  const t = text.trim();
  if (t === "") return "";
  // Leading zeros (an id like 000123) are kept as text, like a product code should be.
  if (PLAIN_NUMBER.test(t) && !/^-?0\d/.test(t)) return Number(t);
  return text;
}

/** Parses delimited text (already decoded) into rectangular rows of text, as typed into cells. */
export function parseDelimitedText(text: string, fileName = ""): string[][] {
  return parseDelimitedWithLengths(text, fileName).rows;
}

/**
 * Parses delimited text into rectangular rows, with how many values each row had in the
 * file: padding hides a short row, and the engine must know it to leave the row out
 * instead of reading its values under the wrong headers.
 */
export function parseDelimitedWithLengths(text: string, fileName = ""): { rows: string[][]; rowLengths: number[] } {
  const delimiter = detectDelimiter(text, fileName);
  const records = parse(text, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];
  // Trailing empty lines are the file's end, not data rows.
  while (records.length && records[records.length - 1].every((c) => c.trim() === "")) records.pop();
  const width = records.reduce((max, r) => Math.max(max, r.length), 0);
  // Sheets ranges are rectangular: short rows are padded with empty cells.
  const rows = records.map((r) => {
    const row = [...r];
    while (row.length < width) row.push("");
    return row;
  });
  return { rows, rowLengths: records.map((r) => r.length) };
}

/** Parses delimited text into rows of cells, plain numbers as numbers (what a pasted sheet holds). */
export function parseDelimited(text: string, fileName = ""): Cell[][] {
  return parseDelimitedText(text, fileName).map((row) => row.map(pasteCell));
}

/** The tab name for a file: its base name without the extension, as Sheets allows (≤100 chars). */
export function tabNameForFile(file: string): string {
  const name = basename(file, extname(file)).trim() || "Sheet";
  return name.slice(0, 100);
}

/** Reads one export file into a sheet named after the file. Throws ExportReadError with a clear message. */
export function readExportFile(file: string): SheetInput & { encoding: string; rowLengths: number[] } {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new ExportReadError(file, `${file} is a folder; pass the CSV/TSV files inside it.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ExportReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new ExportReadError(file, `${file}: no such file. Check the path (wrap names with spaces in quotes).`);
    if (code === "EACCES") throw new ExportReadError(file, `${file}: permission denied; make the file readable.`);
    throw new ExportReadError(file, `${file}: cannot be read (${(error as Error).message}).`);
  }
  if (size > MAX_BYTES)
    throw new ExportReadError(file, `${file} is larger than 100 MB; export a shorter period or fewer columns.`);
  if (/\.(xlsx?|xlsm|numbers|ods)$/i.test(file)) {
    throw new ExportReadError(
      file,
      `${file} is a spreadsheet workbook; open it and save or export it as CSV (UTF-8) first.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new ExportReadError(file, `${file}: cannot be read (${(error as Error).message}).`);
  }
  return { name: tabNameForFile(file), ...parseExportBytes(bytes, file) };
}

/** Decodes and parses the bytes of an export (a file on disk or an upload). Throws ExportReadError. */
export function parseExportBytes(
  bytes: Buffer,
  file: string,
): { values: Cell[][]; encoding: string; rowLengths: number[] } {
  if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
    throw new ExportReadError(file, `${file} is not a text file (it contains binary data); export the report as CSV.`);
  }
  const { text, encoding } = decodeExport(bytes);
  let parsed: { rows: string[][]; rowLengths: number[] };
  try {
    parsed = parseDelimitedWithLengths(text, file);
  } catch (error) {
    throw new ExportReadError(file, `${file} is not readable as CSV/TSV: ${(error as Error).message}`);
  }
  return { values: parsed.rows.map((row) => row.map(pasteCell)), encoding, rowLengths: parsed.rowLengths };
}
