// The Advanced tab: run a bundled query or your own against /query and /queries;
// CONSTRUCT and DESCRIBE results open in the explorer.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  let queries = [];
  let graphIris = [];

  function cell(term) {
    if (!term) return "";
    if (term.type === "uri") return term.value;
    if (term.type === "bnode") return "_:" + term.value;
    return term.value + (term["xml:lang"] ? "@" + term["xml:lang"] : "");
  }

  function showError(message) {
    $("run-status").className = "error";
    $("run-status").textContent = message;
  }

  function showTable(json) {
    const out = $("out");
    out.textContent = "";
    if ("boolean" in json) { out.textContent = String(json.boolean); return 1; }
    const vars = json.head.vars;
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const v of vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
    const body = table.createTBody();
    for (const b of json.results.bindings) {
      const row = body.insertRow();
      for (const v of vars) row.insertCell().textContent = cell(b[v]);
    }
    out.appendChild(table);
    return json.results.bindings.length;
  }

  // The IRIs in subject or object position of N-Triples text, in order of appearance.
  function iris(ntriples) {
    const seen = new Set();
    for (const line of ntriples.split("\n")) {
      const m = /^<([^>]*)>\s+<[^>]*>\s+(?:<([^>]*)>)?/.exec(line);
      if (!m) continue;
      seen.add(m[1]);
      if (m[2]) seen.add(m[2]);
    }
    return [...seen];
  }

  function selected() {
    return queries.find((q) => q.name === $("bundled").value);
  }

  $("bundled").addEventListener("change", () => {
    const q = selected();
    $("params").textContent = "";
    $("summary").textContent = q ? q.summary : "";
    if (!q) return;
    $("text").value = q.text;
    for (const p of q.params) {
      const label = document.createElement("label");
      label.textContent = "?" + p.name;
      label.title = p.description;
      const input = document.createElement("input");
      input.name = p.name;
      input.placeholder = p.description;
      label.appendChild(input);
      $("params").appendChild(label);
    }
  });

  $("run").addEventListener("click", async () => {
    const q = selected();
    $("run-status").className = "";
    $("run-status").textContent = "running…";
    $("out").textContent = "";
    $("open-in-explorer").hidden = true;
    const started = performance.now();
    let response;
    const headers = { "Accept": "application/sparql-results+json, application/n-triples;q=0.9" };
    try {
      if (q && $("text").value === q.text) {
        const form = new URLSearchParams();
        for (const input of $("params").querySelectorAll("input")) if (input.value) form.append(input.name, input.value);
        response = await fetch("queries/" + encodeURIComponent(q.name).replace(/%2F/g, "/") + "?" + form, { headers });
      } else {
        headers["Content-Type"] = "application/x-www-form-urlencoded";
        response = await fetch("query", { method: "POST", headers, body: new URLSearchParams({ query: $("text").value }) });
      }
      const text = await response.text();
      if (!response.ok) { showError(response.status + " " + response.statusText + ": " + text); return; }
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if ((response.headers.get("Content-Type") || "").includes("json")) {
        const n = showTable(JSON.parse(text));
        $("run-status").textContent = n + (n === 1 ? " row" : " rows") + " in " + seconds + " s";
      } else {
        const pre = document.createElement("pre");
        pre.textContent = text;
        $("out").appendChild(pre);
        graphIris = iris(text);
        const n = text.split("\n").filter((l) => l.trim()).length;
        $("run-status").textContent = n + (n === 1 ? " triple" : " triples") + " in " + seconds + " s";
        $("open-in-explorer").hidden = graphIris.length === 0;
      }
    } catch (e) {
      showError("the request failed: " + e);
    }
  });

  $("open-in-explorer").addEventListener("click", () => {
    if (window.ngExplorer) window.ngExplorer.openEntities(graphIris);
  });

  fetch("queries").then((r) => r.json()).then((list) => {
    queries = list;
    for (const q of queries) {
      const option = document.createElement("option");
      option.value = q.name;
      option.textContent = q.name;
      option.title = q.summary;
      $("bundled").appendChild(option);
    }
  }).catch((e) => showError("cannot list the bundled queries: " + e));

  window.ngAdvanced = {
    setQuery(text) {
      $("bundled").value = "";
      $("params").textContent = "";
      $("summary").textContent = "";
      $("text").value = text;
    },
  };
})();
