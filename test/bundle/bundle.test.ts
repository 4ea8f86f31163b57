/**
 * The real build/Code.js, as Apps Script would run it: one plain ES2019 script evaluated in
 * a bare V8 realm (no require, module, process), called through its top-level names.
 */
import * as acorn from "acorn";
import { existsSync } from "node:fs";
import vm from "node:vm";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { translate } from "../../src/engine/i18n";
import { VOCABULARY } from "../../src/engine/recognize";
import { RULE_DECLARATIONS } from "../../src/engine/rules";
import { CUSTOM_FUNCTIONS } from "../../src/functions/registry";
import { decodePacked } from "../../src/gas/packed-text";
import { SERVER_FUNCTIONS } from "../../src/gas/public";
import { createFakeGoogle, formatZoned } from "../../src/local/fake";
import { BUNDLE_PATH, loadBundle, readBundle } from "../support/load-bundle";
import type { BundleContext } from "../support/load-bundle";

/** A comment that is a function's whole body and holds only packed text (src/gas/packed-text.ts). */
const PACKED_COMMENT = /\(\)\{\/\*([A-Za-z0-9!#$%&()\-+,./:;<=>?@[\]^_`{|}~"]+)\*\/\}/g;

let source = "";
let realm: BundleContext;

beforeAll(() => {
  if (!existsSync(BUNDLE_PATH))
    throw new Error("build/Code.js is missing: run `npm run build` first (npm test does it).");
  source = readBundle();
  realm = loadBundle();
});

/** The server half's code: the one comment that is a function's whole body, its gzipped text as packed text. */
function serverHalfOf(bundle: string): string {
  const matches = [...bundle.matchAll(PACKED_COMMENT)];
  if (matches.length !== 1) throw new Error(`build/Code.js: ${matches.length} packed server halves, expected 1`);
  return gunzipSync(Uint8Array.from(decodePacked(matches[0][1]))).toString("utf8");
}

/** Evaluates an expression inside the bundle's realm, so Dates and arrays are that realm's own. */
function inRealm(expression: string): unknown {
  return vm.runInContext(expression, realm);
}

/** Calls a global of the bundle with arguments built inside the realm; returns plain JSON. */
function callGlobal(name: string, argsExpression: string): unknown {
  const json = inRealm(`JSON.stringify(${name}(...${argsExpression}))`) as string | undefined;
  return json === undefined ? undefined : JSON.parse(json);
}

/** The message of what a global throws, or null when it returns. */
function thrownBy(name: string, argsExpression: string): string | null {
  return inRealm(
    `(() => { try { ${name}(...${argsExpression}); return null; } catch (e) { return String(e && e.message); } })()`,
  ) as string | null;
}

describe("the realm the bundle runs in", () => {
  it("has no Node globals, yet the bundle loaded", () => {
    expect(inRealm("typeof require")).toBe("undefined");
    expect(inRealm("typeof module")).toBe("undefined");
    expect(inRealm("typeof process")).toBe("undefined");
    expect(inRealm("typeof Buffer")).toBe("undefined");
    expect(inRealm("typeof PAY_CONVERSION")).toBe("function");
  });
});

describe("every custom function, called by its global name with Sheets-style arguments", () => {
  it("computes each worked example from the registry", () => {
    for (const fn of CUSTOM_FUNCTIONS) {
      for (const sample of fn.samples ?? []) {
        const result = callGlobal(fn.name, JSON.stringify(sample.args));
        const expected = JSON.stringify(sample.result, (_k, v: unknown) =>
          typeof v === "number" ? Number(v.toPrecision(10)) : v,
        );
        const actual = JSON.stringify(result, (_k, v: unknown) =>
          typeof v === "number" ? Number(v.toPrecision(10)) : v,
        );
        expect(actual, `${fn.name}(${JSON.stringify(sample.args)})`).toBe(expected);
      }
    }
  });

  it("fills whole columns, with blanks from open ranges and pasted export text", () => {
    expect(callGlobal("PAY_CONVERSION", `[[[35], ["12"], [""], [""]], [[1000], ["1,200"], [""], [""]]]`)).toEqual([
      [0.035],
      [0.01],
      [""],
      [""],
    ]);
    expect(callGlobal("AOV", `[[["¥8,330.00"], ["--"]], [[35], [10]]]`)).toEqual([[238], [""]]);
    expect(callGlobal("BOUNCE_RATE", `[[[620, 300]], [[1000, 0]]]`)).toEqual([[0.62, ""]]);
    expect(callGlobal("FUNNEL", `[[[1000], [""]], [[640], [""]], [[48], [""]], [[36], [""]]]`)).toEqual([
      [0.64, 0.075, 0.75, 0.036],
      ["", "", "", ""],
    ]);
  });

  it("takes Sheets Date objects where dates belong and refuses them where numbers belong", () => {
    expect(callGlobal("TARGET_PACE", "[90000, 300000, new Date(2026, 10, 10)]")).toBeCloseTo(0.9, 12);
    expect(
      callGlobal("TARGET_PACE", "[[[90000], [0]], 300000, [[new Date(2026, 10, 10)], [new Date(2026, 10, 11)]]]"),
    ).toEqual([[0.9], [0]]);
    expect(thrownBy("PAY_CONVERSION", "[5, new Date(2026, 10, 22)]")).toContain(
      "PAY_CONVERSION: visitors is a date (2026-11-22)",
    );
  });

  it("reads a Date cell's day in the spreadsheet's time zone, not the script's", () => {
    // Midnight of 2026-11-10 in Tokyo is still the 9th in UTC and in Shanghai.
    // The fake's Utilities.formatDate: the one zoned formatter (src/local/fake/zoned.ts).
    const utilities = { formatDate: formatZoned };
    const spreadsheetApp = { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => "Asia/Tokyo" }) };
    const tokyo = loadBundle({ SpreadsheetApp: spreadsheetApp, Utilities: utilities }, source);
    const midnightTokyo = "new Date(Date.UTC(2026, 10, 9, 15))";
    expect(vm.runInContext(`TARGET_PACE(100000, 300000, ${midnightTokyo})`, tokyo)).toBeCloseTo(1, 12);
    expect(
      vm.runInContext(`(() => { try { CTR(${midnightTokyo}, 5) } catch (e) { return e.message } })()`, tokyo),
    ).toContain("(2026-11-10)");
    // Without Apps Script services (tests, local preview) the Date's own fields are used.
    const plain = loadBundle({}, source);
    const localDay = vm.runInContext(`${midnightTokyo}.getDate()`, plain) as number;
    expect(vm.runInContext(`TARGET_PACE(100000, 300000, ${midnightTokyo})`, plain)).toBeCloseTo(10 / localDay, 12);
  });

  it("throws Errors whose messages Sheets will show under #ERROR!", () => {
    expect(thrownBy("PAY_CONVERSION", "[5, 0]")).toBe("PAY_CONVERSION: visitors is 0, so there is no conversion rate");
    expect(thrownBy("SALES", "[1000, 3.5, 238]")).toContain("did you mean 3.5%?");
    expect(thrownBy("CTR", '[[[1], ["lots"]], [[10], [10]]]')).toContain('CTR: clicks in row 2 is "lots"');
    expect(inRealm("(() => { try { DSR(9, 4, 4) } catch (e) { return e instanceof Error } })()")).toBe(true);
  });
});

describe("what a custom-function call costs", () => {
  it("never initialises the server's heavy modules (engine, catalogues; no zod at all): they load on the first server call", () => {
    // Utilities only: what the loader unpacks the server half with (Apps Script has it in every execution).
    const fresh = loadBundle({ Utilities: createFakeGoogle().globals.Utilities }, source);
    // The server half is compiled from text on its first call (src/gas/load-server.ts): count those compilations.
    vm.runInContext(
      "globalThis.compiled_ = 0; globalThis.Function = new Proxy(Function, { construct(target, args) { compiled_++; return Reflect.construct(target, args); } });",
      fresh,
    );
    for (const fn of CUSTOM_FUNCTIONS) {
      for (const sample of fn.samples ?? []) vm.runInContext(`${fn.name}(...${JSON.stringify(sample.args)})`, fresh);
    }
    // zod is not shipped at all (the settings validator is derived from the spec), not even as text.
    expect(source.includes("__zod_globalConfig")).toBe(false);
    expect(vm.runInContext("compiled_", fresh)).toBe(0);
    // The engine is not code in the evaluated script: only inside the packed server half.
    const outside = source.replace(/\/\*[\s\S]*?\*\//g, "");
    expect(outside).not.toMatch(/diagnoseTables|recognizeTables|report\.title/);
    expect(serverHalfOf(source)).toMatch(/report\.title/);
    // Control: a sidebar call does load them, once, so the probe above can tell the difference.
    vm.runInContext("try { getSettings() } catch (e) {}", fresh);
    vm.runInContext("try { getSettings() } catch (e) {}", fresh);
    expect(vm.runInContext("compiled_", fresh)).toBe(1);
  });

  it("builds the registry and the cell parsers' tables on the first custom-function call, not on evaluation", () => {
    // The parsers' top level builds two Sets (blank markers, Sheets error codes); count every Set built in the realm.
    const context = vm.createContext({});
    vm.runInContext(
      "globalThis.sets_ = 0; globalThis.Set = new Proxy(Set, { construct(target, args, next) { sets_++; return Reflect.construct(target, args, next); } });",
      context,
    );
    vm.runInContext(source, context, { filename: "Code.js" });
    // A menu or sidebar execution evaluates the file and stops here: nothing of the registry was built.
    expect(vm.runInContext("sets_", context)).toBe(0);
    expect(vm.runInContext("PAY_CONVERSION(30, 1000)", context)).toBe(0.03); // 30 ÷ 1000
    const afterFirst = vm.runInContext("sets_", context) as number;
    expect(afterFirst).toBeGreaterThanOrEqual(2);
    // Built once per execution: a second call (another function) builds nothing more.
    expect(vm.runInContext("AOV(5000, 40)", context)).toBe(125); // 5000 ÷ 40
    expect(vm.runInContext("sets_", context)).toBe(afterFirst);
  });

  it("carries the registry's code but not its docs: those are in the stubs' JSDoc only", () => {
    const code = source.replace(/\/\*[\s\S]*?\*\//g, "");
    for (const fn of CUSTOM_FUNCTIONS) {
      expect(code, fn.name).toContain(`"${fn.name}"`);
      expect(code, fn.name).not.toContain(fn.description);
      expect(code, fn.name).not.toContain(fn.example);
      for (const param of fn.params) expect(code, `${fn.name} ${param.name}`).not.toContain(param.description);
    }
  });

  it("leaves the docs-only text of the rules and the vocabulary out of the server half", () => {
    const code = serverHalfOf(source);
    // Rule summaries and threshold meanings are read only by scripts/docs.ts (docs/SCORING.md).
    for (const rule of RULE_DECLARATIONS) {
      expect(code, rule.id).toContain(`"${rule.id}"`);
      expect(code, rule.id).not.toContain(rule.summary.slice(0, 40));
      for (const [name, threshold] of Object.entries(rule.thresholds ?? {})) {
        if (threshold.meaning.length >= 20) expect(code, `${rule.id} ${name}`).not.toContain(threshold.meaning);
      }
    }
    // The vocabulary's headers ship (recognition needs them), its field notes do not.
    const spec = VOCABULARY.find((f) => f.field === "sourceLevel1")!;
    expect(code).toContain(spec.headers[0]);
    expect(code).not.toContain(spec.about);
    // The catalogue's words do ship.
    expect(code).toContain(translate("en", "report.title"));
  });

  it("carries the server half packed (gzip, packed text) as ES2019 text that evaluates to the server API", () => {
    const code = serverHalfOf(source);
    const half = acorn.parse(code, { ecmaVersion: 2019, sourceType: "script" });
    expect(half.body.length).toBeGreaterThan(0);
    expect(/\brequire\s*\(/.test(code)).toBe(false);
    const api = new vm.Script(`(function () { ${code}\nreturn server_; })()`).runInNewContext({}) as Record<
      string,
      unknown
    >;
    expect(Object.keys(api).sort()).toEqual([
      "createCostsTab",
      "createEventsTab",
      "diagnoseShop",
      "getSettings",
      "openReport",
      "saveSettings",
      "showSidebar",
    ]);
  });
});

describe("onOpen and onInstall against a fake Ui", () => {
  function fakeSpreadsheetApp(log: string[]) {
    const menu = {
      addItem(caption: string, fn: string) {
        log.push(`addItem ${caption} -> ${fn}`);
        return menu;
      },
      addSeparator() {
        log.push("addSeparator");
        return menu;
      },
      addToUi() {
        log.push("addToUi");
      },
    };
    return {
      getUi: () => ({
        createAddonMenu() {
          log.push("createAddonMenu");
          return menu;
        },
        createMenu(name: string) {
          log.push(`createMenu ${name}`);
          return menu;
        },
      }),
    };
  }

  for (const trigger of ["onOpen", "onInstall"]) {
    it(`${trigger} builds an add-on menu whose items call public functions (AuthMode.NONE)`, () => {
      const log: string[] = [];
      const context = loadBundle({ SpreadsheetApp: fakeSpreadsheetApp(log) }, source);
      vm.runInContext(`${trigger}({ authMode: "NONE" })`, context);
      expect(log[0]).toBe("createAddonMenu");
      expect(log[log.length - 1]).toBe("addToUi");
      const items = log.filter((l) => l.startsWith("addItem"));
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const target = item.split(" -> ")[1];
        expect(typeof context[target], `menu item ${item}`).toBe("function");
        expect(SERVER_FUNCTIONS.map((f) => f.name)).toContain(target);
      }
    });
  }
});

describe("the file Apps Script receives", () => {
  interface Doc {
    text: string;
    end: number;
  }
  let program: acorn.Program;
  const docs: Doc[] = [];

  beforeAll(() => {
    program = acorn.parse(source, {
      ecmaVersion: 2019,
      sourceType: "script",
      onComment: (block, text, _start, end) => {
        if (block) docs.push({ text, end });
      },
    });
  });

  it("parses as an ES2019 script (no import/export, no ?. or ??)", () => {
    expect(program.body.length).toBeGreaterThan(0);
  });

  it("declares exactly the public names as top-level functions, and one private global", () => {
    const functions = program.body
      .filter((n): n is acorn.FunctionDeclaration => n.type === "FunctionDeclaration")
      .map((n) => n.id.name);
    const expected = [...CUSTOM_FUNCTIONS.map((f) => f.name), ...SERVER_FUNCTIONS.map((f) => f.name)];
    expect([...functions].sort()).toEqual([...expected].sort());
    const variables = program.body
      .filter((n): n is acorn.VariableDeclaration => n.type === "VariableDeclaration")
      .flatMap((n) => n.declarations.map((d) => (d.id.type === "Identifier" ? d.id.name : "?")));
    expect(variables).toEqual(["ShopDoctor_"]);
    // Anything else at top level (a "use strict" directive aside) could leak a name or run work.
    const others = program.body
      .filter((n) => n.type !== "FunctionDeclaration" && n.type !== "VariableDeclaration")
      .filter((n) => !(n.type === "ExpressionStatement" && "directive" in n && n.directive === "use strict"))
      .map((n) => n.type);
    expect(others).toEqual([]);
  });

  it("never calls require()", () => {
    expect(/\brequire\s*\(/.test(source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""))).toBe(false);
  });

  it("gives each custom-function stub its JSDoc: @customfunction, description, @param per real argument name, @return", () => {
    for (const fn of CUSTOM_FUNCTIONS) {
      const node = program.body.find(
        (n): n is acorn.FunctionDeclaration => n.type === "FunctionDeclaration" && n.id.name === fn.name,
      );
      expect(node, fn.name).toBeDefined();
      const params = node!.params.map((p) => (p.type === "Identifier" ? p.name : "?"));
      expect(params, fn.name).toEqual(fn.params.map((p) => p.name));
      // The comment must sit right before the function, with only whitespace between.
      const doc = docs.find((d) => source.slice(d.end, node!.start).trim() === "");
      expect(doc, `${fn.name} has no JSDoc right above it`).toBeDefined();
      const text = doc!.text;
      expect(text.startsWith("*"), fn.name).toBe(true);
      expect(text).toContain("@customfunction");
      expect(text).toMatch(/@return\s+\S/);
      const description = text
        .split("\n")
        .map((l) => l.replace(/^\s*\*\s?/, ""))
        .find((l) => l.trim() !== "");
      expect(description, fn.name).toBe(fn.description);
      const documented = [...text.matchAll(/@param\s+\{[^}]+\}\s+(\w+)\s+\S/g)].map((m) => m[1]);
      expect(documented, fn.name).toEqual(params);
    }
  });
});
