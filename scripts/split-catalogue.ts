/**
 * Converts old-format catalogue objects (one entry per key holding all three languages,
 * `{ "zh-CN": …, "zh-TW": …, en: … }`) into the per-language modules
 * src/engine/i18n/{zh-CN,zh-TW,en}.ts, merging with what those modules already hold.
 *
 *   npx tsx scripts/split-catalogue.ts [OLD.ts …]
 *
 * With no arguments it reads src/engine/i18n/{report,ui,server}.ts (the old files) when present.
 * Each old file may export any number of objects; every entry whose value has the three language
 * fields is taken. Merge, per key and language, three ways against the catalogue at the fork
 * (git `dff7027`, where the old files were last whole):
 *   - a key the modules do not have yet is added (in its section, at the end);
 *   - a text the old file changed since the fork replaces the module's text, unless the module
 *     changed it too (then both are printed as a conflict and the module's text is kept);
 *   - a text unchanged since the fork leaves the module's (possibly reviewed) text alone.
 * Then the old files can be deleted (`--delete`). The run prints what it added, changed and
 * could not decide; it exits 1 on conflicts so a merge does not pass unnoticed.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const CODES = ["zh-CN", "zh-TW", "en"] as const;
type Code = (typeof CODES)[number];
export const SECTIONS = ["report", "sidebar", "server"] as const;
export type Section = (typeof SECTIONS)[number];
/** section → key → text, for one language. */
export type LanguageModule = Record<Section, Record<string, string>>;
export type OldEntry = Record<Code, string>;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const I18N = join(ROOT, "src/engine/i18n");
const FORK = "dff7027";
const OLD_FILES = ["report.ts", "ui.ts", "server.ts"];

/**
 * Which section a key belongs to. `sidebar` is what build/Sidebar.html ships: the panel's own
 * words, plus the two kinds of strings it borrows (the Settings sheet's name, setting labels).
 */
export function sectionOf(key: string): Section {
  if (key.startsWith("ui.") || key.startsWith("server.field.") || key === "settings.sheetName") return "sidebar";
  if (key.startsWith("server.")) return "server";
  return "report";
}

function isOldEntry(value: unknown): value is OldEntry {
  return (
    typeof value === "object" &&
    value !== null &&
    CODES.every((c) => typeof (value as Record<string, unknown>)[c] === "string")
  );
}

/** Every old-format entry exported by the module at `file`. */
async function readOld(file: string): Promise<Record<string, OldEntry>> {
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const out: Record<string, OldEntry> = {};
  for (const value of Object.values(mod)) {
    if (typeof value !== "object" || value === null) continue;
    for (const [key, entry] of Object.entries(value)) if (isOldEntry(entry)) out[key] = entry;
  }
  return out;
}

