/**
 * `npm run function [-- --port N]`: the HTTP function on 127.0.0.1 (port from --port, else
 * PORT, else 8081), until Ctrl-C.
 */
import { parseArgs } from "node:util";
import { startFunctionServer } from "./local";

// As on Cloud Run: Express then answers a malformed body without a stack trace.
process.env.NODE_ENV ??= "production";

const { values } = parseArgs({ options: { port: { type: "string" } }, strict: true });
const wanted = values.port ?? process.env.PORT ?? "8081";
const port = Number(wanted);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`shop-doctor function: --port ${wanted} is not a port number (0–65535).\n`);
  process.exit(2);
}
const server = await startFunctionServer(port);
process.stdout.write(
  `Shop Doctor function on ${server.url}\n` +
    `  curl -F file=@samples/sample-shop/店铺日报.csv "${server.url}/diagnose?format=markdown"\n` +
    "Stop it with Ctrl-C.\n",
);
process.on("SIGINT", () => void server.close().then(() => process.exit(0)));
