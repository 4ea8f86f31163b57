/**
 * Header normalisation: exports spell the same column many ways (full-width brackets,
 * traditional characters, en-dashes, trailing spaces, case). Everything is folded to one
 * lookup key before it meets the vocabulary, so the vocabulary lists each spelling once.
 */
import type { Cell } from "../cells";
import { formatIsoDate, isDate, stripInvisible } from "../cells";

/**
 * Traditional → simplified for the characters that occur in export headers and totals
 * labels. Pairs are written "traditional simplified"; only header vocabulary needs them.
 */
const TRADITIONAL_PAIRS =
  "統统計计訪访數数瀏浏覽览額额買买轉转換换單单價价時时長长頁页詳详來来劃划點点擊击現现費费總总" +
  "詢询諮咨評评預预號号筆笔訂订為为類类務务態态動动層层優优與与碼码貨货銷销產产業业稱称網网絡络" +
  "無无線线終终關关註注顧顾標标題题尋寻導导進进選选擇择車车廣广賣卖觸触實实際际戶户區区間间萬万" +
  "門门條条裝装連连帶带庫库倉仓後后體体創创變变較较匯汇贈赠應应參参錢钱費费減减發发貼贴職职員员" +
  "佔占級级細细據据態态滿满屬属歸归則则場场聯联構构離离顯显組组結结購购車车準准揚扬齊齐遞递" +
  "閱阅讀读險险撥拨稅税運运問问團团頭头寶宝貝贝賬账從从圖图視视頻频內内舊旧個个們们億亿鑽钻紅红續续" +
  "觀观開开載载淨净補补記记達达礎础調调錄录幣币鐘钟";

let traditionalMap: Map<string, string> | null = null;

function simplify(text: string): string {
  if (!traditionalMap) {
    traditionalMap = new Map();
    const chars = Array.from(TRADITIONAL_PAIRS);
    for (let i = 0; i + 1 < chars.length; i += 2) traditionalMap.set(chars[i], chars[i + 1]);
  }
  const map = traditionalMap;
  let changed = false;
  let out = "";
  for (const ch of text) {
    const s = map.get(ch);
    if (s !== undefined) changed = true;
    out += s ?? ch;
  }
  return changed ? out : text;
}

/** Any dash an export may use between parts of a header (en-dash, em-dash, minus…). */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * The lookup key of a header: no invisible characters (`访客数\u200b` is 访客数), NFKC
 * (full-width → half-width), lower case, simplified characters, one kind of dash, no
 * whitespace at all (no-break spaces included). `人均停留时长（秒） ` → `人均停留时长(秒)`.
 */
export function headerKey(text: string): string {
  return simplify(stripInvisible(text).normalize("NFKC").toLowerCase())
    .replace(DASHES, "-")
    .replace(/[\s\u00a0\u3000\ufeff]+/g, "")
    .replace(/[：]/g, ":");
}

/** The key with bracketed notes removed: `人均浏览量(访问深度)` → `人均浏览量`; null when nothing was removed. */
export function keyWithoutNotes(key: string): string | null {
  const stripped = key.replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|<[^<>]*>/g, "");
  return stripped !== key && stripped !== "" ? stripped : null;
}

/** Header cell as text, whatever Sheets handed over (a number header stays a number's text). */
export function headerText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.trim();
  if (isDate(cell)) return formatIsoDate(cell);
  return String(cell);
}
