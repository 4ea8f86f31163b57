/**
 * When a health score means something. A score over one or two areas says little: a Shopify
 * export where only data quality was judged would read "100, in good shape". So the score is
 * shown only when the judged findings (good/warn/bad, not ℹ) cover sales or conversion plus at
 * least two other areas; data quality judges the export, not the shop, and never counts.
 * Otherwise the report says why and which exports would make a score possible.
 *
 * Kept apart from score.ts (how the score is computed) so each can change on its own.
 */
import { translate } from "./i18n";
import { LANGUAGE_TABLE } from "./i18n/languages";
import { AREAS, type Area, type Finding, type ReportTable, type ScoreReason } from "./report";
import type { Language } from "./settings";
import type { TableKind } from "./tables";

/** Areas that must be judged (at least one) for a score. */
export const ANCHOR_AREAS: readonly Area[] = ["sales", "conversion"];
/** Judged areas besides the anchor needed for a score. */
export const OTHER_AREAS_NEEDED = 2;
/** Areas that never count towards the coverage (they judge the export, not the shop). */
export const UNCOUNTED_AREAS: readonly Area[] = ["data"];

/** Which export kinds feed which areas (what to suggest pasting). */
const KIND_AREAS: readonly [Exclude<TableKind, "unknown">, readonly Area[]][] = [
  ["shop-daily", ["sales", "conversion", "traffic", "reputation"]],
  ["products", ["products", "conversion", "aov"]],
  ["traffic-sources", ["traffic"]],
  ["ad-plans", ["ads"]],
  ["service-agents", ["service"]],
];

/** At most this many exports are suggested, so the sentence stays readable. */
const MAX_SUGGESTIONS = 3;

/** Judged (good/warn/bad) findings per area; every area is present, 0 when none. */
export function judgedByArea(findings: readonly Finding[]): Record<Area, number> {
  const judged = Object.fromEntries(AREAS.map((a) => [a, 0])) as Record<Area, number>;
  for (const f of findings) if (f.status !== "info") judged[f.area]++;
  return judged;
}

/** Whether judged findings cover enough areas for a score (see the module comment). */
export function coverageAllowsScore(judged: Record<Area, number>): boolean {
  const counted = AREAS.filter((a) => judged[a] > 0 && !UNCOUNTED_AREAS.includes(a));
  const anchor = counted.find((a) => ANCHOR_AREAS.includes(a));
  if (!anchor) return false;
  return counted.filter((a) => a !== anchor).length >= OTHER_AREAS_NEEDED;
}

/**
 * The exports that would widen the coverage: a shop-daily export first when neither sales nor
 * conversion was judged, then kinds not pasted yet that feed an area not judged yet.
 */
export function suggestedExports(
  judged: Record<Area, number>,
  tables: readonly Pick<ReportTable, "kind">[],
): Exclude<TableKind, "unknown">[] {
  const present = new Set(tables.map((t) => t.kind));
  const open = (a: Area) => judged[a] === 0;
  const out: Exclude<TableKind, "unknown">[] = [];
  if (ANCHOR_AREAS.every(open)) out.push("shop-daily");
  for (const [kind, areas] of KIND_AREAS) {
    if (out.includes(kind) || present.has(kind)) continue;
    if (areas.some((a) => open(a) && !UNCOUNTED_AREAS.includes(a))) out.push(kind);
  }
  return out.slice(0, MAX_SUGGESTIONS);
}

/**
 * The score as the report states it: `score` when the coverage allows it, else null with the
 * reason in the report language.
 */
export function gateScore(
  score: number | null,
  findings: readonly Finding[],
  tables: readonly Pick<ReportTable, "kind">[],
  language: Language,
): { score: number | null; reason: ScoreReason | null; judged: Record<Area, number> } {
  const judged = judgedByArea(findings);
  if (score !== null && coverageAllowsScore(judged)) return { score, reason: null, judged };
  const counted = AREAS.filter((a) => judged[a] > 0 && !UNCOUNTED_AREAS.includes(a));
  const suggestions = suggestedExports(judged, tables);
  const exports =
    suggestions.length > 0
      ? suggestions.map((k) => translate(language, `score.export.${k}`)).join(LANGUAGE_TABLE[language].clauseSeparator)
      : translate(language, "score.export.columns");
  const code: ScoreReason["code"] = counted.length === 0 ? "nothing-judged" : "too-few-areas";
  const message =
    code === "nothing-judged"
      ? translate(language, "score.reason.none", { exports })
      : translate(language, "score.reason.areas", {
          areas: counted.map((a) => areaName(language, a)).join(LANGUAGE_TABLE[language].listSeparator),
          exports,
        });
  return { score: null, reason: { code, areas: counted, suggest: suggestions, message }, judged };
}

/** An area's name inside a sentence (English names are capitalised as headings). */
function areaName(language: Language, area: Area): string {
  const name = translate(language, `area.${area}`);
  return LANGUAGE_TABLE[language].lowerCaseNamesInSentence ? name.toLowerCase() : name;
}
