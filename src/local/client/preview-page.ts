/**
 * The preview page's script (bundled by ../bundle-client.ts into page.ts's HTML). Talks to the
 * server's /api/* only; user text is only ever set with textContent (the grid HTML comes from
 * the server already escaped, render-grid.ts).
 */
interface TabView {
  name: string;
  html: string;
}
interface WorkbookView {
  version: number;
  active: string;
  tabs: TabView[];
}

const state: { version: number; active: string; tabs: TabView[]; selected: string | null } = {
  version: 0,
  active: "",
  tabs: [],
  selected: null,
};

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

const grid = byId<HTMLDivElement>("grid");
const tabs = byId<HTMLElement>("tabs");
const status = byId<HTMLElement>("status");
const cellName = byId<HTMLOutputElement>("cell-name");
const cellInput = byId<HTMLInputElement>("cell-input");

/** The server's per-start token: POSTs without it are refused (another site cannot read this page). */
const token = document.querySelector<HTMLMetaElement>('meta[name="shop-doctor-token"]')?.content ?? "";

function api<T>(path: string, body?: unknown): Promise<T> {
  const init: RequestInit =
    body === undefined
      ? {}
      : {
          method: "POST",
          headers: { "content-type": "application/json", "x-shop-doctor-token": token },
          body: JSON.stringify(body),
        };
  return fetch(path, init).then((r) =>
    r.json().then((json: { message?: string }) => {
      if (!r.ok) throw new Error(json?.message ? json.message : `HTTP ${r.status}`);
      return json as T;
    }),
  );
}

function render(): void {
  tabs.textContent = "";
  for (const tab of state.tabs) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "pv-tab";
    b.setAttribute("role", "tab");
    b.setAttribute("data-tab", tab.name);
    b.setAttribute("aria-selected", tab.name === state.active ? "true" : "false");
    b.textContent = tab.name;
    b.addEventListener("click", () => activate(tab.name));
    tabs.appendChild(b);
  }
  const current = state.tabs.filter((t) => t.name === state.active)[0] || state.tabs[0];
  if (!current) {
    grid.textContent = "";
    return;
  }
  // current.html is built by the server with every value escaped (render-grid.ts).
  grid.innerHTML = current.html;
  grid.setAttribute("data-sheet", current.name);
  const active = tabs.querySelector('[aria-selected="true"]');
  if (active?.scrollIntoView) active.scrollIntoView({ block: "nearest", inline: "nearest" });
  document.body.setAttribute("data-version", String(state.version));
  document.body.setAttribute("data-ready", "true");
}

function load(): Promise<void> {
  return api<WorkbookView>("/api/workbook").then((view) => {
    state.version = view.version;
    state.active = view.active;
    state.tabs = view.tabs;
    render();
  });
}

function activate(name: string): void {
  state.active = name;
  render();
  api("/api/activate", { name }).catch(showStatus);
}

function showStatus(error: unknown): void {
  status.textContent = error instanceof Error && error.message ? error.message : String(error || "");
}

// The sidebar's calls rewrite sheets on the server; follow them by polling a version number.
function poll(): void {
  api<{ version: number }>("/api/version")
    .then((v) => {
      if (v.version !== state.version) return load();
    })
    .catch(() => {})
    .then(() => {
      setTimeout(poll, 500);
    });
}

grid.addEventListener("click", (event) => {
  const target = event.target as Element | null;
  const td = target?.closest ? target.closest<HTMLTableCellElement>("td[data-cell]") : null;
  if (!td) return;
  const previous = grid.querySelector(".pv-selected");
  if (previous) previous.classList.remove("pv-selected");
  td.classList.add("pv-selected");
  state.selected = td.getAttribute("data-cell");
  cellName.textContent = state.selected;
  const title = td.getAttribute("title") || "";
  cellInput.value = title.charAt(0) === "=" ? title : td.textContent || "";
});

