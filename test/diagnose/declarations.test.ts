/** The rule declarations are the single source: ids, order, thresholds and message keys agree. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";
import { messages } from "../../src/engine/i18n";
import { AREAS } from "../../src/engine/report";
import { RULE_DECLARATIONS, RULE_IDS, RULES } from "../../src/engine/rules";
import { SETTING_KEYS } from "../../src/engine/settings";
import { day, findings, run, shopDays, table } from "./helpers";

describe("rule declarations", () => {
  it("RULE_IDS is the declarations' ids in declaration order, with no id twice", () => {
    expect(RULE_IDS).toEqual(RULE_DECLARATIONS.map((r) => r.id));
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    expect(RULE_IDS.length).toBe(32);
    expect(RULE_IDS[0]).toBe("pay-conversion-vs-peer");
    expect(RULE_IDS[RULE_IDS.length - 1]).toBe("data-sanity");
    for (const id of RULE_IDS) expect(RULES[id].id).toBe(id);
    expect(Object.keys(RULES)).toEqual([...RULE_IDS]);
  });

  it("declares a known area, message keys that exist, and thresholds with a unit and a meaning", () => {
    for (const rule of RULE_DECLARATIONS) {
      expect(AREAS, rule.id).toContain(rule.area);
      expect(rule.messages.length, rule.id).toBeGreaterThan(0);
      for (const key of rule.messages)
        expect(Object.prototype.hasOwnProperty.call(messages, key), `${rule.id}: ${key}`).toBe(true);
      for (const [name, t] of Object.entries(rule.thresholds)) {
        expect(t.meaning.length, `${rule.id}.${name}`).toBeGreaterThan(10);
        if (t.setting) expect(SETTING_KEYS, `${rule.id}.${name}`).toContain(t.setting);
        else expect(Number.isFinite(t.value), `${rule.id}.${name}`).toBe(true);
      }
      // Every {name} in the doc line is a declared threshold.
      for (const m of rule.summary.matchAll(/\{(\w+)\}/g))
        expect(rule.thresholds, `${rule.id} summary`).toHaveProperty(m[1]);
    }
  });
});

describe("a rule that throws", () => {
  const shop = () => [
    shopDays(14, (i) => ({
      visitors: 1000,
      paidBuyers: 20,
      sales: i < 7 ? 2000 : 1500,
      bounceRate: 0.75,
      pagesPerVisitor: 2,
    })),
  ];

  it("becomes one ℹ finding naming the rule, in its area; every other rule still reports", () => {
    const before = run(shop());
    const spy = vi.spyOn(RULES["bounce-rate"], "run").mockImplementation(() => {
      throw new Error("boom on row 7");
    });
    try {
      const after = run(shop(), { language: "en" });
      const failed = findings(after, "bounce-rate");
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({
        status: "info",
        area: "traffic",
        metric: "ruleError",
        value: null,
        impact: null,
      });
      expect(failed[0].message).toBe(
        "The check “bounce-rate” failed and could not finish (boom on row 7), so it has no findings; the rest of the report is complete.",
      );
      // Everything else is as without the failure: the same findings minus bounce-rate's one ✖.
      const others = (r: typeof before) =>
        r.findings.filter((f) => f.rule !== "bounce-rate").map((f) => `${f.rule}|${f.subject}|${f.status}|${f.value}`);
      expect(others(after)).toEqual(others(before));
      expect(findings(before, "bounce-rate")[0].status).toBe("bad");
      // The failed check no longer counts: bad 1 fewer, info 1 more.
      expect(after.counts.bad).toBe(before.counts.bad - 1);
      expect(after.counts.info).toBe(before.counts.info + 1);
      const zh = run(shop(), { language: "zh-CN" });
      expect(findings(zh, "bounce-rate")[0].message).toContain("报告的其余部分是完整的");
      const tw = run(shop(), { language: "zh-TW" });
      expect(findings(tw, "bounce-rate")[0].message).toContain("報告的其餘部分是完整的");
    } finally {
      spy.mockRestore();
    }
  });

  it("a non-Error throw is quoted too, and a product-level rule failing keeps the shop's findings", () => {
    const spy = vi.spyOn(RULES["zero-sales-products"], "run").mockImplementation(() => {
      throw "bad state";
    });
    try {
      const r = run(
        [...shop(), table("products", [{ product: "Dead", visitors: 3000, paidBuyers: 0, sales: 0, date: day(0) }])],
        { language: "en" },
      );
      expect(findings(r, "zero-sales-products").map((f) => f.message)).toEqual([
        "The check “zero-sales-products” failed and could not finish (bad state), so it has no findings; the rest of the report is complete.",
      ]);
      expect(findings(r, "sales-change-drivers")).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("engine code stays readable", () => {
  const dir = join(__dirname, "..", "..", "src", "engine");
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.split("\\").join("/"))
    .sort();

  it("looks at every engine file, rules included", () => {
    expect(files).toContain("rules/products.ts");
    expect(files).toContain("layout.ts");
  });

  it.each(files)("%s has no function over 60 lines", (name) => {
    const text = readFileSync(join(dir, name), "utf8");
    const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    const long: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && "body" in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (end - start + 1 > 60) long.push(`line ${start + 1}: ${end - start + 1} lines`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(long).toEqual([]);
  });
});
