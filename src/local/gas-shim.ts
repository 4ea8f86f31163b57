/**
 * The browser half of the local google.script.run bridge: a small script injected into
 * build/Sidebar.html (before the sidebar's own script) that stands in for the
 * `google.script.run` / `google.script.host` objects Apps Script provides inside a sidebar.
 * Each call is POSTed to the Node half (gas-bridge.ts), which runs it in the real build/Code.js.
 */

/** Where the shim POSTs calls; the Node half answers here. */
export const BRIDGE_RUN_PATH = "/__gas/run";

export interface GasShimOptions {
  /** The server function names google.script.run exposes (top-level, not ending in `_`). */
  functions: string[];
  /** Extra latency per call, so a preview or test can see in-flight states. */
  delayMs?: number;
}

/**
 * The shim's source, as a self-contained ES2019 script. It mirrors the real runner: chainable
 * withSuccessHandler / withFailureHandler / withUserObject that return a new runner, async
 * calls, plain-data arguments, a thrown server error arriving as an Error in the failure handler.
 */
export function gasShimScript(options: GasShimOptions): string {
  const config = JSON.stringify({ functions: options.functions, delayMs: options.delayMs ?? 0, path: BRIDGE_RUN_PATH });
  // `<` is escaped so a function name can never close the <script> element this lives in.
  const safeConfig = config.replace(/</g, "\\u003c");
  return `(function () {
  var config = ${safeConfig};
  function toPlain(value) {
    // google.script.run sends plain data only; JSON is close (Dates are refused below).
    return JSON.parse(JSON.stringify(value === undefined ? null : value));
  }
  function hasDate(value) {
    if (value instanceof Date) return true;
    if (value && typeof value === "object") {
      for (var key in value) if (Object.prototype.hasOwnProperty.call(value, key) && hasDate(value[key])) return true;
    }
    return false;
  }
  function makeRunner(success, failure, userObject) {
    var runner = {
      withSuccessHandler: function (fn) { return makeRunner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return makeRunner(success, fn, userObject); },
      withUserObject: function (obj) { return makeRunner(success, failure, obj); }
    };
    config.functions.forEach(function (name) {
      runner[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        function fail(error) {
          if (failure) failure(error, userObject);
          else setTimeout(function () { throw error; });
        }
        if (hasDate(args)) {
          fail(new Error("google.script.run cannot send a Date to " + name + "; send an ISO string instead"));
          return;
        }
        var body = JSON.stringify({ name: name, args: toPlain(args) });
        var started = Date.now();
        fetch(config.path, { method: "POST", headers: { "content-type": "application/json" }, body: body })
          .then(function (response) { return response.json(); })
          .then(function (answer) {
            var wait = Math.max(0, config.delayMs - (Date.now() - started));
            setTimeout(function () {
              if (answer.ok) { if (success) success(answer.value, userObject); }
              else {
                var error = new Error(answer.error.message);
                error.name = answer.error.name || "ScriptError";
                fail(error);
              }
            }, wait);
          })
          .catch(function (error) { fail(new Error("NetworkError: " + (error && error.message ? error.message : String(error)))); });
      };
    });
    return runner;
  }
  var google = (window.google = window.google || {});
  google.script = google.script || {};
  google.script.run = makeRunner(null, null, undefined);
  google.script.host = {
    origin: location.origin,
    close: function () { document.body.setAttribute("data-host-closed", "true"); },
    setHeight: function () {},
    setWidth: function () {},
    editor: { focus: function () {} }
  };
})();`;
}

/** Puts `<script>shim</script>` at the start of <head> (or of the document), before any other script. */
export function injectShim(html: string, shim: string): string {
  const tag = `<script>${shim.replace(/<\/script/gi, "<\\/script")}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}
