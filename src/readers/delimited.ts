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
import type { Cell, SheetInput } from "../engine";
import { ExportReadError, megabytes } from "./errors";

export { ExportReadError } from "./errors";

export type DetectedEncoding =
  | "utf-8"
  | "utf-8-bom"
  | "utf-16le"
  | "utf-16be"
  | "gb18030"
  | "big5"
  | "shift_jis"
  | "windows-1252";

/** Exports bigger than this are not spreadsheet exports (Sheets itself stops at 10 M cells). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** How much of a file the guesses look at: the header and the first rows decide. */
const SNIFF_BYTES = 64 * 1024;

function decodesCleanly(bytes: Uint8Array, label: string): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a BOM: a CSV is mostly ASCII (digits, commas, tabs, newlines), so one byte of
 * each pair is 0 — the second in little-endian, the first in big-endian — and the other is not.
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd >= pairs * 0.2 && zeroEven <= pairs * 0.02) return "utf-16le";
  if (zeroEven >= pairs * 0.2 && zeroOdd <= pairs * 0.02) return "utf-16be";
  return null;
}

/** The legacy encodings exports arrive in, most common first (生意参谋 and Excel on Chinese Windows write GBK). */
const LEGACY: readonly DetectedEncoding[] = ["gb18030", "big5", "shift_jis", "windows-1252"];

/** jschardet's names for the legacy family, as the decoder label we read them with. */
function legacyLabel(name: string): DetectedEncoding | null {
  const n = name.toLowerCase();
  if (n === "gb2312" || n === "gbk" || n === "gb18030") return "gb18030";
  if (n === "big5") return "big5";
  if (n === "shift_jis" || n === "cp932" || n === "windows-31j") return "shift_jis";
  if (n === "windows-1252" || n === "iso-8859-1" || n === "ascii") return "windows-1252";
  return null;
}

/**
 * A legacy (non-Unicode) file: the candidates the bytes decode under without an error, ranked by
 * jschardet's guesses; when it names none of them, the first that decodes in LEGACY's order.
 * Big5 and Shift_JIS byte pairs are mostly valid GBK too, so the guess decides between them.
 */
function guessLegacy(bytes: Uint8Array): DetectedEncoding {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const clean = LEGACY.filter((label) => decodesCleanly(head, label));
  for (const guess of jschardet.detectAll(Buffer.from(head))) {
    const label = legacyLabel(guess.encoding ?? "");
    if (label && clean.includes(label)) return label;
  }
  return clean[0] ?? "gb18030";
}

/** Finds the text encoding of an export: BOMs, UTF-16 without a BOM, strict UTF-8, then the legacy family. */
export function detectEncoding(bytes: Buffer): DetectedEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8-bom";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 && decodesCleanly(bytes, utf16)) return utf16;
  if (decodesCleanly(bytes, "utf-8")) return "utf-8";
  return guessLegacy(bytes);
}

/** Names people know the encodings by, for the note that says which one was assumed. */
const ENCODING_NAMES: Record<string, string> = {
  gb18030: "GBK/GB18030",
  gbk: "GBK/GB18030",
  big5: "Big5",
  shift_jis: "Shift_JIS",
  "windows-1252": "Windows-1252 (Latin-1)",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
};

/** How an encoding is named in messages ("Big5", "Shift_JIS"…). */
export function encodingName(encoding: string): string {
  return ENCODING_NAMES[encoding] ?? encoding;
}

/**
 * The labels `--encoding` accepts (gbk, big5, shift_jis, windows-1252, latin1, utf-16le, …), as
 * iconv-lite's canonical name. iconv-lite decodes: Node's TextDecoder reads windows-1252 as
 * ISO-8859-1 (€ and – become control characters), a known Node bug before v23.
 */
export function normaliseEncodingLabel(label: string): string | null {
  const wanted = label.trim().toLowerCase();
  if (!wanted || !iconv.encodingExists(wanted)) return null;
  const aliases: Record<string, string> = {
    gbk: "gb18030",
    gb2312: "gb18030",
    cp936: "gb18030",
    latin1: "windows-1252",
  };
  return aliases[wanted] ?? wanted.replace(/^utf8$/, "utf-8");
}

export interface DecodedExport {
  text: string;
  encoding: string;
  /** True when no BOM or valid UTF-8 settled it: the encoding was guessed and the note says so. */
  guessed: boolean;
}

