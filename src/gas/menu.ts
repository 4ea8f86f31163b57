/** The add-on menu and the sidebar opener. Menu items only: onOpen may run in AuthMode.NONE. */

const SIDEBAR_TITLE = "Shop Doctor 店铺医生";

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem("诊断店铺 / Diagnose shop", "showSidebar")
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(SIDEBAR_TITLE).setWidth(300);
  SpreadsheetApp.getUi().showSidebar(html);
}
