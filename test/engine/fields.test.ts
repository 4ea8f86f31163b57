/**
 * Field names are a union derived from the vocabulary (src/engine/recognize/vocabulary.ts):
 * its own fields plus the derived terminal (`visitors_mobile`), peer (`peerPayConversionTop`)
 * and change (`salesChange`) names. A misspelt field fails the typecheck: the @ts-expect-error
 * lines below fail `npm run typecheck` if the union ever accepts them, and one test runs tsc on
 * a rule declaration whose `needs` has a typo. Every field recognition produces from the real
 * fixture exports must be one of the union's shapes, so the type is not narrower than the data.
 */
import { typecheckFile } from "../support/tsc";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CORE_FIELDS, type FieldName, recognizeTables, type TableRow } from "../../src/engine";
import { matchHeader, VOCABULARY } from "../../src/engine/recognize";
import { AMAZON_SUFFIXES, PEER_MARKERS, TERMINAL_PREFIXES } from "../../src/engine/recognize/vocabulary";
import { defineRule } from "../../src/engine/rules/define";
import { num, Totals } from "../../src/engine/rules/totals";
import { fixtureNames, loadFixture } from "../support/fixtures";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The union's shapes, checked at run time from the same tables the type is derived from. */
function isFieldName(name: string): boolean {
  const base = new Set<string>(VOCABULARY.map((f) => f.field));
  const channels = [...TERMINAL_PREFIXES, ...AMAZON_SUFFIXES].map(([, c]) => c).filter((c) => c !== "");
  const plainOrTerminal = (n: string) =>
    base.has(n) || channels.some((c) => n.endsWith(`_${c}`) && base.has(n.slice(0, -c.length - 1)));
  const peer = (n: string) =>
    PEER_MARKERS.some(([, suffix]) => {
      if (!n.startsWith("peer") || !n.endsWith(suffix)) return false;
      const rest = n.slice(4, n.length - suffix.length);
      return rest !== "" && rest[0] === rest[0].toUpperCase() && base.has(rest[0].toLowerCase() + rest.slice(1));
    });
  if (plainOrTerminal(name) || peer(name)) return true;
  return name.endsWith("Change") && (plainOrTerminal(name.slice(0, -6)) || peer(name.slice(0, -6)));
}

describe("field names", () => {
  it("reject a misspelt field wherever one is passed", () => {
    const row: TableRow = { visitors: 120, paidBuyers: 6 };
    // @ts-expect-error a typo of visitors is not a field of a row
    const typoRow: TableRow = { vistors: 120 };
    // @ts-expect-error num() takes a field name
    const typoNum = num(row, "vistors");
    const totals = new Totals();
    totals.add(row);
    // @ts-expect-error Totals.get takes a summed field
    const typoTotal = totals.get("paidBuyer");
    const rule = defineRule({
      id: "typo-in-needs",
      area: "traffic",
      // @ts-expect-error a rule's needs name fields
      needs: { kinds: ["shop-daily"], fields: ["date", "bounceRat"] },
      summary: "",
      thresholds: {},
      messages: [],
      run: () => [],
    });
    // @ts-expect-error a terminal channel the vocabulary does not have
    const tablet: FieldName = "visitors_tablet";
    // @ts-expect-error peer names capitalise the field
    const peer: FieldName = "peerpayConversion";
    const derived: FieldName[] = ["visitors_mobile", "sessions_app_b2b", "peerPayConversionTop", "visitorsChange"];
    // One row of 6 buyers: both lookups give 6. The misspelt ones find nothing, and Totals.get even
    // answers undefined (not null) for a name it has no slot for: why the compiler must catch them.
    expect([num(row, "paidBuyers"), typoNum, totals.get("paidBuyers"), typoTotal]).toEqual([6, null, 6, undefined]);
    expect(rule.needs.fields).toEqual(["date", "bounceRat"]);
    expect([typoRow, tablet, peer, derived.length]).toEqual([
      { vistors: 120 },
      "visitors_tablet",
      "peerpayConversion",
      4,
    ]);
  });

  it("has a typed name for every header shape (plain, terminal, peer, change)", () => {
    const fields: (FieldName | undefined)[] = ["访客数", "无线端访客数", "同行同层优秀支付转化率", "访客数变化"].map(
      (h) => matchHeader(h)?.field,
    );
    expect(fields).toEqual(["visitors", "visitors_mobile", "peerPayConversionTop", "visitorsChange"]);
    expect(fields.every((f) => f !== undefined && isFieldName(f))).toBe(true);
    expect(["visitors_tablet", "peerpayConversion", "vistors", "visitorsChangeChange"].some(isFieldName)).toBe(false);
  });

  it("the stable core fields are vocabulary fields", () => {
    const base = new Set<string>(VOCABULARY.map((f) => f.field));
    expect(CORE_FIELDS.filter((f) => !base.has(f))).toEqual([]);
  });

  it("every field recognised in the fixture exports is a typed field name", () => {
    const outside = new Set<string>();
    let seen = 0;
    for (const name of fixtureNames()) {
      for (const t of recognizeTables([loadFixture(name, { mode: "text", dayFirst: name.includes("india") })])) {
        const names = [...Object.keys(t.columnIndex), ...t.rows.flatMap((r) => Object.keys(r))];
        for (const f of names) {
          seen++;
          if (!isFieldName(f)) outside.add(f);
        }
      }
    }
    expect(seen).toBeGreaterThan(1000);
    expect([...outside]).toEqual([]);
  });

  it("a misspelt field name fails the typecheck (tsc on a declaration that names one)", () => {
    const dir = mkdtempSync(join(root, "test-output-tsc-"));
    try {
      const tables = JSON.stringify(join(root, "src/engine/tables"));
      const needs = (field: string) =>
        `import type { FieldName } from ${tables};\n` +
        `export const needs: readonly FieldName[] = ["date", ${JSON.stringify(field)}, "peerPayConversion"];\n`;
      writeFileSync(join(dir, "needs-ok.ts"), needs("bounceRate"));
      writeFileSync(join(dir, "needs-typo.ts"), needs("bounceRat"));
      expect(typecheckFile(join(dir, "needs-ok.ts"))).toBe("");
      const output = typecheckFile(join(dir, "needs-typo.ts"));
      // tsc names the typo and the field it meant.
      expect(output).toMatch(/"bounceRat".*FieldName.*"bounceRate"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
