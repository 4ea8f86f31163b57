/**
 * Compile-time checks of the typed wrapper, run by `npm run typecheck` (never bundled: only
 * main.ts is the sidebar's entry). Each @ts-expect-error line must stay an error.
 */
import type { ApiResult, DiagnoseSummary, SettingsView } from "../gas/api";
import { run } from "./server";

export async function typedCalls(): Promise<void> {
  const summary: ApiResult<DiagnoseSummary> = await run("diagnoseShop");
  const saved: ApiResult<SettingsView> = await run("saveSettings", { peerDsr: 4.8 });
  void summary;
  void saved;
  // @ts-expect-error: no such server function
  await run("diagnoseShopp");
  // @ts-expect-error: saveSettings needs its settings argument
  await run("saveSettings");
  // @ts-expect-error: diagnoseShop takes no argument
  await run("diagnoseShop", 1);
  // @ts-expect-error: the result of getSettings is not a diagnosis
  const wrong: ApiResult<DiagnoseSummary> = await run("getSettings");
  void wrong;
}