/** Decodes the bytes of an export into text, without a BOM; `forced` (an --encoding label) skips detection. */
export function decodeExport(bytes: Buffer, forced: string | null = null): DecodedExport {
  if (forced) {
    const label = normaliseEncodingLabel(forced) ?? forced;
    return { text: iconv.decode(bytes, label, { stripBOM: true }), encoding: label, guessed: false };
  }
  const encoding = detectEncoding(bytes);
  const hasBom =
    encoding === "utf-8-bom" || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const label = encoding === "utf-8-bom" ? "utf-8" : encoding;
  const text = iconv.decode(bytes, label, { stripBOM: true });
  // Without a BOM or valid UTF-8 the encoding is a guess, and the CLI says which one it assumed.
  const guessed = encoding !== "utf-8" && !hasBom;
  return { text, encoding, guessed };
}

/** A line ends with CRLF, LF or a bare CR (old Mac exports): one file may mix all three. */
const LINE_BREAK = /\r\n|\n|\r/;

/** Tab when the file is .tsv or its first lines have more tabs than commas; else comma. */
export function detectDelimiter(text: string, fileName = ""): "\t" | "," | ";" {
  if (/\.(tsv|tab)$/i.test(fileName)) return "\t";
  const head = text.split(LINE_BREAK).slice(0, 20).join("\n");
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

/**
 * `1.520`: 1.52 with a decimal point, 1,520 with a decimal comma (Amazon.de's `Sitzungen`, Amazon.es's
 * `Sesiones`). Which one only the table can say (src/engine/recognize/numbers.ts decides it per column
 * from the export's other cells), so it stays text; a sheet in the export's own locale would read it so.
 */
const POINT_OR_GROUP = /^-?[1-9]\d{0,2}\.\d{3}$/;

/**
 * One cell as a pasted sheet would hold it: plain numbers become numbers, everything else stays
 * text — including a number whose dot may be a thousands separator.
 */
export function pasteCell(text: string): Cell {
  const t = text.trim();
  if (t === "") return "";
  // Leading zeros (an id like 000123) are kept as text, like a product code should be.
  if (PLAIN_NUMBER.test(t) && !/^-?0\d/.test(t) && !POINT_OR_GROUP.test(t)) return Number(t);
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
    // Every line ending counts, even mixed in one file (csv-parse otherwise keeps the first it meets).
    record_delimiter: ["\r\n", "\n", "\r"],
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

/** Checks that `file` is a readable file of at most MAX_FILE_BYTES; throws ExportReadError naming it. */
export function checkExportFile(file: string): void {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new ExportReadError(file, `${file} is a folder; pass the export files inside it.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ExportReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new ExportReadError(file, `${file}: no such file. Check the path (wrap names with spaces in quotes).`);
    if (code === "EACCES") throw new ExportReadError(file, `${file}: permission denied; make the file readable.`);
    throw new ExportReadError(file, `${file}: cannot be read (${(error as Error).message}).`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new ExportReadError(file, {
      key: "read.tooLarge",
      params: { limit: megabytes(MAX_FILE_BYTES) },
      kind: "too-large",
    });
  }
}

/** The bytes of an export file (checked first). Throws ExportReadError. */
export function readExportFileBytes(file: string): Buffer {
  checkExportFile(file);
  try {
    return readFileSync(file);
  } catch (error) {
    throw new ExportReadError(file, `${file}: cannot be read (${(error as Error).message}).`);
  }
}

/**
 * Reads one delimited (CSV/TSV) export file into a sheet named after the file. Throws
 * ExportReadError with a clear message. Workbooks (.xlsx) are read by readExport in ./index.
 */
export function readExportFile(file: string, forcedEncoding: string | null = null): SheetInput & ReadExport {
  return { name: tabNameForFile(file), ...parseExportBytes(readExportFileBytes(file), file, forcedEncoding) };
}

/** What reading an export gives besides the cells: the encoding it was read in and whether that was a guess. */
export interface ReadExport {
  values: Cell[][];
  encoding: string;
  encodingGuessed: boolean;
  rowLengths: number[];
}

/** Decodes and parses the bytes of an export (a file on disk or an upload). Throws ExportReadError. */
export function parseExportBytes(bytes: Buffer, file: string, forcedEncoding: string | null = null): ReadExport {
  const { text, encoding, guessed } = decodeExport(bytes, forcedEncoding);
  // A NUL is binary data, unless the file is UTF-16 (every ASCII character has one).
  if (!encoding.startsWith("utf-16") && bytes.includes(0)) {
    throw new ExportReadError(file, { key: "read.binary" });
  }
  let parsed: { rows: string[][]; rowLengths: number[] };
  try {
    parsed = parseDelimitedWithLengths(text, file);
  } catch (error) {
    throw new ExportReadError(file, { key: "read.notDelimited", params: { detail: (error as Error).message } });
  }
  return {
    values: parsed.rows.map((row) => row.map(pasteCell)),
    encoding,
    encodingGuessed: guessed,
    rowLengths: parsed.rowLengths,
  };
}
