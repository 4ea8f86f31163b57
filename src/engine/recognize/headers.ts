/**
 * Header matching: one header cell → canonical field (plain, terminal-specific or peer),
 * and finding the header row of each table in a sheet.
 */
import type { Cell } from "../cells";
import { CURRENCIES } from "../currency";
import { headerKey, headerText, keyWithoutNotes } from "./normalize";
import type { ChangeField, FieldName, FieldSpec, FieldType, TerminalChannel, VocabularyField } from "./vocabulary";
import {
  AMAZON_SUFFIXES,
  CHANGE_SUFFIXES,
  capitalized,
  PEER_MARKERS,
  SLICE_SECTIONS,
  TERMINAL_PREFIXES,
  VOCABULARY,
} from "./vocabulary";

/** A header cell understood: the field it fills and how its cells are read. */
export interface HeaderMatch {
  field: FieldName;
  type: FieldType;
  /** Plain field this one derives from (terminal or peer variant), when it does. */
  base: VocabularyField;
  variant: "plain" | "terminal" | "peer" | "change";
}

let lookup: Map<string, FieldSpec> | null = null;

/** Built on first use: Apps Script re-runs module code on every custom-function call. */
function vocabularyLookup(): Map<string, FieldSpec> {
  if (lookup) return lookup;
  const map = new Map<string, FieldSpec>();
  // Exact spellings first, then the same headers without their bracketed notes: a header written
  // out in full (`商品点击率`) wins over another field's note-stripped one (`商品点击率(人数)`).
  for (const spec of VOCABULARY) {
    for (const header of spec.headers) {
      const key = headerKey(header);
      if (!map.has(key)) map.set(key, spec);
    }
  }
  for (const spec of VOCABULARY) {
    for (const header of spec.headers) {
      const bare = keyWithoutNotes(headerKey(header));
      if (bare !== null && !map.has(bare)) map.set(bare, spec);
    }
  }
  lookup = map;
  return map;
}

/** `(mxn)`, `(sgd)`: a trailing currency note, which says how amounts are written, not what the column is. */
const CURRENCY_NOTE = /\(([a-z]{3})\)$/;

function direct(key: string): FieldSpec | null {
  const map = vocabularyLookup();
  const hit = map.get(key);
  if (hit) return hit;
  const note = CURRENCY_NOTE.exec(key);
  if (note && note[1].toUpperCase() in CURRENCIES) {
    const spec = direct(key.slice(0, note.index));
    if (spec) return spec;
  }
  const bare = keyWithoutNotes(key);
  return bare === null ? null : (map.get(bare) ?? null);
}

const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set(["count", "money", "rate", "number", "seconds"]);

function trimSeparators(text: string): string {
  // Brackets are kept (they may be the header's own, `(DSR)`); only an emptied pair goes.
  return text.replace(/\(\)|\[\]/g, "").replace(/^[-_:/|]+|[-_:/|]+$/g, "");
}

function terminalMatch(key: string): HeaderMatch | null {
  for (const [prefix, channel] of TERMINAL_PREFIXES) {
    if (key.length > prefix.length && key.startsWith(prefix)) {
      const spec = direct(trimSeparators(key.slice(prefix.length)));
      if (spec && NUMERIC_TYPES.has(spec.type)) return derived(spec, channel, "terminal");
    }
  }
  for (const [suffix, channel] of AMAZON_SUFFIXES) {
    if (key.length > suffix.length && key.endsWith(suffix)) {
      const spec = direct(key.slice(0, key.length - suffix.length));
      if (spec && NUMERIC_TYPES.has(spec.type)) return derived(spec, channel, "terminal");
    }
  }
  return null;
}

function derived(spec: FieldSpec, channel: TerminalChannel | "", variant: "terminal"): HeaderMatch {
  return channel === ""
    ? { field: spec.field, type: spec.type, base: spec.field, variant: "plain" }
    : { field: `${spec.field}_${channel}`, type: spec.type, base: spec.field, variant };
}