/** The old-format catalogue at the fork, from git; empty when git or the commit is unavailable. */
async function readFork(): Promise<Record<string, OldEntry>> {
  const dir = mkdtempSync(join(tmpdir(), "catalogue-fork-"));
  try {
    const out: Record<string, OldEntry> = {};
    for (const name of OLD_FILES) {
      let text: string;
      try {
        text = execFileSync("git", ["-C", ROOT, "show", `${FORK}:src/engine/i18n/${name}`], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "ignore"],
        });
      } catch {
        continue;
      }
      const file = join(dir, name);
      writeFileSync(file, text);
      Object.assign(out, await readOld(file));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function readModule(code: Code): Promise<LanguageModule> {
  const file = join(I18N, `${code}.ts`);
  const empty: LanguageModule = { report: {}, sidebar: {}, server: {} };
  if (!existsSync(file)) return empty;
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  for (const section of SECTIONS) Object.assign(empty[section], mod[section] as Record<string, string>);
  return empty;
}

export interface MergeResult {
  modules: Record<Code, LanguageModule>;
  added: string[];
  changed: string[];
  conflicts: string[];
}

/**
 * Mainland terms that Taiwan writes differently (a word-for-word list, safe inside any
 * sentence). Applied to zh-TW text arriving in the old format, so a branch written before the
 * Taiwan review does not bring 轉化 or 設置 back. Row/column (行/列 → 列/欄) needs a reader.
 */
const TAIWAN_TERMS: [string, string][] = [
  ["轉化", "轉換"],
  ["計劃", "計畫"],
  ["水平", "水準"],
  ["質量", "品質"],
  ["數據", "資料"],
  ["默認", "預設"],
  ["信息", "訊息"],
  ["文件", "檔案"],
  ["設置", "設定"],
  ["賬戶", "帳戶"],
  ["運營", "經營"],
  ["覆盤", "復盤"],
  ["寶貝", "商品"],
];
export function taiwanTerms(text: string): string {
  let out = text;
  for (const [from, to] of TAIWAN_TERMS) out = out.split(from).join(to);
  return out;
}

/** The three-way merge described at the top; pure, so it is tested without files. */
export function merge(
  modules: Record<Code, LanguageModule>,
  incoming: Record<string, OldEntry>,
  fork: Record<string, OldEntry>,
): MergeResult {
  const added: string[] = [];
  const changed: string[] = [];
  const conflicts: string[] = [];
  const find = (code: Code, key: string): string | undefined => {
    for (const section of SECTIONS) if (key in modules[code][section]) return modules[code][section][key];
    return undefined;
  };
  for (const [key, entry] of Object.entries(incoming)) {
    const section = sectionOf(key);
    for (const code of CODES) {
      const mine = find(code, key);
      const theirs = code === "zh-TW" ? taiwanTerms(entry[code]) : entry[code];
      if (mine === undefined) {
        modules[code][section][key] = theirs;
        if (code === CODES[0]) added.push(key);
        continue;
      }
      const base = fork[key]?.[code];
      if (theirs === mine || theirs === base) continue;
      if (base === undefined || mine === base) {
        for (const s of SECTIONS) if (key in modules[code][s]) modules[code][s][key] = theirs;
        changed.push(`${key} [${code}]`);
      } else if (code === "zh-TW" && taiwanTerms(base) === mine) {
        // Only the Taiwan review touched the module's text: theirs (in Taiwan terms) carries the new meaning.
        for (const s of SECTIONS) if (key in modules[code][s]) modules[code][s][key] = theirs;
        changed.push(`${key} [${code}]`);
      } else {
        conflicts.push(`${key} [${code}]\n    module:   ${mine}\n    old file: ${theirs}\n    at fork:  ${base}`);
      }
    }
  }
  return { modules, added, changed, conflicts };
}

const HEADERS: Record<Code, string> = {
  "zh-CN": [
    "/**",
    " * 简体中文 — the base catalogue: its keys are the message keys (MessageKey); every other language",
    " * module must have exactly these keys (checked by the compiler). Sections: `report` (the report and",
    " * rules), `sidebar` (all build/Sidebar.html ships), `server` (the Settings sheet, errors).",
    " * Counts use `{count, plural, one {…} other {…}}` (# is the number); Chinese needs only `other`.",
    " * New keys: add them here and in zh-TW.ts and en.ts (or in the old three-language format and run",
    " * scripts/split-catalogue.ts).",
    " */",
  ].join("\n"),
  "zh-TW": "/** 繁體中文（台灣用語）: the same keys as zh-CN.ts, checked by the compiler. */",
  en: "/** English: the same keys as zh-CN.ts, checked by the compiler. Counts take plural forms: `{count, plural, one {# row} other {# rows}}`. */",
};

export function render(code: Code, module: LanguageModule): string {
  const lines = [HEADERS[code]];
  if (code !== "zh-CN") lines.push(`import type { ReportKey, ServerKey, SidebarKey } from "./zh-CN";`);
  lines.push("");
  const typeName: Record<Section, string> = { report: "ReportKey", sidebar: "SidebarKey", server: "ServerKey" };
  for (const section of SECTIONS) {
    lines.push(`export const ${section} = {`);
    for (const [key, text] of Object.entries(module[section]))
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(text)},`);
    lines.push(code === "zh-CN" ? "};" : `} satisfies Record<${typeName[section]}, string>;`);
    lines.push("");
  }
  if (code === "zh-CN") {
    lines.push("export type ReportKey = keyof typeof report;");
    lines.push("export type SidebarKey = keyof typeof sidebar;");
    lines.push("export type ServerKey = keyof typeof server;");
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const remove = args.includes("--delete");
  const named = args.filter((a) => !a.startsWith("--")).map((a) => resolve(a));
  const files = named.length ? named : OLD_FILES.map((n) => join(I18N, n)).filter((f) => existsSync(f));
  if (!files.length) {
    console.log(
      "No old-format catalogue files to convert (src/engine/i18n/{report,ui,server}.ts are gone); nothing to do.",
    );
    return;
  }
  const incoming: Record<string, OldEntry> = {};
  for (const file of files) Object.assign(incoming, await readOld(file));
  const fork = await readFork();
  const modules = {} as Record<Code, LanguageModule>;
  for (const code of CODES) modules[code] = await readModule(code);
  const result = merge(modules, incoming, fork);
  for (const code of CODES) writeFileSync(join(I18N, `${code}.ts`), render(code, result.modules[code]));
  console.log(`Read ${Object.keys(incoming).length} entries from ${files.length} file(s).`);
  if (result.added.length) console.log(`Added ${result.added.length} key(s): ${result.added.join(", ")}`);
  if (result.changed.length) console.log(`Took ${result.changed.length} changed text(s): ${result.changed.join(", ")}`);
  if (result.conflicts.length) {
    console.log(
      `\n${result.conflicts.length} conflict(s): the module's text was kept; edit by hand:\n  ${result.conflicts.join("\n  ")}`,
    );
    process.exitCode = 1;
  }
  if (remove && !result.conflicts.length) for (const file of files) rmSync(file);
  console.log("Remember: English count strings need plural forms ({count, plural, one {…} other {…}}).");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