cellInput.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" || !state.selected) return;
  api("/api/cell", { sheet: state.active, cell: state.selected, input: cellInput.value }).then(load).catch(showStatus);
});

const dialog = byId<HTMLDialogElement>("paste-dialog");
const pasteName = byId<HTMLInputElement>("paste-name");
const pasteText = byId<HTMLTextAreaElement>("paste-text");
const pasteFile = byId<HTMLInputElement>("paste-file");
const pasteError = byId<HTMLElement>("paste-error");
byId("paste-open").addEventListener("click", () => {
  pasteError.textContent = "";
  dialog.showModal();
  pasteText.focus();
});
byId("paste-cancel").addEventListener("click", () => dialog.close());
byId("paste-add").addEventListener("click", () => {
  pasteError.textContent = "";
  const file = pasteFile.files?.[0];
  let request: Promise<unknown>;
  if (file) {
    request = file.arrayBuffer().then((buffer) => {
      const bytes = new Uint8Array(buffer);
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
      }
      // A typed name replaces the file's own, keeping its extension (a workbook stays a workbook).
      const extension = /\.[^.]+$/.exec(file.name)?.[0] ?? ".csv";
      const fileName = pasteName.value.trim() ? `${pasteName.value.trim()}${extension}` : file.name;
      return api("/api/upload", { fileName, base64: btoa(binary) });
    });
  } else {
    request = api("/api/paste", { name: pasteName.value, text: pasteText.value });
  }
  request
    .then(() => {
      dialog.close();
      pasteText.value = "";
      pasteName.value = "";
      pasteFile.value = "";
      return load();
    })
    .catch((error: unknown) => {
      pasteError.textContent = error instanceof Error ? error.message : String(error);
    });
});

// Ctrl+V / Cmd+V on the sheet (not in a text field) opens the paste dialog with the clipboard's cells.
document.addEventListener("paste", (event) => {
  const target = event.target as HTMLElement | null;
  if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) return;
  const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
  if (!text) return;
  event.preventDefault();
  pasteError.textContent = "";
  pasteText.value = text;
  if (!dialog.open) dialog.showModal();
  pasteName.focus();
});

// The active tab's dialog: rename it or delete it (Sheets refuses to delete the last tab).
const tabDialog = byId<HTMLDialogElement>("tab-dialog");
const tabName = byId<HTMLInputElement>("tab-name");
const tabError = byId<HTMLElement>("tab-error");
function tabRequest(request: Promise<{ name?: string }>): void {
  request
    .then((answer) => {
      if (answer.name) state.active = answer.name;
      tabDialog.close();
      return load();
    })
    .catch((error: unknown) => {
      tabError.textContent = error instanceof Error ? error.message : String(error);
    });
}
byId("tab-open").addEventListener("click", () => {
  tabError.textContent = "";
  tabName.value = state.active;
  tabDialog.showModal();
  tabName.focus();
});
byId("tab-cancel").addEventListener("click", () => tabDialog.close());
byId("tab-rename").addEventListener("click", () => {
  tabRequest(api<{ name: string }>("/api/rename-tab", { name: state.active, newName: tabName.value }));
});
byId("tab-delete").addEventListener("click", () => {
  tabRequest(api<{ name?: string }>("/api/delete-tab", { name: state.active }));
});

const newDialog = byId<HTMLDialogElement>("new-dialog");
byId("new-workbook").addEventListener("click", () => newDialog.showModal());
byId("new-cancel").addEventListener("click", () => newDialog.close());
byId("new-confirm").addEventListener("click", () => {
  api("/api/new-workbook", {})
    .then(() => {
      newDialog.close();
      // The sidebar belongs to the old spreadsheet: reload it against the new one.
      const frame = byId<HTMLIFrameElement>("sidebar");
      frame.src = "/sidebar";
      return load();
    })
    .catch(showStatus);
});

load().then(poll, (error: unknown) => {
  showStatus(error);
  poll();
});

// A module (its names stay out of the page's global scope).
export {};
