/**
 * The server functions Apps Script must see as globals (menu triggers and the sidebar's API),
 * with the metadata the build uses to write their top-level stubs.
 */
export interface ServerFunctionSpec {
  name: string;
  description: string;
  params: { name: string; type: string; description: string }[];
}

export const SERVER_FUNCTIONS: ServerFunctionSpec[] = [
  {
    name: "onOpen",
    description: "Adds the Shop Doctor menu when the spreadsheet opens (works in AuthMode.NONE).",
    params: [{ name: "e", type: "GoogleAppsScript.Events.SheetsOnOpen", description: "the open event" }],
  },
  {
    name: "onInstall",
    description: "Runs when the add-on is installed: adds the menu right away.",
    params: [{ name: "e", type: "GoogleAppsScript.Events.AddonOnInstall", description: "the install event" }],
  },
  {
    name: "showSidebar",
    description: "Opens the Shop Doctor sidebar.",
    params: [],
  },
  {
    name: "diagnoseShop",
    description:
      "Diagnoses every data sheet and rewrites the Shop Health report sheet; returns a summary for the sidebar.",
    params: [],
  },
  {
    name: "getSettings",
    description: "Returns the team's settings from the shared Settings sheet (defaults when it does not exist yet).",
    params: [],
  },
  {
    name: "saveSettings",
    description: "Validates the sidebar's settings form and writes it to the shared Settings sheet.",
    params: [{ name: "input", type: "Object", description: "setting key → value, as the sidebar form sends it" }],
  },
  {
    name: "openReport",
    description: "Activates the Shop Health report sheet.",
    params: [],
  },
  {
    name: "createCostsTab",
    description: "Adds an empty Costs tab (成本 / Costs) with headers and explanations, unless one exists.",
    params: [],
  },
  {
    name: "createEventsTab",
    description: "Adds an empty Events tab (活动 / 活動 / Events) with headers and explanations, unless one exists.",
    params: [],
  },
];
