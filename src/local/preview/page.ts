/**
 * The preview page: a spreadsheet-like area (formula bar, grid, tab bar at the bottom like
 * Sheets) and the real sidebar in an iframe beside it. The grid HTML comes from the server
 * already escaped (render-grid.ts); the page only ever sets user text with textContent.
 * Its script is client/preview-page.ts, bundled with esbuild and served as a file (the page's
 * Content-Security-Policy allows no inline script).
 */
import { escapeHtml, GRID_CSS } from "../render-grid";

/** Where the server serves the page's script. */
export const PREVIEW_SCRIPT_PATH = "/preview-page.js";

const PAGE_CSS = `
*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{display:flex;flex-direction:column;font:13px Arial,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#202124;background:#f9fbfd}
.pv-top{display:flex;align-items:center;gap:12px;padding:8px 12px;background:#fff;border-bottom:1px solid #dadce0}
.pv-title{font-size:16px;font-weight:bold;color:#188038;white-space:nowrap}
.pv-title small{font-weight:normal;color:#5f6368;font-size:12px;margin-left:6px}
.pv-button{border:1px solid #dadce0;background:#fff;border-radius:4px;padding:5px 10px;cursor:pointer;font:inherit}
.pv-button:hover{background:#f1f3f4}
.pv-button.pv-primary{background:#1a73e8;border-color:#1a73e8;color:#fff}
.pv-formula{display:flex;align-items:center;gap:6px;padding:4px 12px;background:#fff;border-bottom:1px solid #dadce0}
.pv-formula output{min-width:56px;color:#5f6368;border-right:1px solid #dadce0;padding-right:6px}
.pv-formula input{flex:1;border:0;font:inherit;padding:3px;outline:none}
.pv-main{flex:1;display:flex;min-height:0}
.pv-sheet{flex:1;display:flex;flex-direction:column;min-width:0}
.pv-grid{flex:1;overflow:auto;background:#fff}
.pv-grid td.pv-selected{outline:2px solid #1a73e8;outline-offset:-2px}
.pv-more{color:#5f6368;margin:8px}
.pv-tabs{display:flex;gap:2px;padding:0 8px;background:#f1f3f4;border-top:1px solid #dadce0;overflow-x:auto;min-height:34px;align-items:stretch}
.pv-tab{border:0;background:transparent;padding:7px 14px;cursor:pointer;font:inherit;color:#3c4043;white-space:nowrap}
.pv-tab[aria-selected=true]{background:#fff;color:#188038;font-weight:bold;box-shadow:inset 0 -3px 0 #188038}
.pv-side{width:320px;border-left:1px solid #dadce0;background:#fff;display:flex}
.pv-side iframe{border:0;width:100%;height:100%}
.pv-status{color:#5f6368;font-size:12px;margin-left:auto}
dialog{border:1px solid #dadce0;border-radius:8px;padding:16px;width:min(720px,92vw)}
dialog h2{margin:0 0 8px;font-size:16px}
dialog textarea{width:100%;height:220px;font:12px monospace}
dialog label{display:block;margin:8px 0 4px}
dialog .pv-row{display:flex;gap:8px;justify-content:flex-end;margin-top:12px}
.pv-error{color:#c5221f;white-space:pre-wrap;margin-top:8px}
`;

/**
 * The whole page. No user data is in it: tabs arrive from /api/workbook. `token` is the server's
 * per-start token the script sends with every POST; `uploadLimit` the largest file it takes ("15 MB").
 */
export function previewPage(token: string, uploadLimit: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="shop-doctor-token" content="${escapeHtml(token)}">
<title>店铺医生 Shop Doctor · 本地预览</title>
<style>${GRID_CSS}${PAGE_CSS}</style>
</head><body>
<div class="pv-top">
  <span class="pv-title">店铺医生 Shop Doctor<small>本地预览 · local preview</small></span>
  <button type="button" class="pv-button pv-primary" id="paste-open">粘贴导出数据 / Paste export…</button>
  <button type="button" class="pv-button" id="tab-open">工作表… / Tab…</button>
  <button type="button" class="pv-button" id="new-workbook">新建空白工作簿 / New empty workbook</button>
  <span class="pv-status" id="status" role="status"></span>
</div>
<div class="pv-formula"><output id="cell-name">A1</output><span>fx</span><input id="cell-input" aria-label="cell contents" placeholder="选中单元格后输入，回车确认；=PAY_CONVERSION(E2:E32, B2:B32)"></div>
<div class="pv-main">
  <section class="pv-sheet">
    <div class="pv-grid" id="grid" role="tabpanel"></div>
    <nav class="pv-tabs" id="tabs" role="tablist" aria-label="sheets"></nav>
  </section>
  <aside class="pv-side"><iframe id="sidebar" title="Shop Doctor sidebar" src="/sidebar"></iframe></aside>
</div>
<dialog id="paste-dialog">
  <h2>粘贴导出数据 / Paste an export as a new tab</h2>
  <label for="paste-name">新工作表名称 / Tab name</label>
  <input id="paste-name" placeholder="我的店铺数据">
  <label for="paste-text">从表格复制的单元格（制表符分隔）或 CSV 文本 / Cells copied from a spreadsheet, or CSV text</label>
  <textarea id="paste-text" spellcheck="false"></textarea>
  <label for="paste-file">或上传 CSV/TSV 文件（UTF-8、GBK、Big5 等）或 Excel .xlsx 工作簿，最大 ${uploadLimit} / or upload a CSV/TSV file or an .xlsx workbook (up to ${uploadLimit})</label>
  <input type="file" id="paste-file" accept=".csv,.tsv,.txt,.xlsx,.xls,text/csv,text/tab-separated-values">
  <div class="pv-error" id="paste-error" role="alert"></div>
  <div class="pv-row">
    <button type="button" class="pv-button" id="paste-cancel">取消 / Cancel</button>
    <button type="button" class="pv-button pv-primary" id="paste-add">添加为新工作表 / Add tab</button>
  </div>
</dialog>
<dialog id="tab-dialog">
  <h2>工作表 / Tab</h2>
  <label for="tab-name">名称 / Name</label>
  <input id="tab-name">
  <div class="pv-error" id="tab-error" role="alert"></div>
  <div class="pv-row">
    <button type="button" class="pv-button" id="tab-delete">删除此工作表 / Delete this tab</button>
    <button type="button" class="pv-button" id="tab-cancel">取消 / Cancel</button>
    <button type="button" class="pv-button pv-primary" id="tab-rename">重命名 / Rename</button>
  </div>
</dialog>
<dialog id="new-dialog">
  <h2>新建空白工作簿 / Start an empty workbook</h2>
  <p>示例店铺的全部工作表和设置将被移除，只留下一个空白工作表，方便单独诊断你自己的导出数据。<br>
  The sample shop's tabs and settings are removed and one empty tab is left, so your own export is diagnosed on its own.</p>
  <div class="pv-row">
    <button type="button" class="pv-button" id="new-cancel">取消 / Cancel</button>
    <button type="button" class="pv-button pv-primary" id="new-confirm">新建 / Start empty</button>
  </div>
</dialog>
<script src="${PREVIEW_SCRIPT_PATH}"></script>
</body></html>
`;
}
