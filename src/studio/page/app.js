// toroi studio: the page. Plain JavaScript, no library: every word comes
// from the server (the same message files as the command line), every
// check, preview and save is done by toroi itself.
"use strict";
const $ = (s, el = document) => el.querySelector(s);
const $$ = (s, el = document) => [...el.querySelectorAll(s)];
let L = {};                 // the page's words
let lang = "";              // the page's language, once the server said it
const t = (id) => L[id] || id;

function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids) if (k !== null && k !== undefined) e.append(k);
  return e;
}

async function api(path, body, method) {
  const opts = { method: method || (body === undefined ? "GET" : "POST"), headers: lang ? { "X-Toroi-Lang": lang } : {} };
  if (body instanceof Blob || body instanceof ArrayBuffer) opts.body = body;
  else if (body !== undefined) { opts.body = JSON.stringify(body); opts.headers["Content-Type"] = "application/json"; }
  const r = await fetch(path, opts);
  const type = r.headers.get("Content-Type") || "";
  const data = type.includes("json") ? await r.json() : await r.blob();
  if (!r.ok) { const err = new Error((data && data.error) || r.statusText); err.status = r.status; err.data = data; throw err; }
  return data;
}

function status(id, text, kind) { const s = $(id); s.textContent = text || ""; s.className = "status" + (kind ? " " + kind : ""); }

function problemEl(p) {
  return el("div", { class: "problem" + (p.error ? "" : " warn") },
    el("b", { text: (p.error ? t("studio-error") : t("studio-warning")) + ": " }), p.message,
    p.hint ? el("span", { class: "hint", text: t("studio-hint") + ": " + p.hint }) : null);
}
function showProblems(id, list) {
  const box = $(id); box.replaceChildren(...(list || []).map(problemEl));
}

// ---- words and tabs --------------------------------------------------------
async function loadWords(l) {
  const s = await api("/api/state" + (l ? "?lang=" + l : ""));
  L = s.labels; lang = s.lang;
  document.documentElement.lang = lang;
  $$("[data-l]").forEach((e) => { e.textContent = t(e.dataset.l); });
  $("#lang").textContent = t("studio-lang-switch");
  $("#search").placeholder = t("studio-search-placeholder");
  $("#preview").alt = t("studio-preview-alt");
  $("#folder").textContent = s.folder;
  return s;
}

function show(tab) {
  $$("main > section").forEach((s) => { s.hidden = s.id !== tab; });
  $$(".tabs button").forEach((b) => {
    if (b.dataset.tab === tab || (tab === "edit" && b.dataset.tab === "procedures")) b.setAttribute("aria-current", "page");
    else b.removeAttribute("aria-current");
  });
  if (tab !== "edit") location.hash = tab;
  if (tab === "campaign") loadCampaign();
  if (tab === "procedures") loadProcedures();
  if (tab === "add") $("#search").focus();
}

// ---- Chiến dịch ------------------------------------------------------------
const ISSUER = ["name", "locality", "address", "hotline", "office_hours"];
const CAMPAIGN = ["title", "slogan"];
let campaignVersion = "";

function textField(id, label, value, long) {
  const input = long ? el("textarea", { id, rows: 2 }) : el("input", { id, type: "text" });
  input.value = value || "";
  return el("div", { class: "field" }, el("label", { for: id, text: label }), input);
}

async function loadCampaign() {
  try {
    const c = await api("/api/campaign");
    campaignVersion = c.version;
    $("#issuer-fields").replaceChildren(...ISSUER.map((k) => textField("issuer-" + k, t("studio-issuer-" + k), c.issuer[k], k === "office_hours")));
    $("#campaign-fields").replaceChildren(...CAMPAIGN.map((k) => textField("campaign-" + k, t("studio-campaign-" + k), c.campaign[k])));
    const logo = c.issuer.logo;
    $("#logo-img").hidden = !logo; $("#logo-none").hidden = !!logo;
    if (logo) $("#logo-img").src = "/files/" + logo + "?v=" + Date.now();
    $("#outputs").replaceChildren(...c.outputs.map((o, i) => el("li", {},
      el("b", { text: t("studio-kind-" + o.kind) }), " ", (o.size || "").toUpperCase(), " → ", el("code", { text: o.file }), o.title ? " — " + o.title : "", " ",
      el("button", { type: "button", class: "small", "aria-label": t("studio-out-remove") + ": " + o.file, text: t("studio-out-remove"), onclick: () => changeOutputs({ remove: i }) }))));
    showProblems("#campaign-problems", c.problems);
    status("#campaign-status", "");
  } catch (e) { status("#campaign-status", e.message, "bad"); }
}