function peerMatch(key: string): HeaderMatch | null {
  for (const [marker, suffix] of PEER_MARKERS) {
    const at = key.indexOf(marker);
    if (at < 0) continue;
    const rest = trimSeparators(key.slice(0, at) + "|" + key.slice(at + marker.length)).replace(/\|/g, "");
    if (rest === "") return null;
    const spec = direct(rest);
    if (!spec || !NUMERIC_TYPES.has(spec.type)) return null;
    const field = `peer${capitalized(spec.field)}${suffix}` as const;
    return { field, type: spec.type, base: spec.field, variant: "peer" };
  }
  return null;
}

function changeMatch(key: string): HeaderMatch | null {
  for (const suffix of CHANGE_SUFFIXES) {
    if (key.length <= suffix.length || !key.endsWith(suffix)) continue;
    const rest = trimSeparators(key.slice(0, key.length - suffix.length));
    const inner = direct(rest) ? matchHeader(rest) : terminalMatch(rest);
    // A change of a change names nothing; every other match is a plain, terminal or peer field.
    if (inner && inner.variant !== "change" && NUMERIC_TYPES.has(inner.type)) {
      const field = inner.field as Exclude<FieldName, ChangeField>;
      return { field: `${field}Change`, type: "rate", base: inner.base, variant: "change" };
    }
  }
  return null;
}

const matchCache = new Map<string, HeaderMatch | null>();

/** `Section::Metric` (a merged two-row header): the metric's own match unless the section is one slice of the shop. */
function sectionMatch(key: string): HeaderMatch | null | undefined {
  const at = key.lastIndexOf("::");
  if (at < 0) return undefined;
  const section = key.slice(0, at);
  const metric = key.slice(at + 2);
  if (metric === "" || SLICE_SECTIONS.test(section)) return null;
  return matchHeader(metric);
}

/** Understands one header text; null when it names nothing Shop Doctor knows. */
export function matchHeader(text: string): HeaderMatch | null {
  // No header is this long even with spaces around it; its key would be refused below anyway.
  if (text.length > 320) return null;
  const key = headerKey(text);
  if (key === "" || key.length > 80) return null;
  const cached = matchCache.get(key);
  if (cached !== undefined) return cached;
  const sectioned = sectionMatch(key);
  if (sectioned !== undefined) return sectioned;
  // Exact spelling first; then peer and change markers, which may sit in brackets that
  // the note-stripping lookup would otherwise drop (`支付转化率(同行同层平均)`).
  const plain = (spec: FieldSpec | null | undefined): HeaderMatch | null =>
    spec ? { field: spec.field, type: spec.type, base: spec.field, variant: "plain" } : null;
  const match =
    plain(vocabularyLookup().get(key)) ??
    peerMatch(key) ??
    changeMatch(key) ??
    plain(direct(key)) ??
    terminalMatch(key);
  if (matchCache.size < 5000) matchCache.set(key, match);
  return match;
}

/** One header row, understood cell by cell. */
export interface HeaderRow {
  /** 0-based row index in the sheet. */
  index: number;
  /** Per 0-based column: header text and its match (null when not understood). */
  cells: { column: number; text: string; match: HeaderMatch | null }[];
  matched: number;
}

/** Reads a row as a header candidate; `matched` counts the cells that name a field. */
export function readHeaderRow(row: readonly Cell[], index: number): HeaderRow {
  const cells: HeaderRow["cells"] = [];
  let matched = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (typeof cell !== "string") {
      if (cell !== null && cell !== undefined) cells.push({ column: c, text: headerText(cell), match: null });
      continue;
    }
    const text = cell.trim();
    if (text === "") continue;
    const match = text.length <= 80 ? matchHeader(text) : null;
    if (match) matched++;
    cells.push({ column: c, text, match });
  }
  return { index, cells, matched };
}

/**
 * A row is a header when three of its cells name known fields, or two that are at least a
 * third of its non-empty cells (so a note row mentioning 访客数 does not qualify).
 */
export function isHeaderRow(header: HeaderRow): boolean {
  // Three known names make a header even among many unknown columns (newer 生意参谋 exports are wide).
  return header.matched >= 3 || (header.matched === 2 && header.matched * 3 >= header.cells.length);
}
