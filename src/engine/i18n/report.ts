/** Report strings: rule messages, actions, layout labels. */
export const reportMessages = {
  "report.title": { "zh-CN": "店铺体检报告", "zh-TW": "店鋪體檢報告", en: "Shop health report" },
  "report.sheetName": { "zh-CN": "店铺体检", "zh-TW": "店鋪體檢", en: "Shop Health" },
  "settings.sheetName": { "zh-CN": "设置", "zh-TW": "設定", en: "Settings" },
};
