// The explorer: search, ego networks, evidence, events, filters, exports.
// Everything it shows comes from the JSON API under /api/ (see src/serve/api.rs);
// the view is a function of the state, and the state lives in the URL.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "class") e.className = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c.nodeType ? c : String(c));
    return e;
  };

  const PREFIXES = [
    ["person:", "https://w3id.org/newsgraph/id/person/"],
    ["org:", "https://w3id.org/newsgraph/id/org/"],
    ["place:", "https://w3id.org/newsgraph/id/place/"],
    ["group:", "https://w3id.org/newsgraph/id/group/"],
    ["entity:", "https://w3id.org/newsgraph/id/wikidata/"],
  ];
  const short = (iri) => {
    for (const [p, ns] of PREFIXES) if (iri.startsWith(ns)) return p + iri.slice(ns.length);
    return iri;
  };
  const long = (s) => {
    for (const [p, ns] of PREFIXES) if (s.startsWith(p)) return ns + s.slice(p.length);
    return s;
  };

  // Type is shown by shape as well as colour.
  const TYPES = {
    PERSON: { name: "person", shape: "ellipse", color: "#4e79a7" },
    ORG: { name: "organisation", shape: "round-rectangle", color: "#e8830c" },
    GPE: { name: "country or city", shape: "hexagon", color: "#3d8b37" },
    LOC: { name: "place", shape: "triangle", color: "#17a2a2" },
    NORP: { name: "group", shape: "diamond", color: "#a05195" },
  };
  const PREDICATES = {
    metWith: { label: "met", event: true },
    phoned: { label: "phoned", event: true },
    plannedMeetingWith: { label: "to meet", event: true },
    visited: { label: "visited", event: true },
    plannedVisit: { label: "to visit", event: true },
    affiliatedWith: { label: "affiliated with" },
    relativeOf: { label: "relative of" },
    partOf: { label: "part of" },
  };
  const PAGES = [6, 12, 25, 50]; // neighbours per page
  const NG = "https://w3id.org/newsgraph/ontology#";

  // ---------------------------------------------------------------- state
  const defaults = () => ({
    pins: [], expand: [], types: Object.keys(TYPES), preds: Object.keys(PREDICATES),
    min: 1, from: "", to: "", sel: "", per: 12,
  });

  function toQuery(s) {
    const q = new URLSearchParams();
    for (const p of s.pins) q.append("e", short(p));
    for (const x of s.expand) q.append("x", [short(x.id), x.pred || "", x.pages].join("|"));
    if (s.types.length !== Object.keys(TYPES).length) q.set("types", s.types.join(","));
    if (s.preds.length !== Object.keys(PREDICATES).length) q.set("facts", s.preds.join(","));
    if (s.min > 1) q.set("min", String(s.min));
    if (s.per !== 12) q.set("per", String(s.per));
    if (s.from) q.set("from", s.from);
    if (s.to) q.set("to", s.to);
    if (s.sel) q.set("sel", s.sel.split("|").map((p, i) => (i === 1 ? p : short(p))).join("|"));
    const text = q.toString();
    return text ? "?" + text : location.pathname;
  }

  function fromQuery(search) {
    const q = new URLSearchParams(search);
    const s = defaults();
    const date = (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v || "") ? v : "");
    s.pins = q.getAll("e").map(long);
    s.expand = q.getAll("x").map((v) => {
      const [id, pred, pages] = v.split("|");
      return { id: long(id), pred: PREDICATES[pred] ? pred : "", pages: Math.max(1, Math.min(50, parseInt(pages, 10) || 1)) };
    });
    if (q.has("types")) s.types = q.get("types").split(",").filter((t) => TYPES[t]);
    if (q.has("facts")) s.preds = q.get("facts").split(",").filter((p) => PREDICATES[p]);
    s.min = Math.max(1, parseInt(q.get("min"), 10) || 1);
    s.per = Math.max(1, Math.min(100, parseInt(q.get("per"), 10) || 12));
    s.from = date(q.get("from"));
    s.to = date(q.get("to"));
    const sel = q.get("sel") || "";
    s.sel = sel.split("|").map((p, i) => (i === 1 ? p : long(p))).join("|");
    return s;
  }

  const clone = (s) => JSON.parse(JSON.stringify(s));
  let state = fromQuery(location.search);
  const undoStack = [];

  // ---------------------------------------------------------------- data
  const cache = new Map();
  let busy = 0;
  let failures = 0;

  function api(path, params) {
    const query = new URLSearchParams(params).toString();
    // the server reads at most 8 KiB of request line and headers: long lists go as a form
    const long = query.length > 6000;
    const url = "api/" + path + (query && !long ? "?" + query : "");
    const key = long ? url + "\n" + query : url;
    if (!cache.has(key)) {
      const init = long
        ? { method: "POST", headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" }, body: query }
        : { headers: { Accept: "application/json" } };
      const p = fetch(url, init).then(async (r) => {
        const text = await r.text();
        if (!r.ok) throw new Error(r.status + ": " + text.trim());
        return JSON.parse(text);
      });
      p.catch(() => cache.delete(key));
      cache.set(key, p);
    }
    return cache.get(key);
  }

  const nodes = new Map(); // id → {id, label, type}
  const edges = new Map(); // id → edge as the API gives it
  const counts = new Map(); // id → per-predicate neighbour counts
  let among = new Set(); // every pair of these entities has been asked for its edges

  function remember(n) {
    if (n && n.id) nodes.set(n.id, { ...(nodes.get(n.id) || {}), ...n });
  }

  async function edgesAmong(ids) {
    const known = new Set(ids.filter((i) => among.has(i)));
    const fresh = ids.filter((i) => !known.has(i));
    if (fresh.length && ids.length > 1) {
      const step = Math.max(1, Math.floor(40000 / ids.length));
      const sorted = [...ids].sort();
      const jobs = [];
      for (let i = 0; i < fresh.length; i += step) {
        const params = sorted.map((id) => ["id", id]);
        for (const w of fresh.slice(i, i + step)) params.push(["with", w]);
        jobs.push(api("edges", params));
      }
      for (const r of await Promise.all(jobs)) for (const e of r.edges) edges.set(e.id, e);
    }
    among = new Set(ids);
  }

  // The entities a state asks for, each with its role, and the "+N more" stubs.
  async function gather(s) {
    const want = new Map();
    const more = [];
    let mode = "view";
    if (!s.pins.length && !s.expand.length) {
      mode = "top";
      const top = await api("top", { limit: 25 });
      for (const n of top.nodes) { remember(n); want.set(n.id, "top"); }
      for (const e of top.edges) edges.set(e.id, e);
      among = new Set(top.nodes.map((n) => n.id)); // the answer has the edges among them
    } else {
      if (s.pins.length) {
        const r = await api("entities", s.pins.map((id) => ["id", id])).catch((e) => { report(e); return { entities: [] }; });
        for (const c of r.entities) { remember(c); want.set(c.id, "pin"); }
      }
      const pages = await Promise.all(s.expand.map((x) => Promise.all(
        Array.from({ length: x.pages }, (_, page) => {
          const params = { id: x.id, offset: page * s.per, limit: s.per };
          if (x.pred) params.predicate = x.pred;
          return api("neighbours", params).catch((e) => { report(e); return null; });
        }))));
      s.expand.forEach((x, i) => {
        const got = pages[i].filter(Boolean);
        if (!got.length) return;
        remember(got[0].entity);
        counts.set(x.id, got[0].counts);
        want.set(x.id, "center");
        for (const r of got) {
          for (const n of r.nodes) { remember(n); if (!want.has(n.id)) want.set(n.id, "neighbour"); }
          for (const e of r.edges) edges.set(e.id, e);
        }
        const shown = Math.min(got[0].total, x.pages * s.per);
        if (got[0].total > shown) more.push({ center: x.id, pred: x.pred, n: got[0].total - shown });
      });
    }
    await edgesAmong([...want.keys()].sort());
    return { want, more, mode };
  }

  // Sources of an edge inside the date range.
  function inRange(e, s) {
    if (!s.from && !s.to) return e.sources;
    let n = 0;
    for (const [d, c] of e.dates) if ((!s.from || d >= s.from) && (!s.to || d <= s.to)) n += c;
    return n;
  }

  // What is visible: nodes and edges after the filters.
  function visible(s, g) {
    const fixed = (role) => role === "pin" || role === "center";
    const cand = new Map();
    for (const [id, role] of g.want) {
      const n = nodes.get(id);
      if (!n) continue;
      if (fixed(role) || s.types.includes(n.type)) cand.set(id, role);
    }
    const shown = [];
    const linked = new Set();
    for (const e of edges.values()) {
      if (!cand.has(e.source) || !cand.has(e.target)) continue;
      if (!s.preds.includes(e.predicate)) continue;
      const n = inRange(e, s);
      if (n < Math.max(1, s.min)) continue;
      shown.push({ ...e, shown: n });
      linked.add(e.source); linked.add(e.target);
    }
    const vis = new Map();
    for (const [id, role] of cand) if (fixed(role) || role === "top" || linked.has(id)) vis.set(id, role);
    return { nodes: vis, edges: shown.filter((e) => vis.has(e.source) && vis.has(e.target)) };
  }

  // ---------------------------------------------------------------- graph
  const fmtDay = (d) => new Date(d + "T00:00:00Z").toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

  function edgeLabel(e, s) {
    const p = PREDICATES[e.predicate] || { label: e.predicate };
    let days = e.dates.map(([d]) => d).filter((d) => (!s.from || d >= s.from) && (!s.to || d <= s.to));
    if (!p.event || !days.length) return p.label;
    days = days.sort();
    const when = days.length === 1 ? fmtDay(days[0]) : fmtDay(days[0]) + "–" + fmtDay(days[days.length - 1]);
    return p.label + " · " + when;
  }

  const style = [
    { selector: "node", style: {
      "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3, "color": "#1d232b",
      "text-wrap": "wrap", "text-max-width": 110, "width": 26, "height": 26, "border-width": 1, "border-color": "#fff",
      "text-background-color": "#fff", "text-background-opacity": 0.7, "text-background-padding": 1 } },
    ...Object.entries(TYPES).map(([t, v]) => ({ selector: `node[type="${t}"]`, style: { "shape": v.shape, "background-color": v.color } })),
    { selector: "node[?expanded]", style: { "border-width": 3, "border-color": "#1d232b" } },
    { selector: "node[role=\"pin\"], node[role=\"center\"]", style: { "width": 34, "height": 34, "font-weight": "bold" } },
    { selector: "node[?more]", style: { "shape": "round-rectangle", "background-color": "#eef1f5", "border-color": "#8a94a3",
      "border-width": 1, "border-style": "dashed", "width": 58, "height": 20, "label": "data(label)", "text-valign": "center",
      "text-margin-y": 0, "font-size": 10, "color": "#3b4452" } },
    { selector: "edge", style: {
      "width": "data(width)", "line-color": "#9aa5b4", "curve-style": "bezier", "label": "data(label)", "font-size": 9,
      "color": "#4a5361", "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.85,
      "text-background-padding": 1, "target-arrow-shape": "triangle", "target-arrow-color": "#9aa5b4", "arrow-scale": 0.8 } },
    { selector: "edge[?symmetric]", style: { "target-arrow-shape": "none" } },
    { selector: "edge[?event]", style: { "line-color": "#c0504d", "target-arrow-color": "#c0504d" } },
    { selector: "edge[?more]", style: { "line-style": "dashed", "width": 1, "label": "", "target-arrow-shape": "none" } },
    { selector: ":selected", style: { "overlay-color": "#1f5fbf", "overlay-opacity": 0.25, "overlay-padding": 6 } },
    { selector: ".faded", style: { "opacity": 0.25 } },
  ];

  const cy = cytoscape({
    container: $("cy"), style, wheelSensitivity: 0.3, minZoom: 0.15, maxZoom: 4,
    boxSelectionEnabled: false, selectionType: "single",
  });

  let current = { want: new Map(), more: [], mode: "top" };
  let shownModel = { nodes: new Map(), edges: [] };
  let layoutRunning = false;

  function render(s, g) {
    const v = visible(s, g);
    shownModel = v;
    const elements = [];
    for (const [id, role] of v.nodes) {
      const n = nodes.get(id);
      elements.push({ group: "nodes", data: {
        id, label: n.label, type: n.type, role, expanded: s.expand.some((x) => x.id === id) } });
    }
    for (const e of v.edges) {
      elements.push({ group: "edges", data: {
        id: e.id, source: e.source, target: e.target, label: edgeLabel(e, s), predicate: e.predicate,
        symmetric: e.symmetric, event: !!(PREDICATES[e.predicate] || {}).event,
        width: 1 + Math.min(8, Math.log2(e.shown) * 2), sources: e.shown } });
    }
    for (const m of g.more) {
      if (!v.nodes.has(m.center)) continue;
      const id = "more:" + m.center + "|" + (m.pred || "");
      elements.push({ group: "nodes", data: { id, label: "+" + m.n + " more", more: true, center: m.center, pred: m.pred || "" } });
      elements.push({ group: "edges", data: { id: id + ":edge", source: m.center, target: id, more: true, width: 1, label: "" } });
    }
    const ids = new Set(elements.map((x) => x.data.id));
    let added = 0;
    cy.batch(() => {
      cy.elements().filter((x) => !ids.has(x.id())).remove();
      const known = new Set(cy.elements().map((x) => x.id()));
      const placed = new Map();
      for (const x of elements) {
        if (known.has(x.data.id)) { cy.getElementById(x.data.id).data(x.data); continue; }
        if (x.group === "nodes") {
          // new nodes start around their anchor, so the layout changes little
          const anchor = x.data.center || g.want.get(x.data.id) === "neighbour" && anchorOf(x.data.id, s);
          const a = anchor && cy.getElementById(anchor).nonempty() ? cy.getElementById(anchor).position() : { x: 0, y: 0 };
          const k = (placed.get(anchor) || 0) + 1;
          placed.set(anchor, k);
          const angle = k * 2.399963;
          x.position = { x: a.x + Math.cos(angle) * (60 + 12 * k), y: a.y + Math.sin(angle) * (60 + 12 * k) };
          added++;
        }
        cy.add(x);
      }
    });
    if (added) layout();
    updateList(s);
    updateTimeline(s);
    select(s.sel, false);
  }

  function anchorOf(id, s) {
    for (const x of s.expand) {
      const e = [...edges.values()].find((e) => (e.source === x.id && e.target === id) || (e.target === x.id && e.source === id));
      if (e) return x.id;
    }
    return null;
  }

  function layout() {
    const n = cy.nodes().length;
    if (!n) return;
    layoutRunning = true;
    const l = cy.layout({
      name: n > 2 ? "fcose" : "grid", randomize: false, animate: false, quality: "default",
      nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 110, nodeRepulsion: () => 9000,
      nodeSeparation: 90, packComponents: true, fit: true, padding: 40,
    });
    l.one("layoutstop", () => { layoutRunning = false; });
    l.run();
  }

  // ---------------------------------------------------------------- apply
  let applying = Promise.resolve();
  let generation = 0;

  function apply(s, how) {
    const mine = ++generation;
    state = clone(s);
    if (how === "push") history.pushState(null, "", toQuery(state));
    else if (how === "replace") history.replaceState(null, "", toQuery(state));
    syncFilters(state);
    busy++;
    applying = applying.then(async () => {
      try {
        const g = await gather(state);
        if (mine !== generation) return;
        current = g;
        render(state, g);
        status(describe(state, g));
      } catch (e) {
        report(e);
      } finally {
        busy--;
      }
    });
    return applying;
  }

  function commit(next) {
    undoStack.push(clone(state));
    $("undo").disabled = false;
    return apply(next, "push");
  }

  function undo() {
    const prev = undoStack.pop();
    $("undo").disabled = undoStack.length === 0;
    if (prev) apply(prev, "push");
  }

  function describe(s, g) {
    const v = shownModel;
    const what = g.mode === "top" ? "The most connected entities of the store" : "View";
    return `${what}: ${v.nodes.size} entities, ${v.edges.length} facts` +
      (s.from || s.to ? ` from ${s.from || "the start"} to ${s.to || "the end"}` : "") +
      (g.more.length ? ` (${g.more.reduce((a, m) => a + m.n, 0)} more neighbours not shown)` : "");
  }

  function status(text, error) {
    $("status").textContent = text;
    $("status").className = error ? "error" : "";
  }

  function report(e) {
    failures++;
    status(String(e.message || e), true);
  }

  // ---------------------------------------------------------------- actions
  function expand(id, pred) {
    const s = clone(state);
    if (current.mode === "top" && !s.pins.length) s.pins = [...current.want.keys()];
    const x = s.expand.find((x) => x.id === id && (x.pred || "") === (pred || ""));
    if (x) x.pages++;
    else s.expand.push({ id, pred: pred || "", pages: 1 });
    s.sel = id;
    return commit(s);
  }

  function collapse(id) {
    const s = clone(state);
    s.expand = s.expand.filter((x) => x.id !== id);
    if (!s.expand.length && !s.pins.length) s.pins = [id];
    return commit(s);
  }

  function remove(id) {
    const s = clone(state);
    s.expand = s.expand.filter((x) => x.id !== id);
    s.pins = s.pins.filter((p) => p !== id);
    if (current.mode === "top") s.pins = [...current.want.keys()].filter((p) => p !== id);
    s.sel = "";
    return commit(s);
  }

  function focusOn(id, add) {
    const s = add ? clone(state) : { ...clone(state), pins: [], expand: [] };
    if (add && current.mode === "top" && !s.pins.length) s.pins = [...current.want.keys()];
    if (!s.pins.includes(id)) s.pins.push(id);
    if (!s.expand.some((x) => x.id === id)) s.expand.push({ id, pred: "", pages: 1 });
    s.sel = id;
    return commit(s);
  }

  function openEntities(iris) {
    const s = { ...defaults(), pins: iris.slice(0, 100) };
    showTab("explorer");
    return commit(s);
  }

  // ---------------------------------------------------------------- selection and panels
  function select(id, remember = true) {
    cy.elements().unselect();
    if (id && cy.getElementById(id).nonempty()) cy.getElementById(id).select();
    if (remember && state.sel !== id) {
      state.sel = id || "";
      history.replaceState(null, "", toQuery(state));
    }
    for (const b of document.querySelectorAll("#inview button[data-id]")) {
      b.setAttribute("aria-current", b.dataset.id === id ? "true" : "false");
    }
    const kind = !id ? "" : id.startsWith("event:") ? "event" : id.includes("|") ? "edge" : "node";
    if (kind === "node") showEntity(id);
    else if (kind === "edge") showEvidence(id);
    else if (kind === "event") showEvent(id.slice(6));
    else if (remember) $("details").replaceChildren(el("p", { class: "hint" },
      "Click an entity to see what is known about it, or a line to see the sentences behind it."));
  }

  let panelToken = 0;
  async function panel(render) {
    const mine = ++panelToken;
    busy++;
    try {
      const content = await render();
      if (mine === panelToken) $("details").replaceChildren(...content);
    } catch (e) {
      if (mine === panelToken) $("details").replaceChildren(el("p", { class: "error" }, String(e.message || e)));
    } finally {
      busy--;
    }
  }

  function glyph(type) {
    const t = TYPES[type] || { shape: "ellipse", color: "#888" };
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 14 14");
    svg.setAttribute("class", "glyph");
    svg.setAttribute("aria-hidden", "true");
    svg.innerHTML = shapeSvg(t.shape, 7, 7, 12, 12, t.color, "#fff");
    return svg;
  }

  function sentence(item) {
    return el("blockquote", {}, item.parts.map((p) => (p.mark ? el("mark", {}, p.text) : p.text)));
  }

  function source(item) {
    const a = item.article;
    const name = a.title ? `${a.title} (${a.id})` : a.id;
    const link = a.url ? el("a", { href: a.url, target: "_blank", rel: "noopener noreferrer" }, name)
      : el("a", { href: "store?graph=" + encodeURIComponent(a.iri), title: "the article's graph" }, name);
    const when = item.date ? (item.articleDate ? `published ${item.date}` : item.date) : "undated";
    const kind = item.kind && item.kind !== "statement" ? item.kind.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase() + " · " : "";
    return el("div", { class: "src" }, kind, when, " · ", link, ` · characters ${item.start}–${item.end}`);
  }

  function evidenceList(items) {
    return el("ol", { class: "evidence" }, items.map((i) => el("li", {}, sentence(i), source(i))));
  }

  function showEntity(id) {
    if (id.startsWith("more:")) return;
    panel(async () => {
      const { entities: [c] } = await api("entities", { id });
      remember(c);
      const t = TYPES[c.type] || { name: c.type };
      const expanded = state.expand.some((x) => x.id === id);
      const out = [
        el("h2", {}, glyph(c.type), " ", c.label),
        el("p", { class: "type" }, t.name, c.roles.length ? " · " + c.roles.join("; ") : ""),
      ];
      if (c.aliases.length) out.push(el("p", {}, "Also written: ", c.aliases.join(", ")));
      out.push(el("p", { class: "counts" }, `${c.articles} article(s) · ${c.facts} fact(s) · ${c.quotes} quotation(s)`));
      const links = c.links.filter((l) => l.kind !== "other");
      if (links.length) {
        const names = { wikidata: "Wikidata", geonames: "GeoNames", dbpedia: "DBpedia" };
        out.push(el("ul", { class: "links" }, links.map((l) =>
          el("li", {}, el("a", { href: l.url, target: "_blank", rel: "noopener noreferrer" }, `${names[l.kind]}: ${l.url.replace(/^https?:\/\//, "")}`)))));
      }
      const buttons = el("div", { class: "buttons" },
        el("button", { type: "button", onclick: () => expand(id) }, expanded ? "Show more neighbours" : "Expand"),
        expanded ? el("button", { type: "button", onclick: () => collapse(id) }, "Collapse") : null,
        el("button", { type: "button", onclick: () => focusOn(id, false) }, "Focus"),
        el("button", { type: "button", onclick: () => remove(id) }, "Remove"),
        c.quotes ? el("button", { type: "button", id: "show-quotes", onclick: () => showQuotes(id) }, `Quotes (${c.quotes})`) : null);
      out.push(buttons);
      let perPredicate = counts.get(id);
      if (!perPredicate) perPredicate = (await api("neighbours", { id, limit: 1 })).counts;
      if (perPredicate.length) {
        out.push(el("h3", {}, "Neighbours by fact"));
        out.push(el("table", { class: "counts" }, perPredicate.map((k) => el("tr", {},
          el("td", {}, el("button", { type: "button", title: `show the ${k.predicate} neighbours`, onclick: () => expand(id, k.predicate) },
            (PREDICATES[k.predicate] || { label: k.predicate }).label + (k.direction === "in" ? " (by others)" : ""))),
          el("td", {}, String(k.count))))));
      }
      return out;
    });
  }

  function edgeParams(id) {
    const [source, predicate, target] = id.split("|");
    return { source, predicate, target };
  }

  function showEvidence(id, offset = 0) {
    panel(async () => {
      const r = await api("evidence", { ...edgeParams(id), offset, limit: 50 });
      const p = PREDICATES[r.edge.predicate] || { label: r.edge.predicate };
      const out = [
        el("h2", {}, r.edge.source.label, " — ", p.label, " — ", r.edge.target.label),
        el("p", { class: "counts" }, `${r.total} source sentence(s)`),
        evidenceList(r.items),
      ];
      if (r.total > offset + r.items.length) {
        out.push(el("button", { type: "button", onclick: () => showEvidence(id, offset + r.items.length) }, "Next sentences"));
      }
      return out;
    });
  }

  function showEvent(iri) {
    panel(async () => {
      const r = await api("evidence", { event: iri });
      const ev = r.event;
      const who = ev.participants.map((p) => p.label).join(", ");
      return [
        el("h2", {}, ev.planned ? "Planned " : "", ev.kind.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()),
        el("p", {}, who, ev.place ? " · in " + ev.place.label : "", ev.date ? " · " + ev.date : ""),
        evidenceList(r.items),
      ];
    });
  }

  function showQuotes(id) {
    panel(async () => {
      const r = await api("quotes", { id, limit: 200 });
      return [
        el("h2", {}, "Quotes of ", r.speaker.label),
        el("p", { class: "counts" }, `${r.total} quotation(s), in date order`),
        el("ol", { class: "evidence", id: "quote-list" }, r.quotes.map((q) => el("li", {}, sentence(q), source(q)))),
        el("button", { type: "button", onclick: () => showEntity(id) }, "Back to " + r.speaker.label),
      ];
    });
  }

  // ---------------------------------------------------------------- lists that mirror the graph
  function updateList(s) {
    const v = shownModel;
    const byLabel = (a, b) => nodes.get(a).label.localeCompare(nodes.get(b).label);
    $("node-list").replaceChildren(...[...v.nodes.keys()].sort(byLabel).map((id) => {
      const n = nodes.get(id);
      return el("li", {}, el("button", {
        type: "button", "data-id": id, onclick: () => select(id),
        ondblclick: () => expand(id),
        onkeydown: (ev) => { if (ev.key === "Enter" && ev.shiftKey) { ev.preventDefault(); expand(id); } },
        "aria-label": `${n.label}, ${TYPES[n.type] ? TYPES[n.type].name : n.type}` }, glyph(n.type), n.label));
    }));
    $("edge-list").replaceChildren(...v.edges.map((e) => el("li", {}, el("button", {
      type: "button", "data-id": e.id, onclick: () => select(e.id) },
    `${nodes.get(e.source).label} — ${edgeLabel(e, s)} — ${nodes.get(e.target).label} (${e.shown})`))));
    const events = eventsInView(s);
    $("event-list").replaceChildren(...events.map((ev) => el("li", {}, el("button", {
      type: "button", "data-id": "event:" + ev.id, onclick: () => select("event:" + ev.id) },
    `${ev.date || "undated"} · ${ev.kind.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} · ${ev.who.join(", ")}`))));
  }

  function eventsInView(s) {
    const found = new Map();
    for (const e of shownModel.edges) {
      for (const ev of e.events) {
        if (ev.kind === "statement") continue;
        if (ev.date && ((s.from && ev.date < s.from) || (s.to && ev.date > s.to))) continue;
        const slot = found.get(ev.id) || { ...ev, who: [] };
        for (const id of [e.source, e.target]) {
          const l = nodes.get(id).label;
          if (!slot.who.includes(l)) slot.who.push(l);
        }
        found.set(ev.id, slot);
      }
    }
    return [...found.values()].sort((a, b) => (a.date || "~").localeCompare(b.date || "~") || a.id.localeCompare(b.id));
  }

  // ---------------------------------------------------------------- timeline strip
  const day = 86400000;
  const toMs = (d) => Date.parse(d + "T00:00:00Z");
  const toDay = (ms) => new Date(ms).toISOString().slice(0, 10);
  let scale = null;

  function updateTimeline(s) {
    const svg = $("timeline-svg");
    const width = svg.clientWidth || 600;
    const height = svg.clientHeight || 74;
    const perDay = new Map();
    for (const e of edges.values()) {
      if (!shownModel.nodes.has(e.source) || !shownModel.nodes.has(e.target) || !s.preds.includes(e.predicate)) continue;
      for (const [d, c] of e.dates) perDay.set(d, (perDay.get(d) || 0) + c);
    }
    const days = [...perDay.keys()].sort();
    const title = svg.querySelector("title");
    svg.replaceChildren(title);
    if (!days.length) { scale = null; return; }
    const lo = toMs(days[0]) - day;
    const hi = toMs(days[days.length - 1]) + day;
    const pad = 30;
    scale = { lo, hi, x: (ms) => pad + ((ms - lo) / (hi - lo)) * (width - 2 * pad), ms: (x) => lo + ((x - pad) / (width - 2 * pad)) * (hi - lo) };
    const max = Math.max(...perDay.values());
    const ns = "http://www.w3.org/2000/svg";
    const add = (tag, attrs, text) => {
      const e = document.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text) e.textContent = text;
      svg.appendChild(e);
      return e;
    };
    if (s.from || s.to) {
      const a = scale.x(s.from ? toMs(s.from) - day / 2 : lo);
      const b = scale.x(s.to ? toMs(s.to) + day / 2 : hi);
      add("rect", { x: a, y: 0, width: Math.max(2, b - a), height, fill: "#dbe7fb", class: "range" });
    }
    add("line", { x1: pad, x2: width - pad, y1: height - 18, y2: height - 18, stroke: "#9aa5b4" });
    const barWidth = Math.max(3, Math.min(18, (width - 2 * pad) / ((hi - lo) / day) - 2));
    for (const d of days) {
      const x = scale.x(toMs(d));
      const h = 6 + ((height - 40) * perDay.get(d)) / max;
      const inside = (!s.from || d >= s.from) && (!s.to || d <= s.to);
      const bar = add("rect", { x: x - barWidth / 2, y: height - 18 - h, width: barWidth, height: h,
        fill: inside ? "#4e79a7" : "#c5ccd6", "data-day": d });
      const t = document.createElementNS(ns, "title");
      t.textContent = `${d}: ${perDay.get(d)} source(s)`;
      bar.appendChild(t);
    }
    for (const ev of eventsInView(s)) {
      if (!ev.date) continue;
      const c = add("circle", { cx: scale.x(toMs(ev.date)), cy: 7, r: 5, fill: ev.kind === "PhoneCall" ? "#e8830c" : "#c0504d",
        stroke: "#fff", "data-event": ev.id, class: "event-mark" });
      const t = document.createElementNS(ns, "title");
      t.textContent = `${ev.date} ${ev.kind}: ${ev.who.join(", ")}`;
      c.appendChild(t);
    }
    const labelDays = days.length <= 8 ? days : [days[0], days[Math.floor(days.length / 2)], days[days.length - 1]];
    labelDays.forEach((d, i) => add("text", {
      x: scale.x(toMs(d)), y: height - 4, "font-size": 10, fill: "#5a6270",
      "text-anchor": labelDays.length > 1 && i === 0 ? "start" : labelDays.length > 1 && i === labelDays.length - 1 ? "end" : "middle",
    }, d));
  }

  function timelinePointer() {
    const svg = $("timeline-svg");
    let start = null;
    let brush = null;
    const at = (ev) => ev.clientX - svg.getBoundingClientRect().left;
    svg.addEventListener("pointerdown", (ev) => {
      if (!scale) return;
      start = at(ev);
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", (ev) => {
      if (start === null) return;
      const x = at(ev);
      if (!brush) {
        brush = document.createElementNS("http://www.w3.org/2000/svg", "rect");
        brush.setAttribute("fill", "rgba(31,95,191,.25)");
        brush.setAttribute("y", 0);
        brush.setAttribute("height", svg.clientHeight);
        svg.appendChild(brush);
      }
      brush.setAttribute("x", Math.min(start, x));
      brush.setAttribute("width", Math.abs(x - start));
    });
    svg.addEventListener("pointerup", (ev) => {
      if (start === null) return;
      const x = at(ev);
      const from = start;
      start = null;
      if (brush) { brush.remove(); brush = null; }
      if (Math.abs(x - from) < 4) {
        const mark = ev.target.closest && ev.target.closest("[data-event]");
        if (mark) select("event:" + mark.getAttribute("data-event"));
        else if (state.from || state.to) commit({ ...clone(state), from: "", to: "" });
        return;
      }
      const a = toDay(Math.round(scale.ms(Math.min(from, x)) / day) * day);
      const b = toDay(Math.round(scale.ms(Math.max(from, x)) / day) * day);
      commit({ ...clone(state), from: a, to: b });
    });
  }

  // ---------------------------------------------------------------- filters
  function buildFilters() {
    $("type-filters").replaceChildren(...Object.entries(TYPES).map(([t, v]) => el("label", {},
      el("input", { type: "checkbox", value: t, "data-filter": "type", onchange: filtersChanged }), glyph(t), v.name)));
    $("predicate-filters").replaceChildren(...Object.entries(PREDICATES).map(([p, v]) => el("label", {},
      el("input", { type: "checkbox", value: p, "data-filter": "predicate", onchange: filtersChanged }), v.label)));
    $("per-page").replaceChildren(...PAGES.map((n) => el("option", { value: n }, String(n))));
    $("per-page").addEventListener("change", filtersChanged);
    $("min-sources").addEventListener("change", filtersChanged);
    $("from").addEventListener("change", filtersChanged);
    $("to").addEventListener("change", filtersChanged);
    $("reset-filters").addEventListener("click", () => {
      const d = defaults();
      commit({ ...clone(state), types: d.types, preds: d.preds, min: 1, from: "", to: "" });
    });
  }

  function syncFilters(s) {
    for (const i of document.querySelectorAll("[data-filter=type]")) i.checked = s.types.includes(i.value);
    for (const i of document.querySelectorAll("[data-filter=predicate]")) i.checked = s.preds.includes(i.value);
    $("min-sources").value = s.min;
    if (!PAGES.includes(s.per)) $("per-page").append(el("option", { value: s.per }, String(s.per)));
    $("per-page").value = String(s.per);
    $("from").value = s.from;
    $("to").value = s.to;
  }

  function filtersChanged() {
    const s = clone(state);
    s.types = [...document.querySelectorAll("[data-filter=type]:checked")].map((i) => i.value);
    s.preds = [...document.querySelectorAll("[data-filter=predicate]:checked")].map((i) => i.value);
    s.min = Math.max(1, parseInt($("min-sources").value, 10) || 1);
    s.per = parseInt($("per-page").value, 10) || 12;
    s.from = $("from").value;
    s.to = $("to").value;
    if (s.from && s.to && s.from > s.to) [s.from, s.to] = [s.to, s.from];
    commit(s);
  }

  // ---------------------------------------------------------------- search
  let searchSeq = 0;
  let results = [];
  let active = -1;

  function searchUi() {
    const input = $("search");
    const list = $("suggestions");
    let timer = null;
    const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; };
    const highlight = (i) => {
      active = i;
      [...list.children].forEach((li, j) => li.setAttribute("aria-selected", j === i ? "true" : "false"));
      if (i >= 0) input.setAttribute("aria-activedescendant", list.children[i].id);
      else input.removeAttribute("aria-activedescendant");
    };
    const pick = (i, add) => {
      const r = results[i];
      if (!r) return;
      close();
      input.value = r.label;
      focusOn(r.id, add);
      $("cy").focus();
    };
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (!q) { close(); return; }
      timer = setTimeout(async () => {
        const mine = ++searchSeq;
        busy++;
        try {
          const r = await api("search", { q, limit: 10 });
          if (mine !== searchSeq) return;
          results = r.results;
          list.replaceChildren(...(results.length ? results.map((x, i) => el("li", {
            id: "suggestion-" + i, role: "option", "aria-selected": "false", "data-id": x.id,
            onmousedown: (ev) => { ev.preventDefault(); pick(i, ev.shiftKey); } },
          glyph(x.type), el("span", {}, x.label), x.alias ? el("span", { class: "alias" }, "“" + x.alias + "”") : null,
          el("span", { class: "meta" }, `${(TYPES[x.type] || { name: x.type }).name} · ${x.articles} art. · ${x.facts} facts`)))
            : [el("li", { role: "option", "aria-disabled": "true" }, "No entity matches “" + q + "”")]));
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
          highlight(results.length ? 0 : -1);
        } catch (e) {
          report(e);
        } finally {
          busy--;
        }
      }, 120);
    });
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "ArrowDown" && results.length) { ev.preventDefault(); highlight((active + 1) % results.length); }
      else if (ev.key === "ArrowUp" && results.length) { ev.preventDefault(); highlight((active - 1 + results.length) % results.length); }
      else if (ev.key === "Enter") { ev.preventDefault(); pick(active < 0 ? 0 : active, ev.shiftKey); }
      else if (ev.key === "Escape") close();
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
  }

  // ---------------------------------------------------------------- keyboard
  function neighbourIn(id, key) {
    const from = cy.getElementById(id);
    if (from.empty() || !from.isNode()) return null;
    const want = { ArrowRight: 0, ArrowDown: 90, ArrowLeft: 180, ArrowUp: 270 }[key];
    const p = from.position();
    let best = null;
    for (const n of from.neighborhood("node")) {
      const q = n.position();
      const angle = (Math.atan2(q.y - p.y, q.x - p.x) * 180) / Math.PI;
      let diff = Math.abs(((angle - want + 540) % 360) - 180);
      const dist = Math.hypot(q.x - p.x, q.y - p.y);
      if (diff > 90) diff += 360; // anything in that half first, else the nearest in angle
      const score = diff * 1000 + dist;
      if (!best || score < best.score) best = { id: n.id(), score };
    }
    return best && best.id;
  }

  function keyboard() {
    document.addEventListener("keydown", (ev) => {
      const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
      if (ev.key === "/" && !typing) { ev.preventDefault(); showTab("explorer"); $("search").focus(); $("search").select(); return; }
      if ((ev.ctrlKey || ev.metaKey) && ev.key === "z" && !typing) { ev.preventDefault(); undo(); }
    });
    $("cy").addEventListener("keydown", (ev) => {
      const sel = state.sel;
      if (ev.key.startsWith("Arrow")) {
        ev.preventDefault();
        let next = null;
        if (!sel || sel.includes("|") || sel.startsWith("event:")) {
          const first = cy.nodes().filter((n) => !n.data("more")).sort((a, b) => a.position("x") - b.position("x"))[0];
          next = sel && sel.includes("|") ? sel.split("|")[0] : first && first.id();
        } else next = neighbourIn(sel, ev.key);
        if (next) {
          select(next);
          status(`${nodes.get(next) ? nodes.get(next).label : next} selected`);
        }
      } else if (ev.key === "Enter" && sel && !sel.includes("|") && !sel.startsWith("event:")) {
        ev.preventDefault();
        if (sel.startsWith("more:")) loadMore(cy.getElementById(sel));
        else expand(sel);
      } else if ((ev.key === "Backspace" || ev.key === "Delete") && sel && !sel.includes("|")) {
        ev.preventDefault();
        if (state.expand.some((x) => x.id === sel)) collapse(sel);
        else remove(sel);
      } else if (ev.key === "Escape") {
        select("");
      }
    });
  }

  function loadMore(node) {
    const s = clone(state);
    const x = s.expand.find((x) => x.id === node.data("center") && (x.pred || "") === node.data("pred"));
    if (x) { x.pages++; commit(s); }
  }

  // the graph takes the keyboard once clicked (cytoscape keeps the canvas from taking focus)
  cy.on("tapstart", () => { if (document.activeElement !== $("cy")) $("cy").focus({ preventScroll: true }); });
  cy.on("tap", "node", (ev) => {
    const n = ev.target;
    if (n.data("more")) loadMore(n);
    else select(n.id());
  });
  cy.on("tap", "edge", (ev) => { if (!ev.target.data("more")) select(ev.target.id()); });
  cy.on("tap", (ev) => { if (ev.target === cy) select(""); });
  cy.on("dbltap", "node", (ev) => { if (!ev.target.data("more")) expand(ev.target.id()); });

  // ---------------------------------------------------------------- exports
  const downloads = [];

  async function download(name, mime, data) {
    const blob = data instanceof Blob ? data : new Blob([data], { type: mime });
    const entry = { name, mime, size: blob.size };
    if (typeof data === "string") entry.text = data;
    else entry.base64 = await new Promise((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result).split(",")[1]);
      r.readAsDataURL(blob);
    });
    downloads.push(entry);
    if (downloads.length > 5) downloads.shift();
    const a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  const xml = (s) => String(s).replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&apos;" })[c]);

  function viewNodes() { return [...shownModel.nodes.keys()].map((id) => nodes.get(id)); }

  function graphml() {
    const keys = [["label", "node", "label"], ["type", "node", "type"], ["iri", "node", "iri"],
      ["elabel", "edge", "label"], ["predicate", "edge", "predicate"], ["support", "edge", "support", "int"], ["date", "edge", "date"]];
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'];
    for (const [id, f, name, type] of keys) lines.push(`  <key id="${id}" for="${f}" attr.name="${name}" attr.type="${type || "string"}"/>`);
    lines.push('  <graph id="newsgraph-view" edgedefault="directed">');
    for (const n of viewNodes()) {
      lines.push(`    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data><data key="type">${xml(n.type)}</data><data key="iri">${xml(n.id)}</data></node>`);
    }
    for (const e of shownModel.edges) {
      const first = e.dates.map(([d]) => d).sort()[0] || "";
      lines.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="elabel">${xml(e.predicate)}</data>` +
        `<data key="predicate">${xml(e.predicate)}</data><data key="support">${e.shown}</data><data key="date">${xml(first)}</data></edge>`);
    }
    lines.push("  </graph>", "</graphml>", "");
    return lines.join("\n");
  }

  function sparqlOfView() {
    const iri = (i) => "<" + i + ">";
    const facts = [];
    for (const e of shownModel.edges) {
      facts.push(`    (${iri(e.source)} ng:${e.predicate} ${iri(e.target)})`);
      if (e.symmetric) facts.push(`    (${iri(e.target)} ng:${e.predicate} ${iri(e.source)})`);
    }
    const ents = viewNodes().map((n) => "    " + iri(n.id));
    const factsPart = facts.length ? ["  {", "    VALUES (?s ?p ?o) {", ...facts, "    }", "    ?s ?p ?o .", "  } UNION"] : [];
    return [
      `# The explorer's view: ${ents.length} entities and ${shownModel.edges.length} facts` +
        (state.from || state.to ? ` (sources from ${state.from || "the start"} to ${state.to || "the end"})` : ""),
      "CONSTRUCT { ?s ?p ?o . ?e a ?type ; rdfs:label ?label . }",
      "WHERE {",
      ...factsPart,
      "  {",
      "    VALUES ?e {",
      ...ents,
      "    }",
      "    ?e a ?type ; rdfs:label ?label .",
      "  }",
      "}",
      "",
    ].join("\n");
  }

  function shapeSvg(shape, cx, cy, w, h, fill, stroke) {
    const pts = (list) => list.map(([x, y]) => `${(cx + x * w / 2).toFixed(1)},${(cy + y * h / 2).toFixed(1)}`).join(" ");
    const a = `fill="${fill}" stroke="${stroke}" stroke-width="1"`;
    switch (shape) {
      case "round-rectangle": return `<rect x="${cx - w / 2}" y="${cy - h / 2}" width="${w}" height="${h}" rx="${w / 5}" ${a}/>`;
      case "hexagon": return `<polygon points="${pts([[-1, 0], [-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1]])}" ${a}/>`;
      case "triangle": return `<polygon points="${pts([[0, -1], [1, 1], [-1, 1]])}" ${a}/>`;
      case "diamond": return `<polygon points="${pts([[0, -1], [1, 0], [0, 1], [-1, 0]])}" ${a}/>`;
      default: return `<ellipse cx="${cx}" cy="${cy}" rx="${w / 2}" ry="${h / 2}" ${a}/>`;
    }
  }

  function svg() {
    const bb = cy.elements().boundingBox({ includeLabels: true });
    const pad = 20;
    const out = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${bb.x1 - pad} ${bb.y1 - pad} ${bb.w + 2 * pad} ${bb.h + 2 * pad}" ` +
      `width="${Math.round(bb.w + 2 * pad)}" height="${Math.round(bb.h + 2 * pad)}" font-family="sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">' +
      '<path d="M0,0 L10,5 L0,10 z" fill="#9aa5b4"/></marker></defs>',
    `<rect x="${bb.x1 - pad}" y="${bb.y1 - pad}" width="${bb.w + 2 * pad}" height="${bb.h + 2 * pad}" fill="#fff"/>`];
    cy.edges().forEach((e) => {
      const s = e.sourceEndpoint();
      const t = e.targetEndpoint();
      const color = e.style("line-color");
      out.push(`<line x1="${s.x}" y1="${s.y}" x2="${t.x}" y2="${t.y}" stroke="${color}" stroke-width="${e.data("width")}"` +
        (e.data("more") ? ' stroke-dasharray="4 3"' : "") + (e.data("symmetric") || e.data("more") ? "" : ' marker-end="url(#arrow)"') + "/>");
      if (e.data("label")) {
        const m = e.midpoint();
        out.push(`<text x="${m.x}" y="${m.y - 3}" font-size="9" fill="#4a5361" text-anchor="middle">${xml(e.data("label"))}</text>`);
      }
    });
    cy.nodes().forEach((n) => {
      const p = n.position();
      const t = TYPES[n.data("type")];
      const w = n.width();
      const h = n.height();
      if (n.data("more")) out.push(shapeSvg("round-rectangle", p.x, p.y, w, h, "#eef1f5", "#8a94a3"));
      else out.push(shapeSvg(t ? t.shape : "ellipse", p.x, p.y, w, h, t ? t.color : "#888", n.data("expanded") ? "#1d232b" : "#fff"));
      const y = n.data("more") ? p.y + 3 : p.y + h / 2 + 12;
      out.push(`<text x="${p.x}" y="${y}" font-size="${n.data("more") ? 10 : 11}" text-anchor="middle" fill="#1d232b">${xml(n.data("label"))}</text>`);
    });
    out.push("</svg>", "");
    return out.join("\n");
  }

  async function csv() {
    const rows = [["source", "predicate", "target", "article", "title", "date", "start", "end", "sentence"]];
    const quote = (v) => (v === null || v === undefined ? "" : /[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    for (const e of shownModel.edges.slice(0, 300)) {
      const r = await api("evidence", { source: e.source, predicate: e.predicate, target: e.target, limit: 500 });
      for (const i of r.items) {
        if ((state.from && i.date && i.date < state.from) || (state.to && i.date && i.date > state.to)) continue;
        rows.push([r.edge.source.label, e.predicate, r.edge.target.label, i.article.id, i.article.title, i.date, i.start, i.end, i.text]);
      }
    }
    return rows.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
  }

  async function exportAs(kind) {
    $("export-menu").hidden = true;
    $("export-button").setAttribute("aria-expanded", "false");
    busy++;
    try {
      if (kind === "png") await download("newsgraph-view.png", "image/png", await cy.png({ output: "blob-promise", bg: "#ffffff", full: true, scale: 2 }));
      else if (kind === "svg") await download("newsgraph-view.svg", "image/svg+xml", svg());
      else if (kind === "graphml") await download("newsgraph-view.graphml", "application/graphml+xml", graphml());
      else if (kind === "csv") await download("newsgraph-evidence.csv", "text/csv", await csv());
      else if (kind === "turtle") {
        const r = await fetch("query", { method: "POST", headers: { "Content-Type": "application/sparql-query", Accept: "text/turtle" }, body: sparqlOfView() });
        const text = await r.text();
        if (!r.ok) throw new Error(r.status + ": " + text);
        await download("newsgraph-view.ttl", "text/turtle", text);
      } else if (kind === "sparql") {
        $("sparql-text").textContent = sparqlOfView();
        $("sparql-dialog").showModal();
      }
    } catch (e) {
      report(e);
    } finally {
      busy--;
    }
  }

  // ---------------------------------------------------------------- tabs, wiring
  function showTab(name) {
    for (const t of document.querySelectorAll("[role=tab]")) {
      const on = t.getAttribute("aria-controls") === name;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute("aria-controls")).hidden = !on;
    }
    if (name === "explorer") cy.resize();
  }

  function wire() {
    $("tab-explorer").addEventListener("click", () => showTab("explorer"));
    $("tab-advanced").addEventListener("click", () => showTab("advanced"));
    $("undo").addEventListener("click", undo);
    $("home").addEventListener("click", () => commit({ ...defaults() }));
    $("export-button").addEventListener("click", () => {
      const m = $("export-menu");
      m.hidden = !m.hidden;
      $("export-button").setAttribute("aria-expanded", String(!m.hidden));
      if (!m.hidden) m.querySelector("button").focus();
    });
    for (const b of document.querySelectorAll("[data-export]")) b.addEventListener("click", () => exportAs(b.dataset.export));
    $("sparql-close").addEventListener("click", () => $("sparql-dialog").close());
    $("sparql-copy").addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText($("sparql-text").textContent));
    $("sparql-run").addEventListener("click", () => {
      $("sparql-dialog").close();
      window.ngAdvanced.setQuery($("sparql-text").textContent);
      showTab("advanced");
    });
    window.addEventListener("popstate", () => apply(fromQuery(location.search)));
    window.addEventListener("resize", () => updateTimeline(state));
    buildFilters();
    searchUi();
    keyboard();
    timelinePointer();
  }

  wire();
  apply(state, "replace");

  window.ngExplorer = { openEntities };
  // The test hook: what the graph shows, as data.
  window.__ng = {
    state() {
      return {
        nodes: [...shownModel.nodes].map(([id, role]) => ({ ...nodes.get(id), role, expanded: state.expand.some((x) => x.id === id) }))
          .map(({ id, label, type, role, expanded }) => ({ id, label, type, role, expanded }))
          .sort((a, b) => a.id.localeCompare(b.id)),
        edges: shownModel.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, predicate: e.predicate, sources: e.sources, shown: e.shown, dates: e.dates }))
          .sort((a, b) => a.id.localeCompare(b.id)),
        more: current.more,
        mode: current.mode,
        filters: { types: state.types, predicates: state.preds, minSources: state.min, from: state.from, to: state.to, perPage: state.per },
        expanded: state.expand,
        selected: state.sel,
        url: location.pathname + location.search,
        busy: busy > 0 || layoutRunning,
        failures,
        details: $("details").innerText,
      };
    },
    downloads,
    // where an element is drawn, in page coordinates (tests click there)
    position(id) {
      const e = cy.getElementById(id);
      if (e.empty()) return null;
      const p = e.isNode() ? e.renderedPosition() : e.renderedMidpoint();
      const r = $("cy").getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    sparql: sparqlOfView,
  };
})();
