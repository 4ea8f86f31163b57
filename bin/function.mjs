// The HTTP function's module for functions-framework (package.json "main"): on Cloud Run
// functions the framework loads this file and finds the function registered as `shopDoctor`.
// It runs the TypeScript sources through tsx (a runtime dependency), so `--source .` needs no build.
import { register } from "tsx/esm/api";

register();
await import("../src/function/index.ts");
