// policykg graph viewer, added to pyvis's page by kg/viz.py. It uses pyvis's globals `nodes`,
// `edges` (vis.DataSet) and `network` (vis.Network). Every text from the data is shown with
// textContent: labels and sentences are never parsed as HTML.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("pk-config").textContent);
  var lang = config.lang;
  var allNodes = nodes.get();
  var allEdges = edges.get();
  var byId = {};
  allNodes.forEach(function (n) { byId[n.id] = n; });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function labelOf(n, l) {
    var other = l === "en" ? "ko" : "en";
    return n["label_" + l] || n["label_" + other] || n.id;
  }

  // ---------------------------------------------------------------- language
  var langButton = document.getElementById("pk-lang");
  function setLang(l) {
    lang = l;
    langButton.textContent = l === "en" ? "한국어" : "English";
    nodes.update(allNodes.map(function (n) { return { id: n.id, label: labelOf(n, l) }; }));
    fillSelects();
    document.documentElement.setAttribute("data-lang", l);
  }
  langButton.addEventListener("click", function () { setLang(lang === "en" ? "ko" : "en"); });

  // ---------------------------------------------------------------- filters
  var actorSelect = document.getElementById("pk-actor");
  var layerSelect = document.getElementById("pk-layer");
  function fillSelects() {
    var a = actorSelect.value, l = layerSelect.value;
    actorSelect.textContent = "";
    actorSelect.appendChild(new Option(lang === "en" ? "all countries and blocs" : "모든 국가·블록", ""));
    config.actors.forEach(function (r) {
      actorSelect.appendChild(new Option(labelOf({ id: r[0], label_en: r[1], label_ko: r[2] }, lang), r[0]));
    });
    layerSelect.textContent = "";
    layerSelect.appendChild(new Option(lang === "en" ? "all layers" : "모든 계층", ""));
    var groups = {};
    config.layers.forEach(function (r) {
      var scheme = r[3] || "-";
      if (!groups[scheme]) {
        groups[scheme] = document.createElement("optgroup");
        groups[scheme].label = scheme;
        layerSelect.appendChild(groups[scheme]);
      }
      groups[scheme].appendChild(new Option(labelOf({ id: r[0], label_en: r[1], label_ko: r[2] }, lang), r[0]));
    });
    actorSelect.value = a;
    layerSelect.value = l;
  }
  function checkboxes(containerId, values, name) {
    var box = document.getElementById(containerId);
    values.forEach(function (v) {
      var label = el("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = v;
      input.name = name;
      input.addEventListener("change", apply);
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + v));
      box.appendChild(label);
    });
  }
  function checked(name) {
    var out = {};
    document.querySelectorAll("input[name=" + name + "]").forEach(function (i) { if (i.checked) out[i.value] = true; });
    return out;
  }

  function apply() {
    var actor = actorSelect.value, layer = layerSelect.value;
    var rels = checked("relation"), stats = checked("status");
    var keep = null;  // node ids allowed by the actor and layer filters (null: all)
    function restrict(ids) {
      if (keep === null) { keep = ids; return; }
      var both = {};
      Object.keys(ids).forEach(function (k) { if (keep[k]) both[k] = true; });
      keep = both;
    }
    if (actor) {
      var ids = {}; ids[actor] = true;
      allNodes.forEach(function (n) { if (n.country === actor) ids[n.id] = true; });
      allEdges.forEach(function (e) {
        if (e.from === actor) ids[e.to] = true;
        if (e.to === actor) ids[e.from] = true;
      });
      restrict(ids);
    }
    if (layer) {
      var inLayer = {}; inLayer[layer] = true;
      allNodes.forEach(function (n) { if ((n.layers || []).indexOf(layer) >= 0) inLayer[n.id] = true; });
      var ids2 = Object.assign({}, inLayer);
      allEdges.forEach(function (e) {
        if (inLayer[e.to]) ids2[e.from] = true;
        if (inLayer[e.from]) ids2[e.to] = true;
      });
      restrict(ids2);
    }
    var edgeFiltered = Object.keys(rels).length < config.relations.length ||
      Object.keys(stats).length < config.statuses.length;
    var touched = {};
    var edgeUpdates = allEdges.map(function (e) {
      var show = rels[e.group] && e.statuses.some(function (s) { return stats[s]; }) &&
        (keep === null || (keep[e.from] && keep[e.to]));
      if (show) { touched[e.from] = true; touched[e.to] = true; }
      return { id: e.id, hidden: !show };
    });
    var shown = 0;
    var nodeUpdates = allNodes.map(function (n) {
      var show = (keep === null || keep[n.id]) && (!edgeFiltered || touched[n.id]);
      if (show) shown += 1;
      return { id: n.id, hidden: !show };
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    var shownEdges = edgeUpdates.filter(function (u) { return !u.hidden; }).length;
    document.getElementById("pk-count").textContent = shown + " / " + allNodes.length + " nodes, " +
      shownEdges + " / " + allEdges.length + " edges";
    document.body.setAttribute("data-visible-nodes", String(shown));
  }
  actorSelect.addEventListener("change", apply);
  layerSelect.addEventListener("change", apply);

  // ---------------------------------------------------------------- side panel
  var panel = document.getElementById("pk-panel");
  function evidenceList(parent, edge) {
    var box = el("div", null, "fact");
    var head = el("div");
    var from = byId[edge.from], to = byId[edge.to];
    head.appendChild(el("b", labelOf(from, lang) + " — " + edge.relation + " → " + labelOf(to, lang)));
    box.appendChild(head);
    var st = el("div");
    edge.statuses.forEach(function (s) { st.appendChild(el("span", s, "status " + s)); });
    box.appendChild(st);
    if (!edge.evidence.length) box.appendChild(el("div", "no source sentence (derived by reasoning or from the ontology)", "meta"));
    edge.evidence.forEach(function (ev) {
      var where = (ev.doc || "?") + ", lines " + ev.lines[0] + (ev.lines[1] !== ev.lines[0] ? "–" + ev.lines[1] : "");
      box.appendChild(el("div", where + " · " + ev.status + (ev.rule ? " · " + ev.rule : "") + " · " + ev.fact, "meta"));
      if (ev.quote) box.appendChild(el("div", ev.quote, "quote"));
    });
    parent.appendChild(box);
  }
  function showNode(id) {
    var n = byId[id];
    if (!n) return;
    panel.textContent = "";
    panel.appendChild(el("h2", labelOf(n, lang)));
    panel.appendChild(el("div", "ko: " + (n.label_ko || "—"), "meta label-ko"));
    panel.appendChild(el("div", "en: " + (n.label_en || "—"), "meta label-en"));
    panel.appendChild(el("div", n.ntype + " · " + n.id + (n.country ? " · " + n.country : ""), "meta"));
    var mine = allEdges.filter(function (e) { return e.from === id || e.to === id; });
    mine.sort(function (a, b) { return b.evidence.length - a.evidence.length; });
    panel.appendChild(el("div", mine.length + " facts", "meta"));
    mine.slice(0, 200).forEach(function (e) { evidenceList(panel, e); });
  }
  function showEdge(id) {
    var e = edges.get(id);
    if (!e) return;
    panel.textContent = "";
    panel.appendChild(el("h2", e.relation));
    evidenceList(panel, e);
  }
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // ---------------------------------------------------------------- search
  var search = document.getElementById("pk-search");
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") return;
    var q = search.value.trim().toLowerCase();
    if (!q) return;
    var hit = allNodes.find(function (n) {
      return [n.label_en, n.label_ko, n.id].some(function (s) { return s && s.toLowerCase() === q; });
    }) || allNodes.find(function (n) {
      return [n.label_en, n.label_ko, n.id].some(function (s) { return s && s.toLowerCase().indexOf(q) >= 0; });
    });
    if (!hit) { document.getElementById("pk-count").textContent = "no match: " + search.value; return; }
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.2, animation: false });
    showNode(hit.id);
  });

  checkboxes("pk-relations", config.relations, "relation");
  checkboxes("pk-statuses", config.statuses, "status");
  setLang(lang);
  apply();
  network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "1"); });
  network.redraw();
})();