async function saveCampaign(ev) {
  ev.preventDefault();
  const body = { version: campaignVersion, issuer: {}, campaign: {} };
  ISSUER.forEach((k) => { body.issuer[k] = $("#issuer-" + k).value; });
  CAMPAIGN.forEach((k) => { body.campaign[k] = $("#campaign-" + k).value; });
  status("#campaign-status", t("studio-saving"));
  try {
    const r = await api("/api/campaign", body);
    campaignVersion = r.version;
    showProblems("#campaign-problems", r.problems);
    status("#campaign-status", t("studio-saved"), "ok");
  } catch (e) { status("#campaign-status", e.message, "bad"); }
}

async function changeOutputs(change) {
  try {
    const r = await api("/api/outputs", Object.assign({ version: campaignVersion }, change));
    campaignVersion = r.version; await loadCampaign(); status("#outputs-status", t("studio-saved"), "ok");
  } catch (e) { status("#outputs-status", e.message, "bad"); }
}

async function uploadLogo() {
  const f = $("#logo-file").files[0]; if (!f) return;
  try {
    const r = await api("/api/logo?name=" + encodeURIComponent(f.name), f);
    campaignVersion = r.version; loadCampaign();
  } catch (e) { status("#campaign-status", e.message, "bad"); }
}

// ---- Thủ tục -----------------------------------------------------------------
let rows = [];
async function loadProcedures() {
  try {
    const r = await api("/api/procedures");
    rows = r.rows;
    const fields = [...new Set(rows.map((x) => x.field).filter(Boolean))].sort((a, b) => a.localeCompare(b, "vi"));
    const sel = $("#filter-field"); const was = sel.value;
    sel.replaceChildren(el("option", { value: "", text: t("studio-filter-all") }), ...fields.map((f) => el("option", { value: f, text: f })));
    sel.value = fields.includes(was) ? was : "";
    drawProcedures();
  } catch (e) { $("#proc-count").textContent = e.message; }
}
function drawProcedures() {
  const field = $("#filter-field").value, bad = $("#filter-problems").checked;
  const shown = rows.filter((x) => (!field || x.field === field) && (!bad || x.problems > 0));
  $("#proc-count").textContent = shown.length + " / " + rows.length + " " + t("studio-count");
  $("#proc-table tbody").replaceChildren(...shown.map((x) => {
    const open = () => openProcedure(x.file, x.row);
    return el("tr", { class: x.problems ? "has-problems" : "" },
      el("td", {}, x.title), el("td", {}, x.code || ""), el("td", {}, x.field || ""),
      el("td", {}, el("span", { class: "pill " + x.link, title: x.url, text: t("studio-link-" + x.link) })),
      el("td", {}, String(x.problems)),
      el("td", {}, el("code", { text: x.file + (x.row ? " : " + x.row : "") })),
      el("td", {}, x.broken ? null : el("button", { type: "button", onclick: open, "aria-label": t("studio-edit") + ": " + x.title, text: x.row ? t("studio-open") : t("studio-edit") })));
  }));
}

// ---- Sửa -------------------------------------------------------------------
const TEXTS = ["title", "code", "formality_id", "url", "field", "agency", "online", "summary", "processing_time", "fee", "result"];
const LONG = ["title", "summary", "processing_time", "fee", "result", "agency"];
const LISTS = ["documents", "steps", "channels", "legal_basis", "source"];
let current = null;          // { path, row, version, readonly }
let timer = null, previewSeq = 0, checkSeq = 0;

