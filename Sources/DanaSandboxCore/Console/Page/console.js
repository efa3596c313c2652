// The dana-sandbox console. Everything it shows comes from the sandbox's own JSON endpoints and
// is put into the page as text (textContent, never innerHTML): an exchange's body is whatever a
// client sent, and must never become markup or script. The admin token, when the sandbox needs
// one, is kept in this tab's sessionStorage and sent only as an Authorization header.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child !== undefined && child !== null && child !== false) node.append(child);
    }
    return node;
  }

  const KEPT_ENTRIES = 500;
  const state = {
    token: sessionStorage.getItem("dana-sandbox-token"),
    entries: new Map(),
    lastId: 0,
    selected: null,
    follower: null,
    renderPending: false,
    scenarioRefresh: null,
    scenarioIds: 0,
    scenarios: null,
  };

  class Unauthorized extends Error {}

  function authorization() {
    return state.token ? { Authorization: "Bearer " + state.token } : {};
  }

  /** A call to the sandbox: JSON in, JSON (or text) out; a 401 asks for the token again. */
  async function api(method, path, body, headers = {}) {
    const init = { method, headers: { ...authorization(), ...headers }, cache: "no-store" };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      askForToken(state.token ? "The sandbox refused this token." : "");
      throw new Unauthorized();
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (_) { json = null; }
    return { status: response.status, ok: response.ok, json, text };
  }

  function say(node, message, kind = "muted") {
    node.replaceChildren(el("p", { class: kind, text: message }));
  }

  function failed(node, error) {
    if (error instanceof Unauthorized) return;
    say(node, String(error.message || error), "error");
  }

  function pretty(value) {
    if (value === undefined || value === null) return "";
    if (typeof value === "string") return value;
    return JSON.stringify(value, null, 2);
  }

  function setConnection(kind, text) {
    const node = $("connection");
    node.className = "connection " + kind;
    node.textContent = text;
  }

  // MARK: - Token and start

  function askForToken(message) {
    stopFollowing();
    $("main-view").hidden = true;
    $("token-view").hidden = false;
    $("token-error").textContent = message || "";
    setConnection("lost", "needs the admin token");
    $("token-input").focus();
  }

  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.token = $("token-input").value.trim();
    sessionStorage.setItem("dana-sandbox-token", state.token);
    $("token-input").value = "";
    start();
  });

  async function start() {
    try {
      const probe = await api("GET", "/sandbox/scenarios");
      if (!probe.ok) throw new Error("the sandbox answered " + probe.status);
      $("token-view").hidden = true;
      $("main-view").hidden = false;
      showScenarios(probe.json);
      await loadJournal();
      follow();
      await loadSignaturePaths();
    } catch (error) {
      if (!(error instanceof Unauthorized)) setConnection("lost", "cannot reach the sandbox: " + (error.message || error));
    }
  }

  // MARK: - Tabs

  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
  const onShow = {
    "view-scenarios": () => refreshScenarios(),
    "view-actions": () => loadSessions(),
    "view-data": () => { loadSessions(); loadData(); },
  };

  function selectTab(tab) {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      $(other.getAttribute("aria-controls")).hidden = !selected;
    }
    const show = onShow[tab.getAttribute("aria-controls")];
    if (show) show();
  }

  for (const tab of tabs) {
    tab.addEventListener("click", () => selectTab(tab));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
      next.focus();
      selectTab(next);
      event.preventDefault();
    });
  }

  // MARK: - Journal

  async function loadJournal() {
    const answer = await api("GET", "/sandbox/journal?limit=" + KEPT_ENTRIES);
    state.entries.clear();
    for (const entry of answer.json.entries || []) add(entry);
    scheduleRender();
  }

  function add(entry) {
    state.entries.set(entry.id, entry);
    state.lastId = Math.max(state.lastId, entry.id);
    const select = $("filter-endpoint");
    const endpoint = entry.endpoint;
    if (!endpoint.startsWith("/") && !Array.from(select.options).some((option) => option.value === endpoint)) {
      select.append(el("option", { value: endpoint, text: endpoint }));
    }
    if (state.entries.size > KEPT_ENTRIES) {
      state.entries.delete(Math.min(...state.entries.keys()));
    }
  }

  /** The exchanges a Server-Sent Events stream brings, read with fetch so the token can go in a header. */
  async function follow() {
    stopFollowing();
    const controller = new AbortController();
    state.follower = controller;
    try {
      const response = await fetch("/sandbox/events?since=" + state.lastId, { headers: authorization(), signal: controller.signal, cache: "no-store" });
      if (response.status === 401) {
        askForToken("The sandbox refused this token.");
        return;
      }
      if (!response.ok) throw new Error("HTTP " + response.status);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          received(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (_) {
      // A dropped stream is retried below; an aborted one was meant.
    }
    if (controller.signal.aborted) return;
    setConnection("lost", "connection lost; retrying");
    setTimeout(() => { if (state.follower === controller) follow(); }, 2000);
  }

  function stopFollowing() {
    if (state.follower) state.follower.abort();
    state.follower = null;
  }

  function received(block) {
    let type = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") type = value;
      else if (field === "data") data.push(value);
    }
    if (type === "ready") {
      setConnection("live", "live: following the journal");
    } else if (type === "exchange") {
      const entry = JSON.parse(data.join("\n"));
      add(entry);
      scheduleRender();
      // Only an API exchange can move a rule's counter; refreshing on the console's own requests
      // would journal a request that triggers the next refresh, for ever.
      if (!isOwn(entry) && !$("view-scenarios").hidden) refreshScenariosSoon();
    } else if (type === "cleared") {
      state.entries.clear();
      state.selected = null;
      $("exchange").replaceChildren(el("p", { class: "muted", text: "The journal was emptied." }));
      scheduleRender();
    }
  }

  function isOwn(entry) {
    return entry.endpoint.startsWith("/");
  }

  function isFailure(entry) {
    const status = entry.response && entry.response.status;
    if (entry.outcome !== "responded" || !status || status >= 400 || entry.signature) return true;
    const body = entry.response.body;
    if (body && typeof body === "object") {
      const info = body.response && body.response.body && body.response.body.resultInfo;
      if (info && info.resultStatus && info.resultStatus !== "S") return true;
      if (body.errCode !== undefined && String(body.errCode) !== "0") return true;
    }
    return false;
  }

  function kept(entry) {
    if (!$("filter-own").checked && isOwn(entry)) return false;
    const endpoint = $("filter-endpoint").value;
    if (endpoint && entry.endpoint !== endpoint) return false;
    const scenario = $("filter-scenario").value.trim();
    if (scenario && !(entry.scenario || "").includes(scenario)) return false;
    const session = $("filter-session").value.trim();
    if (session && !(entry.session || "").includes(session)) return false;
    switch ($("filter-outcome").value) {
      case "success": return !isFailure(entry);
      case "failure": return isFailure(entry);
      case "signature": return Boolean(entry.signature);
      case "scenario": return Boolean(entry.scenario);
      default: return true;
    }
  }

  for (const id of ["filter-endpoint", "filter-scenario", "filter-session", "filter-outcome", "filter-own"]) {
    $(id).addEventListener("input", scheduleRender);
    $(id).addEventListener("change", scheduleRender);
  }
  $("journal-filters").addEventListener("submit", (event) => event.preventDefault());

  function scheduleRender() {
    if (state.renderPending) return;
    state.renderPending = true;
    requestAnimationFrame(() => {
      state.renderPending = false;
      renderJournal();
    });
  }

  function renderJournal() {
    const shown = Array.from(state.entries.values()).filter(kept).sort((a, b) => b.id - a.id);
    const all = Array.from(state.entries.values());
    const own = all.filter(isOwn).length;
    const hiddenOwn = $("filter-own").checked || own === 0 ? "" : " (" + own + " of the sandbox's own requests hidden)";
    if (shown.length > 0) {
      $("journal-count").textContent = shown.length + " of " + all.length + " exchanges shown";
    } else if (all.length - own === 0) {
      $("journal-count").textContent = "no API exchanges yet" + hiddenOwn;
    } else {
      $("journal-count").textContent = "no exchange matches the filters" + hiddenOwn;
    }
    $("journal-list").replaceChildren(...shown.map(row));
  }

  function row(entry) {
    const status = entry.response && entry.response.status;
    const failing = isFailure(entry);
    const tags = [entry.response && entry.response.code ? "code " + entry.response.code : null,
      entry.outcome !== "responded" ? entry.outcome : null,
      entry.scenario ? "scenario " + entry.scenario : null,
      entry.session ? "session " + entry.session : null,
      entry.signature ? "signature failed" : null,
      entry.lint ? "lint" : null].filter(Boolean).join(" · ");
    const button = el("button", { type: "button", "aria-current": entry.id === state.selected ? "true" : "false", "data-id": entry.id },
      el("span", { class: "time", text: entry.time.slice(11, 19) }),
      el("span", { class: "what", text: entry.endpoint }),
      el("span", { class: "status " + (failing ? "fail" : "ok"), text: status ? String(status) : entry.outcome }),
      el("span", { class: "tags", text: tags || entry.method + " " + entry.path }));
    button.addEventListener("click", () => select(entry.id));
    return el("li", {}, button);
  }

  function select(id) {
    state.selected = id;
    for (const button of $("journal-list").querySelectorAll("button")) {
      button.setAttribute("aria-current", String(Number(button.dataset.id) === id));
    }
    showExchange(state.entries.get(id));
  }

  function headerLines(headers) {
    return headers ? Object.entries(headers).map(([name, value]) => name + ": " + value).join("\n") : "";
  }

  function facts(pairs) {
    const list = el("dl", { class: "facts" });
    for (const [name, value] of pairs) {
      if (value === undefined || value === null || value === "") continue;
      list.append(el("dt", { text: name }), el("dd", { text: String(value) }));
    }
    return list;
  }

  function showExchange(entry) {
    if (!entry) return;
    const response = entry.response || {};
    const parts = [
      el("h2", { text: entry.method + " " + entry.path }),
      facts([
        ["exchange", "#" + entry.id + (entry.requestId ? " (request " + entry.requestId + ")" : "")],
        ["time", entry.time], ["endpoint", entry.endpoint], ["status", response.status], ["code", response.code],
        ["outcome", entry.outcome], ["duration", entry.durationMs + " ms"], ["session", entry.session],
        ["scenario", entry.scenario], ["scenario applied", entry.scenarioApplied],
      ]),
    ];
    if (entry.signature) {
      const signature = entry.signature;
      parts.push(el("h3", { text: "Signature did not verify" }),
        facts([["reason", signature.reason], ["partner", signature.partner], ["key", signature.key]]),
        el("p", { class: "muted", text: "The string to sign the sandbox expected (raw body):" }),
        el("pre", { text: signature.expectedStringToSign }),
        el("p", { class: "muted", text: "Body forms tried (label=SHA-256):" }),
        el("ul", {}, (signature.formsTried || []).map((form) => el("li", { class: "mono", text: form }))));
    }
    if (entry.lint) parts.push(el("h3", { text: "Lint findings" }), el("pre", { text: pretty(entry.lint) }));
    if (entry.verdict) parts.push(el("h3", { text: "Verdict" }), el("pre", { text: pretty(entry.verdict) }));
    if (entry.request) {
      parts.push(el("h3", { text: "Request" }), el("pre", { text: headerLines(entry.request.headers) }),
        el("pre", { class: "body", text: pretty(entry.request.body) }));
      if (entry.request.bodyTruncatedFrom) parts.push(el("p", { class: "muted", text: "body cut from " + entry.request.bodyTruncatedFrom + " bytes" }));
    }
    parts.push(el("h3", { text: "Response" }), el("pre", { text: headerLines(response.headers) }),
      el("pre", { class: "body", text: pretty(response.body) }));
    $("exchange").replaceChildren(...parts);
  }

  // MARK: - Scenarios

  /** Counters change with every exchange; under heavy traffic, ask at most once a second. */
  function refreshScenariosSoon() {
    if (state.scenarioRefresh) return;
    state.scenarioRefresh = setTimeout(() => {
      state.scenarioRefresh = null;
      refreshScenarios();
    }, 1000);
  }

  async function refreshScenarios() {
    try {
      const answer = await api("GET", "/sandbox/scenarios");
      showScenarios(answer.json);
    } catch (error) {
      failed($("scenario-tree"), error);
    }
  }

  function showScenarios(list) {
    state.scenarios = list;
    $("scenarios-folder").textContent = "from " + list.folder;
    const problems = $("scenario-problems");
    if (list.reloadProblems && list.reloadProblems.length) {
      problems.replaceChildren(el("p", { text: "The last reload failed; the previous scenarios stay in use:" }),
        el("ul", {}, list.reloadProblems.map((problem) => el("li", { text: problem }))));
      problems.hidden = false;
    } else {
      problems.hidden = true;
    }
    // The same scenarios as shown: update them in place, so focus and open folders stay put.
    const shown = Array.from($("scenario-tree").querySelectorAll("li.scenario"));
    if (shown.length === list.scenarios.length && shown.every((item, index) => item.dataset.name === list.scenarios[index].name)) {
      list.scenarios.forEach((scenario, index) => updateScenario(shown[index], scenario));
      return;
    }
    const root = { folders: new Map(), scenarios: [] };
    for (const scenario of list.scenarios) {
      const parts = scenario.name.split("/");
      let node = root;
      for (const folder of parts.slice(0, -1)) {
        if (!node.folders.has(folder)) node.folders.set(folder, { folders: new Map(), scenarios: [] });
        node = node.folders.get(folder);
      }
      node.scenarios.push(scenario);
    }
    const open = new Set(Array.from($("scenario-tree").querySelectorAll("details[open]")).map((node) => node.dataset.path));
    state.scenarioIds = 0;
    $("scenario-tree").replaceChildren(...branch(root, "", open));
  }

  function branch(node, path, open) {
    const items = [];
    for (const [name, child] of node.folders) {
      const childPath = path + name + "/";
      const details = el("details", { "data-path": childPath, open: open.size === 0 || open.has(childPath) },
        el("summary", { text: name + "/" }), ...branch(child, childPath, open));
      items.push(details);
    }
    if (node.scenarios.length) items.push(el("ul", {}, node.scenarios.map(scenarioItem)));
    return items;
  }

  function ruleText(rule) {
    const match = Object.entries(rule.match || {}).map(([key, matcher]) => key + " " + matcher).join(", ");
    return [rule.endpoint, match ? "when " + match : null, rule.beforeAuth ? "before auth" : null,
      rule.times ? "first " + rule.times + " times" : null, rule.delayMs ? "after " + rule.delayMs + " ms" : null,
      "→ " + rule.respond, "answered " + rule.hits + "×"].filter(Boolean).join(" · ");
  }

  function scenarioItem(scenario) {
    // Numbered, not derived from the name: "a/b" and "a_b" must not share a label.
    const id = "scenario-" + (state.scenarioIds++);
    const box = el("input", { type: "checkbox", id, "aria-describedby": id + "-about" });
    box.addEventListener("change", () => toggleScenario(scenario.name, box.checked));
    const item = el("li", { class: "scenario", "data-name": scenario.name },
      el("label", { for: id }, box, scenario.name, el("span", { class: "badge good", text: "on" })),
      el("p", { id: id + "-about", class: "muted", text: scenario.description + " (" + scenario.file + ")" }),
      el("ul", { class: "rules", "aria-label": "Rules of " + scenario.name }));
    updateScenario(item, scenario);
    return item;
  }

  function updateScenario(item, scenario) {
    item.querySelector("input").checked = scenario.active;
    item.querySelector(".badge").hidden = !scenario.active;
    item.querySelector(".muted").textContent = scenario.description + " (" + scenario.file + ")";
    item.querySelector(".rules").replaceChildren(...(scenario.ruleDetails || []).map((rule) => el("li", { text: ruleText(rule) })));
  }

  async function toggleScenario(name, on) {
    const active = new Set(state.scenarios ? state.scenarios.active : []);
    if (on) active.add(name); else active.delete(name);
    try {
      const answer = await api("PUT", "/sandbox/scenarios/active", { names: Array.from(active) });
      if (!answer.ok) say($("scenario-problems"), (answer.json && answer.json.message) || answer.text, "error");
    } catch (error) {
      failed($("scenario-problems"), error);
    }
    refreshScenarios();
  }

  $("scenarios-refresh").addEventListener("click", refreshScenarios);
  $("scenarios-off").addEventListener("click", async () => {
    try { await api("DELETE", "/sandbox/scenarios/active"); } catch (_) { /* shown by the refresh */ }
    refreshScenarios();
  });
  $("scenarios-reload").addEventListener("click", async () => {
    try { await api("POST", "/sandbox/scenarios/reload"); } catch (_) { /* shown by the refresh */ }
    refreshScenarios();
  });

  // MARK: - Actions

  async function loadSessions() {
    try {
      const answer = await api("GET", "/sandbox/sessions");
      const names = (answer.json && answer.json.sessions || []).map((session) => session.name);
      $("session-names").replaceChildren(...names.map((name) => el("option", { value: name })));
    } catch (_) {
      // The list only helps typing; the forms work without it.
    }
  }

  async function reset(session) {
    const node = $("reset-result");
    try {
      const answer = await api("POST", "/sandbox/reset", undefined, session ? { "X-Sandbox-Session": session } : {});
      say(node, answer.ok ? (session ? "Session " + session + " reset" : "Everything reset") + " in " + answer.json.durationMs + " ms." : answer.text,
        answer.ok ? "muted" : "error");
      loadSessions();
    } catch (error) {
      failed(node, error);
    }
  }

  $("reset-all").addEventListener("click", () => reset(null));
  $("reset-session-form").addEventListener("submit", (event) => {
    event.preventDefault();
    reset($("reset-session").value.trim());
  });

  async function loadSignaturePaths() {
    try {
      const answer = await api("GET", "/sandbox/signature-check");
      $("sig-path").replaceChildren(...(answer.json.endpoints || []).map((endpoint) =>
        el("option", { value: endpoint.path, text: endpoint.path + " (" + endpoint.name + ")" })));
    } catch (error) {
      failed($("signature-result"), error);
    }
  }

  $("signature-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const node = $("signature-result");
    say(node, "Checking…");
    try {
      const answer = await api("POST", "/sandbox/signature-check", {
        method: $("sig-method").value, path: $("sig-path").value, headers: $("sig-headers").value, body: $("sig-body").value,
      });
      if (!answer.ok) return say(node, (answer.json && answer.json.message) || answer.text, "error");
      showExplanation(node, answer.json);
    } catch (error) {
      failed(node, error);
    }
  });

  function showExplanation(node, result) {
    const parts = [
      el("p", {}, el("span", { class: "badge " + (result.verifies ? "good" : "bad"), text: result.verifies ? "verifies" : "does not verify" }),
        " " + result.family + " · " + result.scheme),
      result.enforced ? null : el("p", { class: "muted", text: "This sandbox runs with --signatures off: it accepts any signature." }),
      facts([["endpoint", result.endpoint], ["partner", result.partner], ["key", result.key]]),
    ];
    if (result.problems.length) {
      parts.push(el("h3", { text: "Problems" }), el("ul", { class: "error" }, result.problems.map((problem) => el("li", { text: problem }))));
    }
    for (const form of result.forms) {
      parts.push(el("h3", {}, "Body form " + form.label + " ",
        el("span", { class: "badge " + (form.verifies ? "good" : "warn"), text: form.verifies ? "verifies" : "no" })));
      if (form.bodyHash) parts.push(el("p", { class: "mono", text: "SHA-256 " + form.bodyHash }));
      parts.push(el("pre", { text: form.stringToSign }));
    }
    node.replaceChildren(...parts);
  }

  $("inquiry-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const node = $("inquiry-result");
    const body = { url: $("inquiry-url").value.trim() };
    if ($("inquiry-client").value.trim()) body.clientId = $("inquiry-client").value.trim();
    if ($("inquiry-product").value.trim()) body.productId = $("inquiry-product").value.trim();
    if ($("inquiry-timeout").value) body.timeoutMs = Number($("inquiry-timeout").value);
    say(node, "Calling the partner…");
    try {
      const answer = await api("POST", "/sandbox/destination-inquiry", body);
      if (!answer.ok) return say(node, (answer.json && answer.json.message) || answer.text, "error");
      const report = answer.json;
      const parts = [el("p", {}, el("span", { class: "badge " + (report.conformant ? "good" : "bad"), text: report.conformant ? "conformant" : "not conformant" }),
        " in " + report.durationMs + " ms")];
      if (report.violations && report.violations.length) {
        parts.push(el("h3", { text: "Violations" }), table(report.violations));
      }
      if (report.unchecked && report.unchecked.length) parts.push(el("h3", { text: "Unchecked" }), el("pre", { text: pretty(report.unchecked) }));
      parts.push(el("h3", { text: "Request sent" }), el("pre", { text: pretty(report.request) }),
        el("h3", { text: "Response" }), el("pre", { text: pretty(report.response) }));
      node.replaceChildren(...parts);
    } catch (error) {
      failed(node, error);
    }
  });

  // MARK: - Data

  function table(records) {
    const columns = [];
    for (const record of records) for (const key of Object.keys(record)) if (!columns.includes(key)) columns.push(key);
    return el("table", {},
      el("thead", {}, el("tr", {}, columns.map((column) => el("th", { scope: "col", text: column })))),
      el("tbody", {}, records.map((record) => el("tr", {}, columns.map((column) => {
        const value = record[column];
        return el("td", { text: value === undefined || value === null ? "" : (typeof value === "object" ? JSON.stringify(value) : String(value)) });
      })))));
  }

  async function loadData() {
    const node = $("data-table");
    const kind = $("data-kind").value;
    const session = $("data-session").value.trim();
    try {
      const answer = await api("GET", "/sandbox/fixtures/" + encodeURIComponent(kind), undefined, session ? { "X-Sandbox-Session": session } : {});
      if (!answer.ok) return say(node, (answer.json && answer.json.message) || answer.text, "error");
      const records = answer.json[kind] || [];
      if (records.length === 0) return say(node, "No " + kind + ".");
      node.replaceChildren(table(records));
    } catch (error) {
      failed(node, error);
    }
  }

  $("data-form").addEventListener("submit", (event) => {
    event.preventDefault();
    loadData();
  });
  $("data-kind").addEventListener("change", loadData);

  start();
})();
