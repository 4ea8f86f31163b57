/**
 * A rule is one declaration: its id, report area, the tables and fields it reads, its named
 * thresholds and caps (value, unit, meaning, and the setting that overrides it), the message
 * keys it words findings with, and the code that finds. RULE_IDS, the rule table and the
 * rules section of docs/SCORING.md are all derived from the declarations in rules/index.ts.
 */
import type { MessageKey } from "../i18n";
import type { Area } from "../report";
import type { SettingKey } from "../settings";
import type { FieldName, TableKind } from "../tables";
import type { Draft, RuleContext } from "./context";

/** What a threshold's number counts: the unit docs/SCORING.md prints it in. */
export type ThresholdUnit =
  /** A fraction shown as a percentage (0.1 = 10 %). */
  | "share"
  /** A multiple of a benchmark (1.2 = 1.2 ×). */
  | "multiple"
  /** An amount in the shop's currency. */
  | "money"
  | "visitors"
  /** Pages per visitor. */
  | "pages"
  | "days"
  | "products"
  /** Findings (or list entries) shown before the rest are summarised. */
  | "findings"
  | "cells"
  /** A DSR score difference (points on the 1–5 scale). */
  | "points"
  /** Live broadcasts of one room. */
  | "sessions"
  /** Orders or reviews an item has (the denominator of a rate). */
  | "orders or reviews";

/** A named boundary or cap of a rule. */
export interface Threshold {
  /** The value the rule uses; for a threshold the team sets, its default (read from the settings). */
  readonly value: number | null;
  readonly unit: ThresholdUnit;
  /** One line: what crossing it means. */
  readonly meaning: string;
  /** The Settings key that overrides it per team, when the team may. */
  readonly setting?: SettingKey;
}

/** A fixed threshold (the team cannot change it). */
export function fixed(value: number, unit: ThresholdUnit, meaning: string): Threshold & { readonly value: number } {
  return { value, unit, meaning };
}

/** A threshold the team sets in the Settings sheet; its default lives with the settings. */
export function fromSetting(setting: SettingKey, unit: ThresholdUnit, meaning: string): Threshold {
  return { value: null, unit, meaning, setting };
}

export interface RuleSpec<Id extends string> {
  readonly id: Id;
  readonly area: Area;
  /** The table kinds and fields the rule reads (any one kind is enough; fields are what it looks at). */
  readonly needs: { readonly kinds: readonly TableKind[]; readonly fields: readonly FieldName[] };
  /** One line for docs/SCORING.md: when it is ✔, ▲, ✖. `{name}` shows threshold `name` in its unit. */
  readonly summary: string;
  readonly thresholds: Readonly<Record<string, Threshold>>;
  /** Every message key the rule words findings with (templated keys are listed expanded). */
  readonly messages: readonly MessageKey[];
  run(ctx: RuleContext): Draft[];
}

/**
 * A declared rule. Without a type argument its id is any string: the rule files cannot name
 * RuleId themselves (it is derived from them), and only the declared list ever runs.
 */
export type Rule<Id extends string = string> = RuleSpec<Id>;

/** Declares a rule; the id's literal type is kept so RuleId is derived from the declarations. */
export function defineRule<const Id extends string>(spec: RuleSpec<Id>): Rule<Id> {
  return spec;
}
