/**
 * The bundle entry. Exposes exactly what the top-level stubs in build/Code.js call:
 * `customFunctions` (from the registry) and `server` (menu + sidebar API).
 */
import { CUSTOM_FUNCTIONS } from "./functions/registry";
import { onInstall, onOpen, showSidebar } from "./gas/menu";

export const customFunctions: Record<string, (...args: unknown[]) => unknown> = {};
for (const fn of CUSTOM_FUNCTIONS) customFunctions[fn.name] = fn.impl;

export const server = { onOpen, onInstall, showSidebar };
