// The desk's page: the draft is sent to this page's own server (POST /api/check) and nowhere
// else; every piece of document text is put into the page as text, never as markup.
"use strict";

(() => {
  const DEBOUNCE_MS = 400;
  const DAY_MS = 86400000;
  const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
  const COMPOSITE = new Set(["range", "origin", "birth", "duration"]);
  const SHAPE_OF = { range: "bar", duration: "since", origin: "origin", birth: "origin" };
  const STORE_KEY = "factcheck-desk-draft";
  const MAX_CHARS = 10 * 1024 * 1024; // past the server's 10 MB no draft has marks to draw

  const $ = (id) => document.getElementById(id);
  const draft = $("draft");
  const backdrop = $("backdrop");
  const editor = $("editor");
  const dateInput = $("date");
  const orderInput = $("order");
  const fileInput = $("file");
  const status = $("status");

  const state = {
    name: "<text>",
    report: null, // the last JSON document, for the text in `checked`
    checked: "",
    order: "",
    findings: [], // the findings shown, offsets in UTF-16 units of the current draft
    claims: [],
    seq: 0,
    controller: null,
    timer: 0,
    scale: "around",
    shown: new Set(["error", "warning", "info"]),
    active: -1,
    last: draft.value,
    problem: "", // why the last check gave no report
  };

  // ---- small helpers ------------------------------------------------------------------

  /** An element with attributes and children; strings become text nodes, never markup. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attributes, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) {
      if (child) node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function setStatus(message, kind) {
    status.textContent = message;
    status.className = `status ${kind || ""}`;
    document.body.dataset.state = kind === "busy" ? "checking" : kind === "error" ? "error" : "ready";
  }

  const plural = (n, noun) => `${n} ${noun}${n === 1 || noun === "info" ? "" : "s"}`;
  const oneLine = (text) => text.split(/\s+/).join(" ").trim();
  const quoted = (text) => `“${oneLine(text)}”`;

  /** Offsets in the report count code points; the draft counts UTF-16 units. */
  function unitsOf(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => Math.min(offset, text.length);
    const units = [];
    let at = 0;
    for (const ch of text) {
      units.push(at);
      at += ch.length;
    }
    units.push(at);
    return (offset) => units[Math.min(Math.max(offset, 0), units.length - 1)];
  }

  // ---- checking -----------------------------------------------------------------------

  function requestBody() {
    const body = { text: draft.value };
    if (dateInput.value) body.date = dateInput.value;
    if (orderInput.value) body.date_order = orderInput.value;
    if (state.name !== "<text>") body.name = state.name;
    return JSON.stringify(body);
  }

  function schedule(delay) {
    clearTimeout(state.timer);
    state.timer = setTimeout(check, delay === undefined ? DEBOUNCE_MS : delay);
  }

  async function check() {
    clearTimeout(state.timer);
    remember();
    const text = draft.value;
    const seq = ++state.seq;
    if (state.controller) state.controller.abort();
    const controller = new AbortController();
    state.controller = controller;
    if (!text.trim()) {
      state.report = null;
      state.checked = text;
      state.findings = [];
      state.claims = [];
      render();
      setStatus("Paste or type a draft, or drop a file on it.", "");
      return;
    }
    setStatus("Checking…", "busy");
    let response;
    let raw;
    try {
      response = await fetch("/api/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: requestBody(),
        signal: controller.signal,
      });
      raw = await response.text();
    } catch (problem) {
      if (problem.name === "AbortError") return;
      if (seq === state.seq) setStatus("The desk does not answer: is `factcheck serve` still running?", "error");
      return;
    }
    if (seq !== state.seq) return; // a newer check is on its way
    let data;
    try {
      data = JSON.parse(raw);
    } catch (_) {
      setStatus(`The desk gave an answer that is not JSON (status ${response.status}).`, "error");
      return;
    }
    if (!response.ok) {
      state.report = null;
      state.findings = [];
      state.claims = [];
      state.problem = data.message || `the check failed (status ${response.status})`;
      render();
      setStatus(state.problem, "error");
      return;
    }
    state.problem = "";
    if (draft.value !== text) return; // edited while checking: the next check is scheduled
    state.report = data;
    state.checked = text;
    state.order = response.headers.get("X-Factcheck-Date-Order") || "";
    adopt(data, text);
    render();
    document.body.dataset.checks = String(Number(document.body.dataset.checks) + 1);
    const s = data.summary;
    const total = s.errors + s.warnings + s.infos;
    setStatus(total ? `Checked: ${[s.errors && plural(s.errors, "error"), s.warnings && plural(s.warnings, "warning"), s.infos && plural(s.infos, "info")].filter(Boolean).join(", ")}.` : "Checked: no findings.", "ok");
  }

  /** The report's findings and claims with offsets in the draft's units. */
  function adopt(data, text) {
    const units = unitsOf(text);
    const doc = data.documents[0];
    const span = (item) => ({ start: units(item.start), end: units(item.end) });
    state.findings = doc.findings.map((f, index) => ({
      ...f,
      ...span(f),
      index,
      related: f.related.map((r) => ({ ...r, ...span(r) })),
    }));
    state.claims = doc.claims.map((c, index) => ({ ...c, ...span(c), index }));
  }

  /** After an edit, spans after it move with the text and spans it touched are dropped. */
  function followEdit(before, after) {
    if (before === after) return;
    let head = 0;
    const shortest = Math.min(before.length, after.length);
    while (head < shortest && before[head] === after[head]) head++;
    let tail = 0;
    while (tail < shortest - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
    const editEnd = before.length - tail;
    const delta = after.length - before.length;
    const move = (item) => {
      if (item.end <= head) return item;
      if (item.start >= editEnd) return { ...item, start: item.start + delta, end: item.end + delta };
      return null; // the edit touched it: the next check says what it is now
    };
    state.findings = state.findings
      .map((f) => {
        const moved = move(f);
        if (!moved) return null;
        return { ...moved, related: f.related.map(move).filter(Boolean) };
      })
      .filter(Boolean);
    state.claims = state.claims.map(move).filter(Boolean);
  }

  // ---- rendering ----------------------------------------------------------------------

  function visible() {
    return state.findings.filter((f) => state.shown.has(f.severity));
  }

  function render() {
    renderDate();
    renderBackdrop();
    renderFindings();
    renderTimeline();
    renderClaims();
  }

  function renderDate() {
    const doc = state.report && state.report.documents[0];
    const note = $("date-note");
    if (!doc) note.textContent = "found in the text, or type one";
    else if (doc.date && doc.date_source === "--date") note.textContent = `typed in: ${doc.date}`;
    else if (doc.date) note.textContent = `found in the text: ${doc.date} (${doc.date_source})`;
    else note.textContent = "none found in the text: type one to check relative dates";
    $("order-note").textContent = state.order ? `read as ${state.order === "DMY" ? "day/month" : "month/day"}` : "";
    $("draft-name").textContent = state.name === "<text>" ? "" : `(${state.name})`;
  }

  /** The marks behind the textarea: findings over related passages, most severe on top. */
  function renderBackdrop() {
    const text = draft.value;
    if (text.length > MAX_CHARS) {
      backdrop.replaceChildren(); // laying out megabytes twice would stall the page
      return;
    }
    const spans = [];
    for (const f of visible()) {
      spans.push({ start: f.start, end: f.end, rank: SEVERITY_ORDER[f.severity], css: `sev-${f.severity}`, finding: f.index });
      for (const r of f.related) spans.push({ start: r.start, end: r.end, rank: 5, css: "rel", finding: f.index });
    }
    const bounds = new Set([0, text.length]);
    for (const s of spans) {
      bounds.add(Math.min(s.start, text.length));
      bounds.add(Math.min(s.end, text.length));
    }
    const points = [...bounds].sort((a, b) => a - b);
    const nodes = [];
    let previous = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const piece = text.slice(from, to);
      const over = spans.filter((s) => s.start <= from && s.end >= to && s.end > s.start);
      if (!over.length) {
        nodes.push(document.createTextNode(piece));
        previous = null;
        continue;
      }
      over.sort((a, b) => a.rank - b.rank);
      const top = over[0];
      if (previous && previous.span === top) {
        previous.mark.append(piece); // a passage inside it does not cut the mark in two
        continue;
      }
      const mark = el("mark", { class: `m ${top.css}`, "data-finding": top.finding }, piece);
      if (top.start === from) mark.dataset.start = "1";
      nodes.push(mark);
      previous = { span: top, mark };
    }
    nodes.push(document.createTextNode("\n\u200b")); // a last empty line is as tall as the textarea's
    backdrop.replaceChildren(...nodes);
    backdrop.scrollTop = draft.scrollTop;
  }

  function renderFindings() {
    const list = $("findings");
    const shown = visible();
    const all = state.findings;
    const tally = ["error", "warning", "info"]
      .map((s) => [s, all.filter((f) => f.severity === s).length])
      .filter(([, n]) => n)
      .map(([s, n]) => plural(n, s));
    $("counts").textContent = tally.length ? `(${tally.join(", ")})` : "";
    const none = $("no-findings");
    none.hidden = shown.length > 0;
    if (state.problem) none.textContent = `Not checked: ${state.problem}`;
    else if (!state.report) none.textContent = "Nothing checked yet.";
    else none.textContent = all.length ? "No findings at the severities shown." : "No findings.";
    list.replaceChildren(...shown.map(findingItem));
  }

  function place(passage, text) {
    if (passage.paragraph) return passage.source_line ? `line ${passage.source_line}, paragraph ${passage.paragraph}` : `paragraph ${passage.paragraph}`;
    const before = text.slice(0, passage.start);
    const line = before.split("\n").length;
    return `line ${line}`;
  }

  function findingItem(f) {
    const rows = [el("dt", {}, "Passage"), el("dd", {}, quoted(f.text))];
    if (f.related.length) {
      rows.push(el("dt", {}, "Related"), el("dd", {}, el("ul", {}, f.related.map((r) => el("li", {}, quoted(r.text), ` — ${oneLine(r.label)}`)))));
    }
    if (f.help) rows.push(el("dt", {}, "Working"), el("dd", {}, f.help.trim()));
    if (f.suggestion !== null && f.suggestion !== undefined) {
      const apply = el("button", { type: "button", class: "apply", title: "Put the suggestion into the draft", onclick: (event) => { event.stopPropagation(); applySuggestion(f); } }, "Apply");
      rows.push(el("dt", {}, "Suggestion"), el("dd", { class: "suggestion" }, el("span", {}, quoted(f.suggestion)), apply));
    }
    return el(
      "li",
      {
        class: `finding sev-${f.severity}${state.active === f.index ? " active" : ""}`,
        "data-rule": f.rule,
        "data-finding": f.index,
        tabindex: 0,
        onclick: () => reveal(f.start, f.end, f.index),
        onkeydown: (event) => { if (event.key === "Enter" && event.target === event.currentTarget) reveal(f.start, f.end, f.index); },
      },
      el("div", { class: "finding-head" },
        el("span", { class: `badge sev-${f.severity}` }, f.severity),
        el("code", { class: "rule" }, f.rule),
        el("span", { class: "where" }, place(f, draft.value))),
      el("p", { class: "message" }, f.message),
      el("dl", { class: "details" }, rows),
    );
  }

  /** Select a span of the draft and scroll it into the middle of the box. */
  function reveal(start, end, finding) {
    if (finding !== undefined) {
      state.active = finding;
      for (const item of document.querySelectorAll("li.finding")) item.classList.toggle("active", Number(item.dataset.finding) === finding);
    }
    draft.focus({ preventScroll: true });
    draft.setSelectionRange(start, end);
    const mark = finding !== undefined ? backdrop.querySelector(`mark[data-finding="${finding}"][data-start]`) : null;
    const top = mark ? mark.offsetTop : offsetTopOf(start);
    draft.scrollTop = Math.max(0, top - draft.clientHeight / 3);
    backdrop.scrollTop = draft.scrollTop;
    if (mark) {
      mark.classList.add("flash");
      setTimeout(() => mark.classList.remove("flash"), 1600);
    }
  }

  /** Where an offset of the draft lies, measured on the backdrop. */
  function offsetTopOf(offset) {
    const probe = el("span", {}, "\u200b");
    const text = draft.value;
    const keep = [...backdrop.childNodes];
    backdrop.replaceChildren(document.createTextNode(text.slice(0, offset)), probe, document.createTextNode(text.slice(offset)));
    const top = probe.offsetTop;
    backdrop.replaceChildren(...keep);
    return top;
  }

  /** Put a finding's suggestion in place of its passage, as an edit the editor can undo. */
  function applySuggestion(f) {
    const text = draft.value;
    let start = f.start;
    if (text.slice(f.start, f.end) !== f.text) {
      const at = text.indexOf(f.text);
      if (at < 0) {
        setStatus("The passage has changed since the check; check again.", "error");
        return;
      }
      start = at;
    }
    const end = start + f.text.length;
    draft.focus({ preventScroll: true });
    draft.setSelectionRange(start, end);
    let done = false;
    try {
      done = document.execCommand("insertText", false, f.suggestion);
    } catch (_) {
      done = false;
    }
    if (!done || draft.value === text) {
      draft.setRangeText(f.suggestion, start, end, "end");
      draft.dispatchEvent(new Event("input"));
    }
    schedule(0);
  }

  // ---- the timeline -------------------------------------------------------------------

  function dayNumber(year, month, day) {
    const t = new Date(0);
    t.setUTCFullYear(year, month - 1, day);
    return Math.round(t.getTime() / DAY_MS);
  }

  function daysInMonth(year, month) {
    return dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumber(year, month, 1);
  }

  /** The days [first, last + 1) a calendar date can mean (a day that does not exist: its month). */
  function period(d) {
    if (!d || !d.year) return null;
    if (d.month && d.day && d.day <= daysInMonth(d.year, d.month)) {
      const first = dayNumber(d.year, d.month, d.day);
      return [first, first + 1];
    }
    if (d.month) return [dayNumber(d.year, d.month, 1), dayNumber(d.year, d.month, 1) + daysInMonth(d.year, d.month)];
    return [dayNumber(d.year, 1, 1), dayNumber(d.year + 1, 1, 1)];
  }

  function dateText(day) {
    const t = new Date(day * DAY_MS);
    return t.toISOString().slice(0, 10).replace(/^\+0*/, "");
  }

  /** The rows of the picture, as checker/report/timeline_svg.py draws them for the HTML report. */
  function timelineItems(doc, release) {
    const byId = new Map(state.claims.map((c) => [c.id, c]));
    const flagged = new Set(doc.findings.flatMap((f) => f.claims || []));
    const rows = [];
    const drawnParts = new Set();
    for (const claim of state.claims) {
      const periods = (claim.parts || []).map((p) => byId.get(p)).filter((c) => c && c.date).map((c) => period(c.date)).filter(Boolean);
      let span = null;
      if (claim.kind === "range") {
        if (periods.length >= 2) span = [Math.min(...periods.map((p) => p[0])), Math.max(...periods.map((p) => p[1]))];
      } else if (claim.kind === "duration") {
        if (periods.length && release !== null && periods[0][0] < release) span = [periods[0][0], release + 1];
      } else if (claim.date) {
        span = period(claim.date);
      }
      if (!span) continue;
      const hit = flagged.has(claim.id) || (claim.parts || []).some((p) => flagged.has(p));
      rows.push({ claim, shape: SHAPE_OF[claim.kind] || "tick", start: span[0], end: span[1], flagged: hit });
      if (COMPOSITE.has(claim.kind)) for (const p of claim.parts || []) drawnParts.add(p);
    }
    return rows
      .filter((r) => !drawnParts.has(r.claim.id) || COMPOSITE.has(r.claim.kind))
      .sort((a, b) => a.start - b.start || a.end - b.end || a.claim.index - b.claim.index);
  }

  const RELATIVE_TICKS = [
    [1, "1 day"], [7, "1 week"], [30, "1 month"], [365, "1 year"], [3652, "10 years"], [36524, "100 years"], [365242, "1000 years"],
  ];

  /** A scale: days to x, and the ticks to label. `around` spreads the days near the release. */
  function makeScale(kind, rows, release, left, right) {
    const days = rows.flatMap((r) => [r.start, r.end]);
    if (release !== null) days.push(release, release + 1);
    let low = Math.min(...days);
    let high = Math.max(...days);
    if (kind === "around" && release !== null) {
      // Days counted from the middle of the release day, so that the release day sits
      // across its line and the day before is as far to the left as the day after is right.
      const f = (day) => { const t = day - release - 0.5; return Math.sign(t) * Math.log10(1 + Math.abs(t)); };
      const lo = Math.min(f(low), -1) - 0.15;
      const hi = Math.max(f(high), 1) + 0.15;
      const x = (day) => left + ((f(day) - lo) / (hi - lo)) * (right - left);
      const ticks = [];
      for (const [n, label] of RELATIVE_TICKS) {
        const [before, after] = [release - n + 0.5, release + n + 0.5]; // the middle of the day
        if (f(before) >= lo) ticks.push({ day: before, label: `${label} before` });
        if (f(after) <= hi) ticks.push({ day: after, label: `${label} after` });
      }
      return { x, ticks, low: -Infinity, high: Infinity, relative: true };
    }
    if (kind !== "all" && release !== null) {
      const half = Number(kind);
      low = release - half;
      high = release + half + 1;
    }
    if (high - low < 2) { low -= 1; high += 1; }
    const pad = (high - low) * 0.02;
    const [lo, hi] = [low - pad, high + pad];
    const x = (day) => left + ((day - lo) / (hi - lo)) * (right - left);
    return { x, ticks: calendarTicks(lo, hi), low, high, relative: false };
  }

  /** Day, month or year ticks, as many as fit. */
  function calendarTicks(lo, hi) {
    const span = hi - lo;
    const ticks = [];
    const first = new Date(Math.ceil(lo) * DAY_MS);
    if (span <= 24) {
      for (let d = Math.ceil(lo); d <= hi; d++) ticks.push({ day: d, label: new Date(d * DAY_MS).toISOString().slice(5, 10) });
      return ticks.filter((_, i) => span <= 12 || i % 2 === 0);
    }
    if (span <= 800) {
      const step = span <= 70 ? 0 : span <= 400 ? 1 : 3;
      if (step === 0) {
        for (let d = Math.ceil(lo); d <= hi; d++) if (new Date(d * DAY_MS).getUTCDay() === 1) ticks.push({ day: d, label: new Date(d * DAY_MS).toISOString().slice(5, 10) });
        return ticks;
      }
      let y = first.getUTCFullYear();
      let m = first.getUTCMonth() + 1;
      while (dayNumber(y, m, 1) <= hi) {
        const d = dayNumber(y, m, 1);
        if (d >= lo && (m - 1) % step === 0) ticks.push({ day: d, label: `${y}-${String(m).padStart(2, "0")}` });
        m += 1;
        if (m > 12) { m = 1; y += 1; }
      }
      return ticks;
    }
    const years = span / 365.25;
    const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((s) => years / s <= 10) || 1000;
    const start = new Date(lo * DAY_MS).getUTCFullYear();
    for (let y = Math.ceil(start / step) * step; dayNumber(y, 1, 1) <= hi; y += step) {
      if (dayNumber(y, 1, 1) >= lo) ticks.push({ day: dayNumber(y, 1, 1), label: String(y) });
    }
    return ticks;
  }

  function renderTimeline() {
    const box = $("timeline");
    const doc = state.report && state.report.documents[0];
    const release = doc && doc.date ? dayNumber(...doc.date.split("-").map(Number)) : null;
    const rows = doc ? timelineItems(doc, release) : [];
    for (const b of document.querySelectorAll(".scale button")) {
      b.setAttribute("aria-pressed", String(b.dataset.scale === state.scale));
      b.disabled = b.dataset.scale !== "all" && release === null;
    }
    if (!rows.length) {
      box.replaceChildren(el("p", { class: "none" }, doc ? "No dated claims to draw." : "No dated claims yet."));
      return;
    }
    const kind = release === null ? "all" : state.scale;
    const width = Math.max(box.clientWidth || 900, 600);
    const [labels, right, top, rowHeight] = [250, width - 40, 40, 24];
    const scale = makeScale(kind, rows, release, labels, right);
    const bottom = top + rows.length * rowHeight + 4;
    const parts = [];
    parts.push(svg("line", { class: "tl-axis", x1: labels, y1: bottom, x2: right, y2: bottom }));
    let lastX = -Infinity;
    for (const tick of scale.ticks.sort((a, b) => a.day - b.day)) {
      const x = scale.x(tick.day);
      if (x < labels - 1 || x > right + 1) continue;
      parts.push(svg("line", { class: "tl-grid", x1: x, y1: top - 4, x2: x, y2: bottom + 5 }));
      if (x - lastX >= 64) {
        parts.push(svg("text", { class: "tl-tick-label", x, y: bottom + 19 }, tick.label));
        lastX = x;
      }
    }
    if (release !== null) {
      const x = scale.x(release + 0.5);
      const anchor = x > right - 120 ? "end" : x < labels + 120 ? "start" : "middle";
      parts.push(svg("line", { class: "tl-release", x1: x, y1: top - 8, x2: x, y2: bottom }));
      parts.push(svg("text", { class: "tl-release-label", x, y: top - 14, "text-anchor": anchor }, `release ${doc.date}`));
    }
    rows.forEach((row, n) => parts.push(timelineRow(row, n, scale, labels, right, top, rowHeight)));
    const height = bottom + 30;
    const picture = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `Timeline of ${plural(rows.length, "dated claim")}` }, parts);
    const caption = scale.relative
      ? "Around the release: each step away from the release date (a day, a week, a month, a year, ten years) takes about the same room, so dates days apart stay apart."
      : kind === "all" ? "The whole span on a calendar scale." : "A window around the release date; claims outside it are shown as arrows at the edge.";
    box.replaceChildren(picture, el("p", { class: "tl-caption" }, caption));
  }

  function timelineRow(row, n, scale, labels, right, top, rowHeight) {
    const y = top + n * rowHeight + rowHeight / 2;
    const claim = row.claim;
    const text = oneLine(claim.text);
    const label = text.length <= 34 ? text : `${text.slice(0, 33).trimEnd()}…`;
    const when = row.end - row.start > 1 ? `${dateText(row.start)} to ${dateText(row.end - 1)}` : dateText(row.start);
    const children = [
      svg("title", {}, `${claim.kind}: ${claim.value} — “${text}” (${when})${row.flagged ? " — involved in a finding" : ""}`),
      svg("rect", { class: "stripe", x: 0, y: y - rowHeight / 2, width: right + 40, height: rowHeight }),
      svg("text", { class: "tl-label", x: labels - 12, y: y + 4 }, label),
    ];
    if (row.end <= scale.low || row.start >= scale.high) {
      const before = row.end <= scale.low;
      const x = before ? labels + 2 : right - 2;
      const d = before ? `M${x + 9},${y - 6} L${x},${y} L${x + 9},${y + 6} Z` : `M${x - 9},${y - 6} L${x},${y} L${x - 9},${y + 6} Z`;
      children.push(svg("path", { class: "tl-off", d }));
      children.push(svg("text", { class: `tl-off-label ${before ? "left" : "right"}`, x: before ? x + 14 : x - 14, y: y + 4 }, dateText(row.start)));
    } else {
      const x0 = Math.max(scale.x(row.start), labels);
      const x1 = Math.min(scale.x(row.end), right);
      const mid = (x0 + x1) / 2;
      if (row.shape === "bar") children.push(svg("rect", { class: "tl-bar", x: x0, y: y - 5, width: Math.max(x1 - x0, 3), height: 10, rx: 3 }));
      else if (row.shape === "since") children.push(svg("rect", { class: "tl-since", x: x0, y: y - 4, width: Math.max(x1 - x0, 3), height: 8, rx: 2 }));
      else {
        if (x1 - x0 >= 3) children.push(svg("rect", { class: "tl-band", x: x0, y: y - 6, width: x1 - x0, height: 12, rx: 2 }));
        if (row.shape === "origin") children.push(svg("polygon", { class: "tl-origin", points: `${mid},${y - 7} ${mid + 7},${y} ${mid},${y + 7} ${mid - 7},${y}` }));
        else children.push(svg("line", { class: "tl-mark", x1: mid, y1: y - 8, x2: mid, y2: y + 8 }));
      }
    }
    return svg("g", { class: `tl-row${row.flagged ? " flagged" : ""}`, "data-claim": claim.index, onclick: () => reveal(claim.start, claim.end) }, children);
  }

  // ---- the claims ---------------------------------------------------------------------

  function renderClaims() {
    const body = $("claims").tBodies[0];
    $("claim-count").textContent = state.report ? `(${state.claims.length})` : "";
    body.replaceChildren(...state.claims.map((c, n) => el("tr", { onclick: () => reveal(c.start, c.end) },
      el("td", {}, String(n + 1)), el("td", {}, c.kind), el("td", {}, quoted(c.text)), el("td", {}, oneLine(c.value)), el("td", {}, oneLine(c.subject || "")))));
  }

  // ---- files --------------------------------------------------------------------------

  async function openFile(file) {
    const form = new FormData();
    form.append("file", file, file.name);
    setStatus(`Reading ${file.name}…`, "busy");
    let response;
    let data;
    try {
      response = await fetch("/api/read", { method: "POST", body: form });
      data = JSON.parse(await response.text());
    } catch (_) {
      setStatus(`${file.name} could not be sent to the desk: is \`factcheck serve\` still running?`, "error");
      return;
    }
    if (!response.ok) {
      setStatus(data.message || `${file.name} could not be read (status ${response.status}).`, "error");
      return;
    }
    state.name = data.name;
    dateInput.value = "";
    draft.value = data.text;
    state.last = draft.value;
    state.findings = [];
    state.claims = [];
    draft.scrollTop = 0;
    render();
    check();
  }

  // ---- the draft, kept in this browser between visits ---------------------------------

  function remember() {
    if (draft.value.length > MAX_CHARS) return;
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify({ text: draft.value, name: state.name, date: dateInput.value, order: orderInput.value }));
    } catch (_) {
      /* too large for this browser's storage: it is simply not kept */
    }
  }

  function restore() {
    try {
      const kept = JSON.parse(localStorage.getItem(STORE_KEY) || "null");
      if (kept && typeof kept.text === "string") {
        draft.value = kept.text;
        state.name = typeof kept.name === "string" ? kept.name : "<text>";
        dateInput.value = kept.date || "";
        orderInput.value = kept.order || "";
      }
    } catch (_) {
      /* nothing kept */
    }
  }

  // ---- wiring -------------------------------------------------------------------------

  draft.addEventListener("input", () => {
    followEdit(state.last, draft.value);
    state.last = draft.value;
    renderBackdrop();
    renderFindings();
    schedule();
  });
  draft.addEventListener("scroll", () => { backdrop.scrollTop = draft.scrollTop; });
  draft.addEventListener("click", () => {
    const at = draft.selectionStart;
    const hit = visible().find((f) => f.start <= at && at <= f.end);
    if (hit) {
      state.active = hit.index;
      const item = document.querySelector(`li.finding[data-finding="${hit.index}"]`);
      for (const li of document.querySelectorAll("li.finding")) li.classList.toggle("active", li === item);
      if (item) item.scrollIntoView({ block: "nearest" });
    }
  });
  new ResizeObserver(() => { renderBackdrop(); }).observe(editor);
  let width = 0;
  new ResizeObserver(() => {
    const now = $("timeline").clientWidth;
    if (Math.abs(now - width) > 8) { width = now; renderTimeline(); }
  }).observe($("timeline"));

  dateInput.addEventListener("change", () => { remember(); schedule(0); });
  orderInput.addEventListener("change", () => { remember(); schedule(0); });
  for (const box of document.querySelectorAll("input[name=severity]")) {
    box.addEventListener("change", () => {
      state.shown = new Set([...document.querySelectorAll("input[name=severity]:checked")].map((b) => b.value));
      renderBackdrop();
      renderFindings();
    });
  }
  for (const button of document.querySelectorAll(".scale button")) {
    button.addEventListener("click", () => { state.scale = button.dataset.scale; renderTimeline(); });
  }
  for (const button of document.querySelectorAll(".downloads button")) {
    button.addEventListener("click", () => download(button.dataset.format));
  }
  fileInput.addEventListener("change", () => {
    if (fileInput.files && fileInput.files[0]) openFile(fileInput.files[0]);
    fileInput.value = "";
  });
  editor.addEventListener("dragover", (event) => {
    if ([...event.dataTransfer.types].includes("Files")) {
      event.preventDefault();
      editor.classList.add("dragging");
    }
  });
  editor.addEventListener("dragleave", () => editor.classList.remove("dragging"));
  editor.addEventListener("drop", (event) => {
    editor.classList.remove("dragging");
    const file = event.dataTransfer.files && event.dataTransfer.files[0];
    if (file) {
      event.preventDefault();
      openFile(file);
    }
  });

  async function download(format) {
    if (!draft.value.trim()) {
      setStatus("There is no draft to report on yet.", "error");
      return;
    }
    let response;
    try {
      response = await fetch(`/api/report/${format}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: requestBody() });
    } catch (_) {
      setStatus("The desk does not answer: is `factcheck serve` still running?", "error");
      return;
    }
    if (!response.ok) {
      let message = `The report could not be made (status ${response.status}).`;
      try { message = JSON.parse(await response.text()).message || message; } catch (_) { /* keep the status */ }
      setStatus(message, "error");
      return;
    }
    const disposition = response.headers.get("Content-Disposition") || "";
    const match = /filename="([^"]+)"/.exec(disposition);
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: match ? match[1] : `draft.factcheck.${format}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  }

  restore();
  state.last = draft.value;
  render();
  if (draft.value.trim()) check();
})();
