import { describe, expect, it } from "vitest";
import { customFunction, lazily, server } from "../../src/index";
import { CUSTOM_FUNCTIONS } from "../../src/functions/registry";
import { SERVER_FUNCTIONS } from "../../src/gas/public";

describe("the bundle entry", () => {
  it("exposes every registry function and every listed server function", () => {
    for (const fn of CUSTOM_FUNCTIONS) expect(customFunction(fn.name), fn.name).toBe(fn.impl);
    expect(() => customFunction("NOT_A_FUNCTION")).toThrow(/no custom function NOT_A_FUNCTION/);
    for (const fn of SERVER_FUNCTIONS) expect(typeof server[fn.name], fn.name).toBe("function");
  });

  it("lazily() loads a heavy module only when one of its functions is first called, and once", () => {
    let loads = 0;
    const module = {
      diagnose: (x: number) => x * 2,
      settings: () => "s",
    };
    const api = lazily(() => {
      loads++;
      return module;
    }, ["diagnose", "settings"]);
    expect(loads).toBe(0);
    expect(api.diagnose(21)).toBe(42);
    expect(api.settings()).toBe("s");
    expect(loads).toBe(1);
  });
});
