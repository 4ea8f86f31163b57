/**
 * The morning brief in the team's chat: one function for the CLI's `--notify` and the HTTP
 * function's `notify` option. See send.ts for what it does and README.md ("--notify") for use.
 */
export { sendBrief, type SendBriefOptions, type SendBriefResult } from "./send";
export { PLATFORMS, type Platform } from "./platforms";
export { LOOPBACK_SWITCH } from "./url";
