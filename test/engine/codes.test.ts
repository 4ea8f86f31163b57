/**
 * Issue, reason and metric identifiers are unions from const tables: a typo or a code
 * nothing emits fails the typecheck (the @ts-expect-error lines below fail `npm run
 * typecheck` if the union ever accepts them), and data-sanity words only real codes.
 */
import { describe, expect, it } from "vitest";
import type { IssueCode, UnknownReasonCode } from "../../src/engine/recognize";
import { RECOGNITION_ISSUE_CODES, UNKNOWN_REASON_CODES, VALUE_ISSUE_CODES } from "../../src/engine/recognize";
import type { MetricName } from "../../src/engine/report";
import { ISSUE_WORDING } from "../../src/engine/rules/sanity";
import { messages } from "../../src/engine/i18n";

describe("typed identifiers", () => {
  it("reject codes nothing emits and metrics without a label", () => {
    const ok: IssueCode[] = ["not-a-number", "negative", "duplicate-date"];
    // @ts-expect-error the old dead code of data-sanity is not an issue code
    const dead: IssueCode = "negative-number";
    // @ts-expect-error nor is a typo of a reason code
    const reason: UnknownReasonCode = "empty_sheet";
    // @ts-expect-error a metric needs a metric.<name> label in the catalogue
    const metric: MetricName = "units";
    expect([ok.length, dead, reason, metric]).toEqual([3, "negative-number", "empty_sheet", "units"]);
  });

  it("data-sanity words only codes that recognition or its value checks emit", () => {
    const emitted = new Set([...Object.keys(RECOGNITION_ISSUE_CODES), ...Object.keys(VALUE_ISSUE_CODES)]);
    expect(Object.keys(ISSUE_WORDING).filter((code) => !emitted.has(code))).toEqual([]);
  });

  it("every unknown-table reason code has its wording", () => {
    expect(UNKNOWN_REASON_CODES.filter((code) => !(`sanity.reason.${code}` in messages))).toEqual([]);
  });
});
