/**
 * Settings are one spec (src/engine/settings.ts): the validator, the Settings sheet, the sidebar
 * form model and the defaults all come from it, so a key added to the spec shows up everywhere.
 */
import { describe, expect, it } from "vitest";
import {
  defaultSettings,
  keysWithDefaults,
  parseSettings,
  SETTING_KEYS,
  SETTINGS_SPEC,
  validateSettingsInput,
  type SettingsSpecShape,
} from "../../src/engine/settings";
import { settingsRow, settingsSheetDropdowns, settingsSheetGrid } from "../../src/gas/settings-sheet";
import { formFields, readFormField } from "../../src/sidebar/form";

/** A copy of the real spec with one more key, as a teammate adding a setting would write it. */
function specWithMinOrders(): SettingsSpecShape {
  return {
    settings: {
      ...SETTINGS_SPEC.settings,
      minOrders: {
        kind: "dsr",
        default: 2,
        label: "ui.field.peerDsr",
        help: "server.help.peerDsr",
        form: { hint: "ui.hint.dsr" },
      },
    },
    orders: SETTINGS_SPEC.orders,
  };
}

describe("a key added to a copy of the spec", () => {
  const spec = specWithMinOrders();

  it("gets a Settings-sheet row after the others, with its label, value, help, key and number format", () => {
    const grid = settingsSheetGrid({ ...defaultSettings(), language: "en", minOrders: 4 } as never, spec);
    const row = settingsRow("minOrders" as never, spec);
    expect(row).toBe(SETTING_KEYS.length + 2);
    expect(grid.values).toHaveLength(SETTING_KEYS.length + 2);
    expect(grid.values[row - 1]).toEqual([
      "Peer DSR score",
      4,
      "Peer DSR score (1–5); your three DSR scores are compared with it.",
      "minOrders",
    ]);
    expect(grid.numberFormats[row - 1][1]).toBe("0.00");
  });

  it("is a field of the sidebar form, read with its kind's limits", () => {
    const fields = formFields(spec);
    const field = fields.find((f) => f.key === "minOrders");
    expect(field).toEqual({
      key: "minOrders",
      kind: "dsr",
      control: "dsr",
      label: "ui.field.peerDsr",
      hint: "ui.hint.dsr",
    });
    expect(fields[fields.length - 1].key).toBe("minOrders");
    expect(readFormField(field!, "4.5", "en")).toEqual({ ok: true, value: 4.5 });
    expect(readFormField(field!, "6", "en")).toEqual({ ok: false, message: "A DSR score is between 1 and 5." });
  });

  it("is validated, defaulted and listed among the keys with defaults", () => {
    expect(validateSettingsInput({}, "en", spec)).toMatchObject({
      ok: true,
      settings: { minOrders: 2, bounceGood: 0.6 },
    });
    expect(validateSettingsInput({ minOrders: 5 }, "en", spec)).toMatchObject({ ok: true, settings: { minOrders: 5 } });
    expect(validateSettingsInput({ minOrders: 0.5 }, "zh-CN", spec)).toEqual({
      ok: false,
      errors: [{ field: "minOrders", message: "应填 1 到 5 之间的分数，例如 4.8" }],
    });
    // The real spec does not know it.
    expect(parseSettings({ minOrders: 5 })).toEqual({
      ok: false,
      errors: [{ field: "settings", message: "there is no setting called “minOrders” (check the spelling)" }],
    });
    expect(keysWithDefaults(spec)).toContain("minOrders");
  });
});