function listEditor(key, items, readonly) {
  const ul = el("ul", { class: "items", id: "f-" + key });
  const add = (value) => {
    const n = ul.children.length + 1;
    const ta = el("textarea", { rows: 1, "aria-label": t("studio-field-" + key) + " " + n, readonly });
    ta.value = value;
    const li = el("li", {}, ta);
    if (!readonly) li.append(
      el("button", { type: "button", title: t("studio-up"), "aria-label": t("studio-up"), text: "↑", onclick: () => { if (li.previousElementSibling) { ul.insertBefore(li, li.previousElementSibling); changed(); } } }),
      el("button", { type: "button", title: t("studio-down"), "aria-label": t("studio-down"), text: "↓", onclick: () => { if (li.nextElementSibling) { ul.insertBefore(li.nextElementSibling, li); changed(); } } }),
      el("button", { type: "button", title: t("studio-remove-item"), "aria-label": t("studio-remove-item"), text: "✕", onclick: () => { li.remove(); changed(); } }));
    ul.append(li);
    return ta;
  };
  items.forEach(add);
  const wrap = el("div", { class: "field", id: "field-" + key }, el("label", { for: "f-" + key + "-add", text: t("studio-field-" + key) }), ul);
  if (!readonly) wrap.append(el("button", { type: "button", id: "f-" + key + "-add", text: t("studio-add-item"), onclick: () => { add("").focus(); changed(); } }));
  else wrap.firstChild.removeAttribute("for");
  wrap.append(el("div", { class: "problems-of" }));
  return wrap;
}

function formFields() {
  const fields = {};
  TEXTS.forEach((k) => { fields[k] = $("#f-" + k).value; });
  LISTS.forEach((k) => { fields[k] = $$("#f-" + k + " textarea").map((x) => x.value); });
  return fields;
}

async function openProcedure(path, row) {
  show("edit");
  $("#edit-fields").replaceChildren(); $("#preview").removeAttribute("src");
  try {
    const p = await api("/api/procedure?path=" + encodeURIComponent(path) + (row ? "&row=" + row : ""));
    current = { path, row, version: p.version, readonly: p.readonly };
    $("#edit-path").textContent = path + (row ? " : " + row : "");
    $("#readonly").hidden = !p.readonly; $("#conflict").hidden = true;
    $("#edit-save").hidden = p.readonly;
    const kids = TEXTS.map((k) => {
      let input;
      if (k === "online") {
        input = el("select", { id: "f-online", disabled: p.readonly },
          ...["", "full", "partial", "none"].map((v) => el("option", { value: v, text: t("studio-online-" + (v || "empty")) })));
      } else if (LONG.includes(k)) input = el("textarea", { id: "f-" + k, rows: k === "summary" ? 3 : 2, readonly: p.readonly });
      else input = el("input", { id: "f-" + k, type: "text", readonly: p.readonly });
      input.value = p.fields[k] || "";
      return el("div", { class: "field", id: "field-" + k }, el("label", { for: "f-" + k, text: t("studio-field-" + k) }), input, el("div", { class: "problems-of" }));
    });
    LISTS.forEach((k) => kids.push(listEditor(k, p.fields[k] || [], p.readonly)));
    $("#edit-fields").replaceChildren(...kids);
    $("#edit-title").textContent = p.fields.title;
    placeProblems(p.problems);
    status("#edit-status", "");
    refreshPreview();
  } catch (e) { status("#edit-status", e.message, "bad"); }
}

function placeProblems(list) {
  $$("#edit-fields .problems-of").forEach((b) => b.replaceChildren());
  $$("#edit-fields .field").forEach((f) => f.classList.remove("bad"));
  const other = [];
  for (const p of list || []) {
    const box = p.field && $("#field-" + p.field + " .problems-of");
    if (!box) { other.push(p); continue; }
    box.closest(".field").classList.add("bad");
    box.append(el("p", { class: "problem" + (p.error ? "" : " warn"), role: "alert" }, p.message, p.hint ? el("span", { class: "hint", text: p.hint }) : null));
  }
  showProblems("#edit-other-problems", other);
}

function changed() {
  $("#edit-title").textContent = $("#f-title").value;
  clearTimeout(timer);
  // The preview follows the typing: drawn again once the user pauses.
  timer = setTimeout(() => { refreshPreview(); recheck(); }, 60);
}

