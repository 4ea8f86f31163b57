/**
 * Two-row headers: a section row over a metric row, as TikTok Shop's product analytics
 * writes them (`All` over `GMV`, `Affiliate` over `Product impressions (LIVE)`). The two rows
 * become one header whose texts are `Section::Metric` (`All::GMV`). A section may be written
 * once over its first column (what a merged cell leaves after copy-paste) or repeated over
 * every column; a cell of the top row over a blank metric cell is a column name spanning both
 * rows (`Product ID`), and metric cells left of the first section keep their own names.
 *
 * `matchSection` reads such a text: a whole-shop section (`All`, `Total`, 全部…) or a grouping
 * label (`Traffic`, `Sales`) names the metric itself; a section that is one slice of the shop
 * (affiliate, LIVE, video, product card, shop tab) is not the shop's figure, so it is left out.
 */
import type { Cell } from "../cells";
import type { HeaderRow } from "./headers";
import { isHeaderRow, readHeaderRow } from "./headers";

/** Between the section and the metric in a merged header text. */
export const SECTION_SEPARATOR = "::";

function textOf(cell: Cell | undefined): string {
  return typeof cell === "string" ? cell.trim() : "";
}

/** The merged header texts of two rows, or null when the top row is not a section row over the second. */
function mergedTexts(upper: readonly Cell[], lower: readonly Cell[]): string[] | null {
  const width = Math.max(upper.length, lower.length);
  const out: string[] = new Array<string>(width).fill("");
  let section = "";
  let spans = 0;
  let sections = 0;
  for (let c = 0; c < width; c++) {
    const top = upper[c];
    if (top !== null && top !== undefined && top !== "" && typeof top !== "string") return null;
    const above = textOf(top);
    const metric = textOf(lower[c]);
    if (metric === "") {
      // A name spanning both rows; it ends any section to its left.
      out[c] = above;
      section = "";
      continue;
    }
    if (above !== "" && above !== metric) {
      if (above === section) spans++;
      else sections++;
      section = above;
    } else if (above === metric) {
      section = "";
    } else if (section !== "") spans++;
    out[c] = section === "" ? metric : `${section}${SECTION_SEPARATOR}${metric}`;
  }
  return sections >= 1 && spans >= 1 ? out : null;
}

function duplicateFields(header: HeaderRow): number {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const cell of header.cells) {
    if (!cell.match) continue;
    if (seen.has(cell.match.field)) duplicates++;
    seen.add(cell.match.field);
  }
  return duplicates;
}

/**
 * The header made of rows `r` (sections) and `r + 1` (metrics), indexed at the metric row, when
 * that reads better than the metric row alone: the metric row is no header by itself, repeats
 * a field the sections tell apart, or names fewer fields than the merged row.
 */
export function sectionedHeader(grid: readonly (readonly Cell[])[], r: number): HeaderRow | null {
  const upper = grid[r];
  const lower = grid[r + 1];
  if (!upper || !lower) return null;
  let topCells = 0;
  for (const cell of upper) if (typeof cell === "string" && cell.trim() !== "") topCells++;
  if (topCells === 0) return null;
  const texts = mergedTexts(upper, lower);
  if (texts === null) return null;
  const merged = readHeaderRow(texts, r + 1);
  if (!isHeaderRow(merged)) return null;
  const alone = readHeaderRow(lower, r + 1);
  const better =
    !isHeaderRow(alone) || duplicateFields(merged) < duplicateFields(alone) || merged.matched > alone.matched;
  return better ? merged : null;
}
