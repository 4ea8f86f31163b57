import { typecheckFile } from "../support/tsc";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  catalogues,
  format,
  LANGUAGES,
  languageFromLocale,
  MESSAGE_KEYS,
  translate,
  type MessageKey,
} from "../../src/engine/i18n";
import { sidebarCatalogues, translate as sidebarTranslate } from "../../src/engine/i18n/sidebar";
import { merge, sectionOf, type LanguageModule } from "../../scripts/split-catalogue";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

describe("catalogue parity", () => {
  it("every language has every key of the base, and no other", () => {
    for (const language of LANGUAGES)
      expect(Object.keys(catalogues[language]).sort(), language).toEqual([...MESSAGE_KEYS].sort());
  });
  it("the sidebar catalogue is the sidebar section: ui.*, setting labels and the Settings sheet name", () => {
    const keys = Object.keys(sidebarCatalogues.en);
    expect(keys).toContain("ui.diagnose");
    expect(keys).toContain("settings.sheetName");
    expect(keys).not.toContain("report.title");
    for (const key of keys) expect(sectionOf(key)).toBe("sidebar");
  });
});

describe("translate", () => {
  it("shows a key the catalogue lacks instead of throwing", () => {
    expect(translate("en", "metric.units" as unknown as MessageKey)).toBe("⟦metric.units⟧");
    expect(sidebarTranslate("zh-TW", "report.title" as never)).toBe("⟦report.title⟧");
  });
  it("keeps an unfilled placeholder visible", () => {
    expect(format("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});

describe("plural forms", () => {
  const template = "{count, plural, one {# row in “{sheet}”} other {# rows in “{sheet}”}}";
  it("English: one for exactly 1, other for 0, 2 and 1.5", () => {
    expect(format(template, { count: 1, sheet: "S" }, "en")).toBe("1 row in “S”");
    expect(format(template, { count: 0, sheet: "S" }, "en")).toBe("0 rows in “S”");
    expect(format(template, { count: 2, sheet: "S" }, "en")).toBe("2 rows in “S”");
    expect(format(template, { count: 1.5, sheet: "S" }, "en")).toBe("1.5 rows in “S”");
  });
  it("Chinese has one form, whatever the count", () => {
    for (const language of ["zh-CN", "zh-TW"] as const) {
      expect(format("{count, plural, other {# 行}}", { count: 1 }, language)).toBe("1 行");
      expect(format(template, { count: 1, sheet: "S" }, language)).toBe("1 rows in “S”");
    }
  });
  it("a real catalogue line counts rows in all three languages (1 and 2)", () => {
    const line = (language: "zh-CN" | "zh-TW" | "en", rows: number) =>
      translate(language, "layout.tableLine", { sheet: "S", kind: "K", rows });
    expect([line("en", 1), line("en", 2)]).toEqual(["S (K, 1 row)", "S (K, 2 rows)"]);
    // Chinese has no plural: the same words for 1 and 2; zh-TW counts rows as 列, zh-CN as 行.
    expect([line("zh-CN", 1), line("zh-CN", 2)]).toEqual(["S（K，1 行）", "S（K，2 行）"]);
    expect([line("zh-TW", 1), line("zh-TW", 2)]).toEqual(["S（K，1 列）", "S（K，2 列）"]);
  });
  it("the comparison window names one day or several (no “the 1 days just before”)", () => {
    expect(translate("en", "compare.previous-period", { days: 1 })).toBe("the day just before");
    expect(translate("en", "compare.previous-period", { days: 3 })).toBe("the 3 days just before");
    expect(translate("zh-CN", "compare.previous-period", { days: 1 })).toBe("紧挨着的前 1 天");
  });
  it("a plural with no value for its count stays visible", () => {
    expect(format(template, {}, "en")).toBe(template);
  });
});

describe("languages table", () => {
  it("derives the locale guess", () => {
    expect(languageFromLocale("zh_TW")).toBe("zh-TW");
    expect(languageFromLocale("zh_HK")).toBe("zh-TW");
    expect(languageFromLocale("zh_CN")).toBe("zh-CN");
    expect(languageFromLocale("en_GB")).toBe("en");
    expect(languageFromLocale("fr_FR")).toBe("zh-CN");
  });
});

describe("compile-time parity", () => {
  it("a language module with one key missing fails the typecheck", () => {
    const dir = mkdtempSync(join(root, "test-output-tsc-"));
    try {
      const source = readFileSync(join(root, "src/engine/i18n/en.ts"), "utf8").replace(
        /\n {2}"report\.title": [^\n]*\n/,
        "\n",
      );
      writeFileSync(
        join(dir, "en-missing.ts"),
        source.replace('from "./zh-CN"', `from ${JSON.stringify(join(root, "src/engine/i18n/zh-CN"))}`),
      );
      writeFileSync(
        join(dir, "en-ok.ts"),
        readFileSync(join(root, "src/engine/i18n/en.ts"), "utf8").replace(
          'from "./zh-CN"',
          `from ${JSON.stringify(join(root, "src/engine/i18n/zh-CN"))}`,
        ),
      );
      expect(typecheckFile(join(dir, "en-ok.ts"))).toBe("");
      const output = typecheckFile(join(dir, "en-missing.ts"));
      expect(output).toMatch(/report\.title/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("split-catalogue merge", () => {
  const empty = (): LanguageModule => ({ report: {}, sidebar: {}, server: {} });
  it("adds new keys, takes texts changed since the fork, keeps reviewed ones and reports conflicts", () => {
    const modules = { "zh-CN": empty(), "zh-TW": empty(), en: empty() };
    modules["zh-TW"].report["a"] = "reviewed";
    modules["zh-CN"].report["a"] = "甲";
    modules.en.report["a"] = "A";
    const fork = { a: { "zh-CN": "甲", "zh-TW": "old", en: "A" } };
    const incoming = {
      a: { "zh-CN": "甲2", "zh-TW": "old", en: "A" },
      "ui.new": { "zh-CN": "新", "zh-TW": "新", en: "New" },
    };
    const result = merge(modules, incoming, fork);
    expect(result.modules["zh-CN"].report["a"]).toBe("甲2");
    expect(result.modules["zh-TW"].report["a"]).toBe("reviewed");
    expect(result.modules.en.sidebar["ui.new"]).toBe("New");
    expect(result.added).toEqual(["ui.new"]);
    const clash = merge(result.modules, { a: { "zh-CN": "甲2", "zh-TW": "theirs", en: "A" } }, fork);
    expect(clash.conflicts).toHaveLength(1);
    expect(clash.modules["zh-TW"].report["a"]).toBe("reviewed");
  });
});
