/** The add-on menu. Menu items only: onOpen may run in AuthMode.NONE (no reads, no properties). */

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem("诊断店铺 / Diagnose shop", "showSidebar").addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
