/**
 * Renders a ReportGrid (or any sheet-like grid) as an HTML table with the sheet's layout:
 * values shown through their number formats, backgrounds, font colours and weights,
 * merges, column widths and notes (as hover titles). Used by the CLI's `--out` page and
 * the local preview, so both look like the report sheet. Pure string building; every
 * piece of text is escaped.
 */
import { columnLetter } from "../engine/recognize/issues";
import type { ChartSpec, ReportGrid } from "../engine/report";
import { WATERFALL_COLOURS, WATERFALL_SERIES } from "../engine/waterfall";

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Groups the integer digits in threes: 1234567 → 1,234,567. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Formats one number with one format section such as `0.00%`, `"¥"#,##0.00`, `#,##0`. */
function formatSection(value: number, section: string): string {
  // Quoted literals and backslash-escaped characters are copied as they are.
  const parts: { literal: boolean; text: string }[] = [];
  const re = /"([^"]*)"|\\(.)|([^"\\]+)/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(section))) {
    if (match[1] !== undefined) parts.push({ literal: true, text: match[1] });
    else if (match[2] !== undefined) parts.push({ literal: true, text: match[2] });
    else parts.push({ literal: false, text: match[3] });
  }
  const code = parts
    .filter((p) => !p.literal)
    .map((p) => p.text)
    .join("");
  const numberPattern = /[#0?][#0?,]*(\.[0#?]*)?/.exec(code);
  if (!numberPattern) return parts.map((p) => p.text).join("");
  const percent = code.includes("%");
  const decimals = numberPattern[1] ? numberPattern[1].replace(/[^0#?]/g, "").length : 0;
  const minDecimals = numberPattern[1] ? numberPattern[1].replace(/[^0]/g, "").length : 0;
  const grouping = numberPattern[0].split(".")[0].includes(",");
  const scaled = Math.abs(percent ? value * 100 : value);
  let text = scaled.toFixed(decimals);
  if (decimals > minDecimals) text = text.replace(new RegExp(`0{1,${decimals - minDecimals}}$`), "").replace(/\.$/, "");
  const [whole, fraction] = text.split(".");
  let integer = whole;
  if (grouping) integer = groupThousands(integer);
  const numberText = fraction !== undefined ? `${integer}.${fraction}` : integer;
  // Rebuild the section: literals around the number pattern stay in place.
  let out = "";
  let placed = false;
  for (const part of parts) {
    if (part.literal) {
      out += part.text;
      continue;
    }
    const local = /[#0?][#0?,]*(\.[0#?]*)?/.exec(part.text);
    if (local && !placed) {
      out += part.text.slice(0, local.index) + numberText + part.text.slice(local.index + local[0].length);
      placed = true;
    } else {
      out += part.text;
    }
  }
  return out;
}

/**
 * Shows a cell value the way Sheets would under a number format (`0.00%`, `"¥"#,##0.00`,
 * `#,##0`, `0.0`, `@`, "" / General). Text is shown unchanged.
 */
export function formatCellValue(value: string | number | boolean | null | undefined, numberFormat = ""): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  const fmt = numberFormat.trim();
  if (fmt === "" || /^general$/i.test(fmt) || fmt === "@") {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  }
  const sections = fmt.split(";");
  if (value < 0 && sections.length > 1) return formatSection(-value, sections[1]);
  if (value === 0 && sections.length > 2) return formatSection(0, sections[2]);
  // One section: the minus sign goes in front of everything, unless the value rounds to zero.
  const text = formatSection(Math.abs(value), sections[0]);
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/** The minimal grid shape the renderer needs; a ReportGrid fits it, so does a data tab. */
export type RenderableGrid = Pick<ReportGrid, "values"> &
  Partial<Omit<ReportGrid, "values" | "sheetName" | "charts">> & { sheetName?: string };

export interface RenderGridOptions {
  /** Adds A, B, C… column letters and 1, 2, 3… row numbers, like a spreadsheet. */
  headings?: boolean;
  /** Extra class on the <table>. */
  className?: string;
}

/** A, B, …, Z, AA, AB … for a 1-based column (the engine's, so issues and grids agree). */
export { columnLetter };

const CSS_COLOR = /^#[0-9a-f]{3,8}$/i;

/** Renders the grid as one `<table>`; the page around it supplies the stylesheet from GRID_CSS. */
export function renderGridTable(grid: RenderableGrid, options: RenderGridOptions = {}): string {
  const rows = grid.values.length;
  const columns = grid.values.reduce((max, row) => Math.max(max, row.length), 0);
  // Merged areas: the top-left cell spans, the others are skipped.
  const covered = new Set<string>();
  const spans = new Map<string, { rowspan: number; colspan: number }>();
  for (const m of grid.merges ?? []) {
    spans.set(`${m.row - 1}:${m.column - 1}`, { rowspan: m.numRows, colspan: m.numColumns });
    for (let r = 0; r < m.numRows; r++) {
      for (let c = 0; c < m.numColumns; c++) if (r || c) covered.add(`${m.row - 1 + r}:${m.column - 1 + c}`);
    }
  }
  const frozen = grid.frozenRows ?? 0;
  const out: string[] = [];
  // With a width for every column the layout is fixed like the sheet's; otherwise it fits the text.
  const widths = Array.from({ length: columns }, (_, c) => grid.columnWidths?.[c] ?? 0);
  const fixed = columns > 0 && widths.every((w) => w > 0);
  const tableWidth = widths.reduce((sum, w) => sum + w, options.headings ? 40 : 0);
  const classes = ["sd-grid", fixed ? "sd-fixed" : "", options.className ? escapeHtml(options.className) : ""].filter(
    Boolean,
  );
  out.push(`<table class="${classes.join(" ")}"${fixed ? ` style="width:${Math.round(tableWidth)}px"` : ""}>`);
  out.push("<colgroup>");
  if (options.headings) out.push('<col style="width:40px">');
  for (let c = 0; c < columns; c++) {
    const width = grid.columnWidths?.[c];
    out.push(width && width > 0 ? `<col style="width:${Math.round(width)}px">` : "<col>");
  }
  out.push("</colgroup>");
  if (options.headings) {
    out.push('<thead><tr><th class="sd-corner"></th>');
    for (let c = 1; c <= columns; c++) out.push(`<th class="sd-colhead">${columnLetter(c)}</th>`);
    out.push("</tr></thead>");
  }
  out.push("<tbody>");
  for (let r = 0; r < rows; r++) {
    out.push(r < frozen ? '<tr class="sd-frozen">' : "<tr>");
    if (options.headings) out.push(`<th class="sd-rowhead">${r + 1}</th>`);
    for (let c = 0; c < columns; c++) {
      const key = `${r}:${c}`;
      if (covered.has(key)) continue;
      const value = grid.values[r]?.[c] ?? null;
      const format = grid.numberFormats?.[r]?.[c] ?? "";
      const style: string[] = [];
      const background = grid.backgrounds?.[r]?.[c];
      if (background && CSS_COLOR.test(background) && background.toLowerCase() !== "#ffffff")
        style.push(`background:${background}`);
      const color = grid.fontColors?.[r]?.[c];
      if (color && CSS_COLOR.test(color) && color.toLowerCase() !== "#000000") style.push(`color:${color}`);
      if (grid.fontWeights?.[r]?.[c] === "bold") style.push("font-weight:bold");
      const attrs: string[] = [`data-cell="${columnLetter(c + 1)}${r + 1}"`];
      const span = spans.get(key);
      if (span && span.rowspan > 1) attrs.push(`rowspan="${span.rowspan}"`);
      if (span && span.colspan > 1) attrs.push(`colspan="${span.colspan}"`);
      const classes: string[] = [];
      if (typeof value === "number") classes.push("sd-num");
      // Wrapped text breaks into lines inside its column (the row grows), as in the sheet.
      if (grid.wraps?.[r]?.[c]) classes.push("sd-wrap");
      const note = grid.notes?.[r]?.[c] ?? "";
      if (note) {
        classes.push("sd-note");
        attrs.push(`title="${escapeHtml(note)}"`);
      }
      if (classes.length) attrs.push(`class="${classes.join(" ")}"`);
      if (style.length) attrs.push(`style="${style.join(";")}"`);
      out.push(`<td ${attrs.join(" ")}>${escapeHtml(formatCellValue(value, format))}</td>`);
    }
    out.push("</tr>");
  }
  out.push("</tbody></table>");
  return out.join("");
}

/** The stylesheet for renderGridTable's output: a light spreadsheet look. */
export const GRID_CSS = `
.sd-grid.sd-fixed{table-layout:fixed}
.sd-grid{border-collapse:collapse;font:13px/1.35 Arial,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;background:#fff}
.sd-grid td,.sd-grid th{height:21px;border:1px solid #e2e3e3;padding:3px 6px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;vertical-align:bottom}
.sd-grid td.sd-num{text-align:right}
.sd-grid td.sd-wrap{white-space:pre-wrap;overflow-wrap:anywhere;text-overflow:clip}
.sd-grid td.sd-note{position:relative}
.sd-grid td.sd-note::after{content:"";position:absolute;top:0;right:0;border-style:solid;border-width:0 6px 6px 0;border-color:transparent #f29900 transparent transparent}
.sd-grid th{background:#f8f9fa;color:#5f6368;font-weight:normal;text-align:center}
.sd-grid tr.sd-frozen td{border-bottom-color:#bdc1c6}
.sd-funnel{margin:16px 0;padding:12px 16px;max-width:640px;background:#fff;border:1px solid #dadce0;border-radius:6px;font:13px Arial,"Noto Sans CJK SC","PingFang SC",sans-serif}
.sd-funnel figcaption{font-weight:bold;margin-bottom:8px}
.sd-step{display:grid;grid-template-columns:90px 1fr 150px;align-items:center;gap:8px;margin:4px 0}
.sd-bar{display:block;height:16px;background:#4285f4;border-radius:2px}
.sd-count{text-align:right}
.sd-rate{color:#5f6368;margin-left:6px}
.sd-chart{margin:16px 0;padding:12px 16px;max-width:640px;background:#fff;border:1px solid #dadce0;border-radius:6px;font:13px Arial,"Noto Sans CJK SC","PingFang SC",sans-serif}
.sd-chart figcaption{font-weight:bold;margin-bottom:8px}
.sd-chart svg{display:block;width:100%;height:auto;font:11px Arial,"Noto Sans CJK SC","PingFang SC",sans-serif;fill:#5f6368}
`;

/** A chart's cells read as a table: the labels (first column) and each series (further columns). */
export interface ChartData {
  labels: string[];
  series: { name: string; values: (number | null)[]; format: string }[];
}

/** Reads a chart's source cells: first row the series names, first column the labels; text in a series is a gap. */
export function chartData(grid: RenderableGrid, spec: ChartSpec): ChartData {
  const columns: { values: (string | number | null)[]; formats: string[] }[] = [];
  for (const r of spec.ranges) {
    for (let c = r.column; c < r.column + r.numColumns; c++) {
      const values: (string | number | null)[] = [];
      const formats: string[] = [];
      for (let row = r.row; row < r.row + r.numRows; row++) {
        values.push(grid.values[row - 1]?.[c - 1] ?? null);
        formats.push(grid.numberFormats?.[row - 1]?.[c - 1] ?? "");
      }
      columns.push({ values, formats });
    }
  }
  if (columns.length < 2) return { labels: [], series: [] };
  const [first, ...rest] = columns;
  const labels = first.values.slice(1).map((v, i) => formatCellValue(v, first.formats[i + 1]));
  const series = rest.map((col) => ({
    name: String(col.values[0] ?? ""),
    values: col.values.slice(1).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null)),
    format: col.formats.slice(1).find((f) => f !== "" && f !== "@") ?? "",
  }));
  return { labels, series };
}

/**
 * The funnel chart (visitors → detail-page visitors → ordering → paying buyers) as plain HTML
 * bars read from the chart's source cells, with each step's conversion.
 */
function renderFunnel(data: ChartData, title: string): string {
  const counts = data.series[0]?.values ?? [];
  const steps: { label: string; count: number }[] = [];
  data.labels.forEach((label, i) => {
    const count = counts[i];
    if (count !== null && count !== undefined && count >= 0) steps.push({ label, count });
  });
  if (steps.length === 0) return "";
  const max = Math.max(...steps.map((s) => s.count), 1);
  const bars = steps.map((step, i) => {
    const width = Math.max(0.5, (step.count / max) * 100);
    const previous = i > 0 ? steps[i - 1].count : 0;
    const rate =
      i > 0 && previous > 0
        ? ` <span class="sd-rate">${escapeHtml(formatCellValue(step.count / previous, "0.0%"))}</span>`
        : "";
    return (
      `<div class="sd-step"><span class="sd-label">${escapeHtml(step.label)}</span>` +
      `<span class="sd-bar" style="width:${width.toFixed(2)}%"></span>` +
      `<span class="sd-count">${escapeHtml(formatCellValue(step.count, "#,##0"))}${rate}</span></div>`
    );
  });
  return `<figure class="sd-funnel"><figcaption>${escapeHtml(title)}</figcaption>${bars.join("")}</figure>`;
}

const SVG = { width: 640, height: 260, left: 56, right: 16, top: 16, bottom: 44 } as const;
const SERIES_COLOURS = ["#4285f4", "#ea4335", "#fbbc04", "#34a853"];

/** The value axis: from 0 (or the lowest value, if below 0) to the highest, never a zero span. */
function valueAxis(data: ChartData): { min: number; max: number } {
  const all = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const min = Math.min(0, ...all);
  const max = Math.max(0, ...all);
  return max > min ? { min, max } : { min, max: min + 1 };
}

/** Gridlines with their values, and the category labels (thinned to about a dozen). */
function svgAxes(
  data: ChartData,
  y: (v: number) => number,
  x: (i: number) => number,
  axis: { min: number; max: number },
): string {
  const out: string[] = [];
  const format = data.series[0]?.format ?? "";
  for (let k = 0; k <= 4; k++) {
    const v = axis.min + ((axis.max - axis.min) * k) / 4;
    const py = y(v).toFixed(1);
    out.push(`<line x1="${SVG.left}" x2="${SVG.width - SVG.right}" y1="${py}" y2="${py}" stroke="#e0e0e0"/>`);
    out.push(
      `<text x="${SVG.left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${escapeHtml(formatCellValue(v, format))}</text>`,
    );
  }
  const step = Math.max(1, Math.ceil(data.labels.length / 12));
  data.labels.forEach((label, i) => {
    if (i % step !== 0 && i !== data.labels.length - 1) return;
    out.push(
      `<text x="${x(i).toFixed(1)}" y="${SVG.height - SVG.bottom + 16}" text-anchor="middle">${escapeHtml(label)}</text>`,
    );
  });
  return out.join("");
}

/** A line or column chart as inline SVG: no script, no external asset; every label escaped. */
function renderSvgChart(data: ChartData, spec: ChartSpec): string {
  if (data.labels.length === 0 || data.series.every((s) => s.values.every((v) => v === null))) return "";
  const axis = valueAxis(data);
  const plotW = SVG.width - SVG.left - SVG.right;
  const plotH = SVG.height - SVG.top - SVG.bottom;
  const slot = plotW / data.labels.length;
  const x = (i: number) => SVG.left + slot * (i + 0.5);
  const y = (v: number) => SVG.top + plotH - ((v - axis.min) / (axis.max - axis.min)) * plotH;
  const marks = data.series.map((s, n) => {
    const colour = SERIES_COLOURS[n % SERIES_COLOURS.length];
    const tip = (i: number, v: number) =>
      `<title>${escapeHtml(`${data.labels[i]} · ${s.name}: ${formatCellValue(v, s.format)}`)}</title>`;
    if (spec.kind === "column") {
      const w = (slot * 0.7) / data.series.length;
      return s.values
        .map((v, i) => {
          if (v === null) return "";
          const top = Math.min(y(v), y(0));
          const left = x(i) - (slot * 0.7) / 2 + n * w;
          return `<rect class="sd-col" x="${left.toFixed(1)}" y="${top.toFixed(1)}" width="${w.toFixed(1)}" height="${Math.abs(y(v) - y(0)).toFixed(1)}" fill="${colour}">${tip(i, v)}</rect>`;
        })
        .join("");
    }
    // A missing point breaks the line rather than joining its neighbours across it.
    const runs: string[][] = [[]];
    s.values.forEach((v, i) => {
      if (v === null) runs.push([]);
      else runs[runs.length - 1].push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    });
    const lines = runs
      .filter((r) => r.length > 1)
      .map((r) => `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${r.join(" ")}"/>`);
    const dots = s.values.map((v, i) =>
      v === null
        ? ""
        : `<circle class="sd-point" cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${colour}">${tip(i, v)}</circle>`,
    );
    return lines.join("") + dots.join("");
  });
  const label = escapeHtml(spec.title);
  return (
    `<figure class="sd-chart" data-kind="${spec.kind}"><figcaption>${label}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SVG.width} ${SVG.height}" role="img" aria-label="${label}">` +
    svgAxes(data, y, x, axis) +
    marks.join("") +
    "</svg></figure>"
  );
}

/** A round gridline step for about `parts` steps over `span`: 1, 2 or 5 × a power of ten. */
function niceStep(span: number, parts: number): number {
  const raw = span / parts;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** One floating bar of the waterfall, read back from its stacked source cells. */
export interface WaterfallStep {
  label: string;
  /** The visible bar's lower and upper ends (the base is not drawn). */
  lo: number;
  hi: number;
  /** Green (sales, profit) or red (a cost, a loss). */
  gain: boolean;
  /** The step's signed amount: + for a gain, − for a cost or a loss. */
  amount: number;
  /** The running total after the step, where the next bar starts. */
  end: number;
}

/**
 * The waterfall's steps from its source cells (WATERFALL_SERIES order): stacked as a chart
 * stacks them, positives up from 0 and negatives down from 0, so a positive base lifts the bar
 * above it and a negative base hangs it below. A blank cell is 0.
 */
export function waterfallSteps(data: ChartData): WaterfallStep[] {
  if (data.series.length !== WATERFALL_SERIES.length) return [];
  return data.labels.map((label, i) => {
    const [base, gainAbove, gainBelow, lossAbove, lossBelow] = data.series.map((s) => s.values[i] ?? 0);
    const above = gainAbove + lossAbove;
    const below = gainBelow + lossBelow;
    const up = Math.max(base, 0);
    const down = Math.min(base, 0);
    const lo = below < 0 ? down + below : above > 0 ? up : base;
    const hi = above > 0 ? up + above : below < 0 ? down : base;
    const gain = !(lossAbove !== 0 || lossBelow !== 0);
    const size = above - below;
    return { label, lo, hi, gain, amount: (gain ? size : -size) + 0, end: gain ? hi : lo };
  });
}

/** Splits a label too wide for its slot into two lines at the space nearest its middle. */
function labelLines(label: string, slot: number): string[] {
  if (label.length * 6 <= slot * 0.9) return [label];
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index ?? 0);
  if (spaces.length === 0) return [label];
  const cut = spaces.reduce((a, b) => (Math.abs(b - label.length / 2) < Math.abs(a - label.length / 2) ? b : a));
  return [label.slice(0, cut), label.slice(cut + 1)];
}

/**
 * The waterfall as inline SVG: one floating bar per step (green sales and profit, red costs
 * and loss), its signed amount beside it, dashed connectors at each running total, and the
 * 0 line drawn darker so a loss reads as below it.
 */
function renderWaterfall(data: ChartData, spec: ChartSpec): string {
  const steps = waterfallSteps(data);
  if (steps.length === 0) return "";
  const format = data.series.find((s) => s.format !== "")?.format ?? "";
  const axisFormat = format.replace(/\.0+/g, "");
  const low = Math.min(0, ...steps.map((s) => s.lo));
  const high = Math.max(0, ...steps.map((s) => s.hi));
  const span = high > low ? high - low : 1;
  // About six gridlines, and headroom (8 % of the span) for the amounts above the highest bar and below the lowest.
  const step = niceStep(span, 6);
  const axis = {
    min: low < 0 ? Math.floor((low - span * 0.08) / step) * step : 0,
    max: Math.ceil((high + span * 0.08) / step) * step,
  };
  const plotW = SVG.width - SVG.left - SVG.right;
  const plotH = SVG.height - SVG.top - SVG.bottom;
  const slot = plotW / steps.length;
  const x = (i: number) => SVG.left + slot * (i + 0.5);
  const y = (v: number) => SVG.top + plotH - ((v - axis.min) / (axis.max - axis.min)) * plotH;
  const out: string[] = [];
  const ticks = Math.round((axis.max - axis.min) / step);
  for (let k = 0; k <= ticks; k++) {
    const v = axis.min + k * step;
    const py = y(v).toFixed(1);
    out.push(`<line x1="${SVG.left}" x2="${SVG.width - SVG.right}" y1="${py}" y2="${py}" stroke="#e0e0e0"/>`);
    out.push(
      `<text x="${SVG.left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${escapeHtml(formatCellValue(v + 0, axisFormat))}</text>`,
    );
  }
  const zero = y(0).toFixed(1);
  out.push(
    `<line class="sd-zero" x1="${SVG.left}" x2="${SVG.width - SVG.right}" y1="${zero}" y2="${zero}" stroke="#5f6368"/>`,
  );
  const barW = slot * 0.6;
  steps.forEach((s, i) => {
    const left = x(i) - barW / 2;
    const colour = s.gain ? WATERFALL_COLOURS.gainAbove : WATERFALL_COLOURS.lossAbove;
    const amount = formatCellValue(s.amount, format);
    out.push(
      `<rect class="sd-waterfall" x="${left.toFixed(1)}" y="${y(s.hi).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(s.lo) - y(s.hi)).toFixed(1)}" fill="${colour}">` +
        `<title>${escapeHtml(`${s.label}: ${amount}`)}</title></rect>`,
    );
    // The amount sits above a bar that reaches above 0, under one that stays below.
    const above = s.hi > 0 || s.lo >= 0;
    const ly = above ? y(s.hi) - 5 : y(s.lo) + 13;
    out.push(
      `<text class="sd-amount" x="${x(i).toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="middle" fill="#202124">${escapeHtml(amount)}</text>`,
    );
    if (i < steps.length - 1) {
      const cy = y(s.end).toFixed(1);
      out.push(
        `<line class="sd-connector" x1="${(left + barW).toFixed(1)}" x2="${(x(i + 1) - barW / 2).toFixed(1)}" y1="${cy}" y2="${cy}" stroke="#9aa0a6" stroke-dasharray="3 2"/>`,
      );
    }
    const lines = labelLines(s.label, slot);
    const top = SVG.height - SVG.bottom + 16;
    out.push(
      `<text x="${x(i).toFixed(1)}" y="${top}" text-anchor="middle">` +
        lines
          .map((line, n) => `<tspan x="${x(i).toFixed(1)}" dy="${n === 0 ? 0 : 13}">${escapeHtml(line)}</tspan>`)
          .join("") +
        "</text>",
    );
  });
  const label = escapeHtml(spec.title);
  return (
    `<figure class="sd-chart" data-kind="${spec.kind}"><figcaption>${label}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SVG.width} ${SVG.height}" role="img" aria-label="${label}">` +
    out.join("") +
    "</svg></figure>"
  );
}

/** One chart of the report, drawn from its source cells in the grid. */
export function renderChart(grid: RenderableGrid, spec: ChartSpec): string {
  const data = chartData(grid, spec);
  if (spec.kind === "funnel") return renderFunnel(data, spec.title);
  if (spec.kind === "waterfall") return renderWaterfall(data, spec);
  return renderSvgChart(data, spec);
}

/** Every chart of the grid, in order. */
export function renderCharts(grid: RenderableGrid & { charts?: readonly ChartSpec[] }): string {
  return (grid.charts ?? []).map((spec) => renderChart(grid, spec)).join("");
}

/** A complete, self-contained HTML page showing one grid (the CLI's `--out`). */
export function renderGridPage(
  grid: RenderableGrid & { charts?: readonly ChartSpec[] },
  title: string,
  lang = "zh-CN",
): string {
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>body{margin:16px;background:#f1f3f4}${GRID_CSS}</style>`,
    "</head><body>",
    renderGridTable(grid),
    renderCharts(grid),
    "</body></html>",
    "",
  ].join("\n");
}