function view() { return ($("input[name=view]:checked") || {}).value || "poster"; }

async function refreshPreview() {
  if (!current) return;
  const seq = ++previewSeq;
  const body = { path: current.path, row: current.row, fields: formFields(), view: view() };
  try {
    const blob = await api("/api/preview", body);
    if (seq !== previewSeq) return;
    const img = $("#preview"); const old = img.src;
    img.src = URL.createObjectURL(blob);
    img.className = view() === "phone" ? "phone" : "";
    img.dataset.seq = String(seq);
    if (old && old.startsWith("blob:")) URL.revokeObjectURL(old);
    status("#preview-status", "");
  } catch (e) {
    if (seq !== previewSeq) return;
    if (e.data && e.data.problems) placeProblems(e.data.problems);
    status("#preview-status", e.data && e.data.problems ? "" : e.message, "bad");
  }
}

async function recheck() {
  if (!current) return;
  const seq = ++checkSeq;
  try {
    const r = await api("/api/check", { path: current.path, row: current.row, fields: formFields() });
    if (seq === checkSeq) placeProblems(r.problems);
  } catch (e) { /* the preview says it */ }
}

async function saveProcedure(ev) {
  ev.preventDefault();
  if (!current || current.readonly) return;
  status("#edit-status", t("studio-saving"));
  try {
    const r = await api("/api/save", { path: current.path, version: current.version, fields: formFields() });
    current.version = r.version;
    placeProblems(r.problems);
    status("#edit-status", t("studio-saved"), "ok");
  } catch (e) {
    if (e.status === 409) { $("#conflict-text").textContent = e.message; $("#conflict").hidden = false; status("#edit-status", ""); }
    else status("#edit-status", e.message, "bad");
  }
}

async function importRow() {
  try {
    const r = await api("/api/import-row", { path: current.path, row: current.row });
    openProcedure(r.path, null);
  } catch (e) { status("#edit-status", e.message, "bad"); }
}

// ---- Thêm thủ tục ---------------------------------------------------------
let searchTimer = null, searchSeq = 0;
async function search() {
  const q = $("#search").value.trim(); const seq = ++searchSeq;
  if (!q) { $("#results").replaceChildren(); return; }
  const r = await api("/api/catalogue?q=" + encodeURIComponent(q));
  if (seq !== searchSeq) return;
  if (!r.entries.length) { $("#results").replaceChildren(el("li", { class: "muted", text: t("studio-search-none") })); return; }
  $("#results").replaceChildren(...r.entries.map((e) => {
    const box = el("input", { type: "checkbox", value: e.code, onchange: pickedChanged });
    return el("li", {}, el("label", {}, box, el("span", {}, el("span", { class: "code", text: e.code }), " ", e.title,
      el("span", { class: "about", text: [e.field, e.agency, e.details ? t("studio-search-details") : ""].filter(Boolean).join(" · ") }))));
  }));
  pickedChanged();
}
function pickedChanged() { $("#add-go").disabled = !$$("#results input:checked").length; }
async function addPicked() {
  const codes = $$("#results input:checked").map((x) => x.value);
  try {
    const r = await api("/api/new", { codes });
    const msg = [r.written.length ? t("studio-added") + " " + r.written.join(", ") : "", ...r.failed].filter(Boolean).join(" — ");
    status("#add-status", msg, r.failed.length ? "bad" : "ok");
    if (r.written.length) openProcedure(r.written[0], null);
  } catch (e) { status("#add-status", e.message, "bad"); }
}

