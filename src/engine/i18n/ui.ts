/** Sidebar strings. */
export const uiMessages = {
  "ui.diagnose": { "zh-CN": "诊断店铺", "zh-TW": "診斷店鋪", en: "Diagnose shop" },
};
