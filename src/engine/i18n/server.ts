/** Strings the Apps Script side writes: the Settings sheet, and errors returned to the sidebar. */
export const serverMessages = {
  "server.settings.header.label": { "zh-CN": "设置项", "zh-TW": "設定項目", en: "Setting" },
  "server.settings.header.value": { "zh-CN": "值（可修改）", "zh-TW": "值（可修改）", en: "Value (edit me)" },
  "server.settings.header.help": { "zh-CN": "说明", "zh-TW": "說明", en: "What it does" },
  "server.settings.header.key": { "zh-CN": "程序用名（请勿改）", "zh-TW": "程式用名（請勿改）", en: "Key (do not edit)" },

  "server.field.bounceGood": { "zh-CN": "跳失率良好线", "zh-TW": "跳失率良好線", en: "Bounce rate: good up to" },
  "server.field.bounceBad": { "zh-CN": "跳失率警戒线", "zh-TW": "跳失率警戒線", en: "Bounce rate: bad above" },
  "server.field.depthGood": { "zh-CN": "访问深度良好线", "zh-TW": "訪問深度良好線", en: "Pages per visitor: good from" },
  "server.field.depthBad": { "zh-CN": "访问深度警戒线", "zh-TW": "訪問深度警戒線", en: "Pages per visitor: bad below" },
  "server.field.aovHeroRatio": { "zh-CN": "客单价 ÷ 主推商品客单价 下限", "zh-TW": "客單價 ÷ 主推商品客單價 下限", en: "Shop AOV ÷ hero AOV, at least" },

  "server.help.peerPayConversion": {
    "zh-CN": "生意参谋里同行同层的平均支付转化率。留空则不和同行比较。",
    "zh-TW": "生意參謀裡同行同層的平均支付轉化率。留空就不和同行比較。",
    en: "Average pay conversion of peer shops in your tier (from the platform's benchmark). Leave empty to skip the peer comparison.",
  },
  "server.help.peerVisitorValue": {
    "zh-CN": "同行每个访客带来的销售额，用来判断访客价值高低。",
    "zh-TW": "同行每位訪客帶來的銷售額，用來判斷訪客價值高低。",
    en: "Sales per visitor at peer shops; used to judge whether your visitors are worth what they cost.",
  },
  "server.help.peerDsr": {
    "zh-CN": "同行的 DSR 动态评分（1–5 分），三项评分会和它比较。",
    "zh-TW": "同行的 DSR 動態評分（1–5 分），三項評分會和它比較。",
    en: "Peer DSR score (1–5); your three DSR scores are compared with it.",
  },
  "server.help.monthlyTarget": {
    "zh-CN": "本月销售额目标。会按天拆分，检查昨天是否达标、本月进度是否跟上。",
    "zh-TW": "本月銷售額目標。會按天拆分，檢查昨天是否達標、本月進度是否跟上。",
    en: "This month's sales target. It is split into days to check yesterday and the month's pace.",
  },
  "server.help.heroProduct": {
    "zh-CN": "店里的主推款：填导出表中的商品名称或商品ID。全店客单价会和它的客单价比较。",
    "zh-TW": "店裡的主推款：填匯出表中的商品名稱或商品ID。全店客單價會和它的客單價比較。",
    en: "Your main product: its name or ID as in the export. Shop AOV is compared with its AOV.",
  },
  "server.help.grossMargin": {
    "zh-CN": "毛利率。用来算推广的保本投入产出比，以及访客是否赚钱。",
    "zh-TW": "毛利率。用來算推廣的保本投入產出比，以及訪客是否賺錢。",
    en: "Gross margin. Gives the break-even ad ROI and whether a paid visitor earns its cost.",
  },
  "server.help.language": {
    "zh-CN": "报告语言：zh-CN（简体）、zh-TW（繁體）或 en（English）。",
    "zh-TW": "報告語言：zh-CN（简体）、zh-TW（繁體）或 en（English）。",
    en: "Report language: zh-CN (Simplified Chinese), zh-TW (Traditional Chinese) or en (English).",
  },
  "server.help.bounceGood": {
    "zh-CN": "跳失率不高于此值算健康。",
    "zh-TW": "跳失率不高於此值算健康。",
    en: "A bounce rate at or below this is healthy.",
  },
  "server.help.bounceBad": {
    "zh-CN": "跳失率高于此值算差：先改页面，再买流量。",
    "zh-TW": "跳失率高於此值算差：先改頁面，再買流量。",
    en: "A bounce rate above this is bad: fix the pages before buying traffic.",
  },
  "server.help.depthGood": {
    "zh-CN": "人均浏览页数达到此值算健康。",
    "zh-TW": "人均瀏覽頁數達到此值算健康。",
    en: "Pages per visitor at or above this is healthy.",
  },
  "server.help.depthBad": {
    "zh-CN": "人均浏览页数低于此值算差：加强关联推荐。",
    "zh-TW": "人均瀏覽頁數低於此值算差：加強關聯推薦。",
    en: "Pages per visitor below this is bad: strengthen cross-links between products.",
  },
  "server.help.aovHeroRatio": {
    "zh-CN": "全店客单价至少应是主推商品客单价的这个倍数，否则搭配销售偏弱。",
    "zh-TW": "全店客單價至少應是主推商品客單價的這個倍數，否則搭配銷售偏弱。",
    en: "Shop AOV should be at least this multiple of the hero product's AOV; below it, cross-selling is weak.",
  },

  "server.expect.rate": {
    "zh-CN": "应填 0% 到 100% 之间的百分比，例如 3.5%",
    "zh-TW": "應填 0% 到 100% 之間的百分比，例如 3.5%",
    en: "expected a percentage between 0% and 100%, e.g. 3.5%",
  },
  "server.expect.positive": {
    "zh-CN": "应填大于 0 的数字，或留空",
    "zh-TW": "應填大於 0 的數字，或留空",
    en: "expected a number above 0, or empty",
  },
  "server.expect.dsr": { "zh-CN": "应填 1 到 5 之间的分数，例如 4.8", "zh-TW": "應填 1 到 5 之間的分數，例如 4.8", en: "expected a score from 1 to 5, e.g. 4.8" },
  "server.expect.text": { "zh-CN": "应填商品名称或商品ID（最多 200 字）", "zh-TW": "應填商品名稱或商品ID（最多 200 字）", en: "expected a product name or ID (at most 200 characters)" },
  "server.expect.language": { "zh-CN": "应填 zh-CN、zh-TW 或 en", "zh-TW": "應填 zh-CN、zh-TW 或 en", en: "expected zh-CN, zh-TW or en" },
  "server.expect.depth": { "zh-CN": "应填大于 0 的页数，例如 3.5", "zh-TW": "應填大於 0 的頁數，例如 3.5", en: "expected a number of pages above 0, e.g. 3.5" },
  "server.expect.ratio": { "zh-CN": "应填大于 0 的倍数，例如 1.3", "zh-TW": "應填大於 0 的倍數，例如 1.3", en: "expected a multiple above 0, e.g. 1.3" },
  "server.expect.bounceOrder": {
    "zh-CN": "跳失率警戒线要高于良好线",
    "zh-TW": "跳失率警戒線要高於良好線",
    en: "the bad bounce rate must be above the good one",
  },
  "server.expect.depthOrder": {
    "zh-CN": "访问深度良好线要高于警戒线",
    "zh-TW": "訪問深度良好線要高於警戒線",
    en: "the good pages-per-visitor line must be above the bad one",
  },
  "server.expect.notNumber": { "zh-CN": "“{value}”不是数字", "zh-TW": "「{value}」不是數字", en: "“{value}” is not a number" },

  "server.error.invalidSettings": {
    "zh-CN": "设置有误，诊断已停止，报告没有改动。请修改：{problems}",
    "zh-TW": "設定有誤，診斷已停止，報告沒有改動。請修改：{problems}",
    en: "The settings need a fix, so nothing was written. Please correct: {problems}",
  },
  "server.error.problem": { "zh-CN": "{cell}（{label}）{expected}", "zh-TW": "{cell}（{label}）{expected}", en: "{cell} ({label}): {expected}" },
  "server.error.problemSeparator": { "zh-CN": "；", "zh-TW": "；", en: "; " },
  "server.error.unexpected": {
    "zh-CN": "诊断中途出错，你的数据没有被修改。原因：{detail}",
    "zh-TW": "診斷中途出錯，你的資料沒有被修改。原因：{detail}",
    en: "The diagnosis stopped on an error; your data was not changed. Reason: {detail}",
  },
  "server.error.noReport": {
    "zh-CN": "还没有体检报告，请先点“诊断店铺”。",
    "zh-TW": "還沒有體檢報告，請先按「診斷店鋪」。",
    en: "There is no report yet; press “Diagnose shop” first.",
  },
  "server.error.nameTaken": {
    "zh-CN": "工作表「{sheet}」不是店铺医生建的，里面有你自己的内容，所以没有动它。请把它改个名字（比如「{sheet}-我的」），再点一次诊断。",
    "zh-TW": "工作表「{sheet}」不是店鋪醫生建立的，裡面有你自己的內容，所以沒有動它。請把它改個名稱（例如「{sheet}-我的」），再按一次診斷。",
    en: "The sheet “{sheet}” was not made by Shop Doctor and holds your own content, so it was left alone. Rename it (e.g. “{sheet} (mine)”) and diagnose again.",
  },
  "server.report.protection": {
    "zh-CN": "由店铺医生生成，下次诊断会整页重写；要记笔记请写在别的工作表。",
    "zh-TW": "由店鋪醫生產生，下次診斷會整頁重寫；要記筆記請寫在別的工作表。",
    en: "Generated by Shop Doctor and rewritten on every diagnosis; keep your own notes in another sheet.",
  },

  // --- added by B ---
  "server.field.currency": { "zh-CN": "币种", "zh-TW": "幣別", en: "Currency" },
  "server.help.currency": {
    "zh-CN": "报告用的币种代码（ISO 4217），例如 CNY、USD、INR。留空则按数据自动判断；数据里有多种币种时，只诊断这一种。",
    "zh-TW": "報告用的幣別代碼（ISO 4217），例如 CNY、USD、INR。留空則依資料自動判斷；資料裡有多種幣別時，只診斷這一種。",
    en: "Currency code for the report (ISO 4217), e.g. USD, INR, CNY. Leave empty to decide from the data; when the data holds several currencies, only this one is diagnosed.",
  },
  "server.expect.currency": {
    "zh-CN": "应填三个字母的币种代码，例如 CNY、USD、INR，或留空",
    "zh-TW": "應填三個字母的幣別代碼，例如 CNY、USD、INR，或留空",
    en: "expected a three-letter currency code such as USD, INR or CNY, or empty",
  },
  "server.expect.unknownKey": {
    "zh-CN": "没有名为“{key}”的设置项（请检查拼写）",
    "zh-TW": "沒有名為「{key}」的設定項目（請檢查拼寫）",
    en: "there is no setting called “{key}” (check the spelling)",
  },
  "server.expect.object": {
    "zh-CN": "设置应是一组“设置项: 值”",
    "zh-TW": "設定應是一組「設定項目: 值」",
    en: "expected settings as key: value pairs",
  },
};