describe("the real spec", () => {
  it("lists the nineteen keys in sheet order, the form's seven first, the content-commerce lines last", () => {
    expect(SETTING_KEYS).toHaveLength(19);
    expect(formFields().map((f) => f.key)).toEqual([
      "peerPayConversion",
      "peerVisitorValue",
      "peerDsr",
      "monthlyTarget",
      "heroProduct",
      "grossMargin",
      "language",
    ]);
    expect(SETTING_KEYS.slice(-3)).toEqual(["compareTo", "gpmDrop", "carrierShareMax"]);
    expect(keysWithDefaults()).toEqual([
      "language",
      "bounceGood",
      "bounceBad",
      "depthGood",
      "depthBad",
      "aovHeroRatio",
      "compareTo",
      "gpmDrop",
      "carrierShareMax",
    ]);
  });

  it("has the defaults the rules expect", () => {
    expect(defaultSettings()).toEqual({
      peerPayConversion: null,
      peerVisitorValue: null,
      peerDsr: null,
      monthlyTarget: null,
      heroProduct: null,
      grossMargin: null,
      language: "zh-CN",
      bounceGood: 0.6,
      bounceBad: 0.7,
      depthGood: 3.5,
      depthBad: 2.5,
      aovHeroRatio: 1.3,
      platformFeeRate: null,
      paymentFeeRate: null,
      defaultRefundRate: null,
      currency: null,
      compareTo: "previous-period",
      gpmDrop: 0.2,
      carrierShareMax: 0.8,
    });
  });

  it("takes compareTo as one of its three choices, in any case, and says what is expected otherwise", () => {
    expect(parseSettings({ compareTo: " Previous-Week " })).toMatchObject({
      ok: true,
      settings: { compareTo: "previous-week" },
    });
    expect(parseSettings({ compareTo: "last-month" })).toEqual({
      ok: false,
      errors: [{ field: "compareTo", message: "expected previous-period, previous-week or four-weeks" }],
    });
  });

  it("checks bounds at their edges: rates strictly between 0 and 1, DSR 1 to 5 inclusive", () => {
    expect(parseSettings({ grossMargin: 0.35, peerDsr: 5 }).ok).toBe(true);
    expect(parseSettings({ peerDsr: 1 }).ok).toBe(true);
    const bad = parseSettings({ grossMargin: 1, peerPayConversion: 0, peerDsr: 5.01, monthlyTarget: -1 });
    expect(!bad.ok && bad.errors.map((e) => e.field)).toEqual([
      "peerPayConversion",
      "peerDsr",
      "monthlyTarget",
      "grossMargin",
    ]);
    expect(parseSettings({ depthGood: 100 }).ok).toBe(true);
    expect(parseSettings({ depthGood: 100.5 }).ok).toBe(false);
    expect(parseSettings({ peerVisitorValue: Number.NaN }).ok).toBe(false);
  });

  it("keeps the two pairs in order, reporting the key the spec names", () => {
    expect(parseSettings({ bounceGood: 0.7, bounceBad: 0.6 }, "zh-TW")).toEqual({
      ok: false,
      errors: [{ field: "bounceBad", message: "跳失率警戒線要高於良好線" }],
    });
    // Equal is out of order too; with the default depthGood 3.5, a depthBad of 3.5 is refused.
    expect(parseSettings({ depthBad: 3.5 })).toEqual({
      ok: false,
      errors: [{ field: "depthGood", message: "the good pages-per-visitor line must be above the bad one" }],
    });
    // A bad value in the pair is reported once, as itself, not also as an order problem.
    expect(parseSettings({ bounceGood: 2, bounceBad: 0.6 })).toEqual({
      ok: false,
      errors: [{ field: "bounceGood", message: "expected a percentage between 0% and 100%, e.g. 3.5%" }],
    });
  });

  it("takes a currency as a three-letter code, upper-cased and trimmed; empty means decide from the data", () => {
    expect(parseSettings({ currency: " inr " })).toMatchObject({ ok: true, settings: { currency: "INR" } });
    expect(parseSettings({ currency: "" })).toMatchObject({ ok: true, settings: { currency: null } });
    expect(parseSettings({ currency: "RMB1" })).toEqual({
      ok: false,
      errors: [
        { field: "currency", message: "expected a three-letter currency code such as USD, INR or CNY, or empty" },
      ],
    });
    expect(parseSettings({ currency: "¥" }, "zh-CN")).toEqual({
      ok: false,
      errors: [{ field: "currency", message: "应填三个字母的币种代码，例如 CNY、USD、INR，或留空" }],
    });
  });

  it("treats null as the default, refuses a non-object, and takes a language in any case", () => {
    expect(parseSettings({ bounceGood: null, language: "EN" })).toMatchObject({
      ok: true,
      settings: { bounceGood: 0.6, language: "en" },
    });
    expect(parseSettings([1, 2])).toEqual({
      ok: false,
      errors: [{ field: "settings", message: "expected settings as key: value pairs" }],
    });
    expect(parseSettings({ language: "fr" }, "zh-CN")).toEqual({
      ok: false,
      errors: [{ field: "language", message: "应填 zh-CN、zh-TW 或 en" }],
    });
  });

  it("offers the language and compareTo cells as dropdowns in the Settings sheet", () => {
    expect(settingsSheetDropdowns("en")).toEqual([
      {
        key: "language",
        choices: ["zh-CN", "zh-TW", "en"],
        help: expect.stringContaining("Report language"),
      },
      {
        key: "compareTo",
        choices: ["previous-period", "previous-week", "four-weeks"],
        help: expect.stringContaining("the same weekdays one week earlier"),
      },
    ]);
    expect(settingsRow("language")).toBe(8);
  });
});

describe("the sidebar form reads what operators type", () => {
  const field = (key: string) => formFields().find((f) => f.key === key)!;

  it("takes 3.5 and 3.5% in a % field as 3.5 percent, and 1,200 as an amount", () => {
    expect(readFormField(field("peerPayConversion"), "3.5", "en")).toEqual({ ok: true, value: 0.035 });
    expect(readFormField(field("peerPayConversion"), "3.5%", "en")).toEqual({ ok: true, value: 0.035 });
    expect(readFormField(field("monthlyTarget"), "1,200", "en")).toEqual({ ok: true, value: 1200 });
    expect(readFormField(field("monthlyTarget"), "", "en")).toEqual({ ok: true, value: null });
    expect(readFormField(field("heroProduct"), "  连衣裙A  ", "en")).toEqual({ ok: true, value: "连衣裙A" });
  });

  it("says what is wrong in the panel's language", () => {
    expect(readFormField(field("peerPayConversion"), "100", "en")).toEqual({
      ok: false,
      message: "Enter a percentage above 0 and below 100.",
    });
    expect(readFormField(field("monthlyTarget"), "lots", "zh-CN")).toEqual({
      ok: false,
      message: "“lots”不是数字，请只填数字。",
    });
    expect(readFormField(field("heroProduct"), "x".repeat(201), "en")).toEqual({
      ok: false,
      message: "Use at most 200 characters.",
    });
    expect(readFormField(field("language"), "", "en")).toEqual({
      ok: false,
      message: "Choose one of the listed languages.",
    });
  });
});