// ---- Nhập danh sách --------------------------------------------------------
let upload = null;
async function dropped(file) {
  if (!file) return;
  status("#list-status", "");
  try {
    const r = await api("/api/list?name=" + encodeURIComponent(file.name), file);
    upload = r.id;
    $("#list-add").disabled = false; $("#list-import").disabled = false;
    $("#list-result").hidden = false;
    $("#list-problems tbody").replaceChildren(...(r.problems.length ? r.problems.map((p) => el("tr", { class: p.error ? "bad" : "" },
      el("td", {}, el("b", { text: p.cell || p.place })),
      el("td", {}, el("b", { text: (p.error ? t("studio-error") : t("studio-warning")) + ": " }), p.message, p.hint ? el("div", { class: "muted", text: p.hint }) : null)))
      : [el("tr", {}, el("td", { colspan: 2, text: t("studio-problems-none") }))]));
    $("#list-rows tbody").replaceChildren(...r.rows.map((x) => el("tr", {}, el("td", {}, String(x.row)), el("td", {}, x.title), el("td", {}, x.code || ""), el("td", {}, x.field || ""))));
  } catch (e) { status("#list-status", e.message, "bad"); $("#list-result").hidden = false; }
}
async function addList(into) {
  try {
    const r = await api("/api/list/add", { id: upload, into });
    if (into === "files") status("#list-status", t("studio-list-imported") + " " + r.files.length + " → " + r.path, "ok");
    else status("#list-status", t("studio-list-added") + " " + r.path, "ok");
    upload = null; $("#list-add").disabled = true; $("#list-import").disabled = true;
  } catch (e) { status("#list-status", e.message, "bad"); }
}

// ---- In --------------------------------------------------------------------
async function print() {
  $("#print-go").disabled = true;
  status("#print-status", t("studio-print-working"));
  $("#print-files").replaceChildren(); $("#print-lines").replaceChildren(); showProblems("#print-problems", []);
  try {
    const r = await api("/api/build", {});
    status("#print-status", "");
    $("#print-lines").replaceChildren(...r.lines.map((l) => el("li", { class: r.ok ? "" : "bad", text: l })));
    $("#print-files").replaceChildren(...r.written.map((w) => el("li", {},
      el("a", { href: w.href, target: "_blank", rel: "noopener", text: w.path }), " ", el("span", { class: "what", text: w.what }),
      w.notes.length ? el("div", { class: "notes" }, ...w.notes.map((n) => el("div", { text: n }))) : null)));
    showProblems("#print-problems", r.problems);
  } catch (e) { status("#print-status", e.message, "bad"); }
  $("#print-go").disabled = false;
}

// ---- start -----------------------------------------------------------------
async function start() {
  const s = await loadWords();
  $$(".tabs button").forEach((b) => b.addEventListener("click", () => show(b.dataset.tab)));
  $("#lang").addEventListener("click", async () => { await loadWords(lang === "vi" ? "en" : "vi"); show((location.hash || "#campaign").slice(1)); });
  $("#campaign-form").addEventListener("submit", saveCampaign);
  $("#logo-file").addEventListener("change", uploadLogo);
  $("#output-form").addEventListener("submit", (e) => {
    e.preventDefault();
    changeOutputs({ add: { kind: $("#out-kind").value, size: $("#out-size").value, file: $("#out-file").value } });
  });
  $("#filter-field").addEventListener("change", drawProcedures);
  $("#filter-problems").addEventListener("change", drawProcedures);
  $("#edit-form").addEventListener("submit", saveProcedure);
  $("#edit-fields").addEventListener("input", changed);
  $("#views").addEventListener("change", refreshPreview);
  $("#back").addEventListener("click", () => show("procedures"));
  $("#import-row").addEventListener("click", importRow);
  $("#conflict-reload").addEventListener("click", () => openProcedure(current.path, current.row));
  $("#search").addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(search, 120); });
  $("#add-go").addEventListener("click", addPicked);
  $("#list-file").addEventListener("change", () => dropped($("#list-file").files[0]));
  const drop = $("#drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); dropped(e.dataTransfer.files[0]); });
  $("#list-add").addEventListener("click", () => addList(""));
  $("#list-import").addEventListener("click", () => addList("files"));
  $("#print-go").addEventListener("click", print);
  $("#init-go").addEventListener("click", async () => {
    try { await api("/api/init", { name: $("#init-name").value }); location.reload(); }
    catch (e) { status("#init-status", e.message, "bad"); }
  });
  if (!s.campaign) { $(".tabs").hidden = true; $$("main > section").forEach((x) => { x.hidden = x.id !== "init"; }); return; }
  const tab = (location.hash || "#campaign").slice(1);
  show(["campaign", "procedures", "add", "list", "print"].includes(tab) ? tab : "campaign");
}
start();
