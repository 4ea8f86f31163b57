/**
 * The HTTP function's entry for functions-framework and Cloud Run functions: registers the
 * handler under the name `shopDoctor` (deploy with `--entry-point shopDoctor`).
 */
import * as functions from "@google-cloud/functions-framework";
import { shopDoctor } from "./handler";

export const ENTRY_POINT = "shopDoctor";

functions.http(ENTRY_POINT, (req, res) => shopDoctor(req, res));

export { shopDoctor };
