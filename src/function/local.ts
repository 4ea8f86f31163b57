/**
 * Serves the HTTP function on 127.0.0.1 through functions-framework's own Express server (the
 * one Cloud Run functions runs, from its testing entry: the framework's CLI would listen on every
 * interface). `npm run function`, the tests and the bench start it this way.
 */
import type { AddressInfo } from "node:net";
import { getTestServer } from "@google-cloud/functions-framework/testing";
import { ENTRY_POINT } from "./index";

export interface FunctionServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the function on 127.0.0.1:`port` (0 picks a free port). */
export function startFunctionServer(port: number): Promise<FunctionServer> {
  const server = getTestServer(ENTRY_POINT);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const bound = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${bound}`,
        port: bound,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
