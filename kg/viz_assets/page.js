/* The interactive network page: tooltips, details, legend/filters and search.
   Every string from the graph is untrusted: it goes into the page with textContent only. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("kg-network");
  window.kgReady = false;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function articleItem(article) {
    var item = el("li");
    var label = article.title + (article.date ? " (" + article.date + ")" : "");
    if (article.url && /^https?:\/\//i.test(article.url)) {
      var link = el("a", label);
      link.href = article.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      item.appendChild(link);
    } else {
      item.textContent = label;
    }
    return item;
  }

  function tipElement(tip) {
    var box = el("div", null, "kg-tip");
    box.appendChild(el("h3", tip.heading));
    box.appendChild(el("div", tip.kind, "kg-kind"));
    var table = el("table");
    (tip.rows || []).forEach(function (row) {
      var tr = el("tr");
      tr.appendChild(el("th", row[0]));
      tr.appendChild(el("td", row[1]));
      table.appendChild(tr);
    });
    box.appendChild(table);
    if (tip.contacts && tip.contacts.length) {
      var list = el("ul");
      tip.contacts.forEach(function (contact) {
        var item = el("li", contact.date + (contact.mode ? " · " + contact.mode : "") +
                            (contact.label ? " · " + contact.label : ""));
        if (contact.articles.length) {
          var sources = el("ul");
          contact.articles.forEach(function (a) { sources.appendChild(articleItem(a)); });
          item.appendChild(sources);
        }
        list.appendChild(item);
      });
      box.appendChild(list);
      if (tip.more) box.appendChild(el("div", "… and " + tip.more + " more", "kg-hint"));
    }
    if (tip.articles && tip.articles.length) {
      box.appendChild(el("div", "Reported in:", "kg-kind"));
      var reported = el("ul");
      tip.articles.forEach(function (a) { reported.appendChild(articleItem(a)); });
      box.appendChild(reported);
    }
    return box;
  }

  // Tooltips are DOM elements built from data (vis-network would read a string as text; an
  // element lets links work without ever parsing HTML).
  // a network made elsewhere with pyvis has no "tip": its label and title, as text, stand in
  function tipOf(item) {
    if (!item.tip) {
      item.tip = { heading: item.label || item.id, kind: item.kind || "",
                   rows: item.title ? [["", String(item.title)]] : [] };
    }
    return item.tip;
  }
  var nodeItems = data.nodes.map(function (n) {
    tipOf(n);
    var copy = Object.assign({}, n);
    copy.title = tipElement(n.tip);
    return copy;
  });
  var edgeItems = data.edges.map(function (e) {
    tipOf(e);
    var copy = Object.assign({}, e);
    copy.title = tipElement(e.tip);
    return copy;
  });
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);

  // ---- filters: classes (the legend), country, minimum weight
  var shownKinds = {};
  var country = "";
  var minWeight = 1;
  var kindList = document.getElementById("kg-kinds");
  data.legend.forEach(function (entry) {
    shownKinds[entry.kind] = true;
    var item = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = entry.kind;
    box.dataset.kind = entry.kind;
    box.addEventListener("change", function () { shownKinds[entry.kind] = box.checked; refresh(); });
    var swatch = el("span", null, "kg-swatch " + entry.shape);
    swatch.style.background = entry.color;
    var count = data.nodes.filter(function (n) { return n.kind === entry.kind; }).length;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", entry.name + " (" + count + ")"));
    item.appendChild(label);
    kindList.appendChild(item);
  });
  var countries = {};
  data.nodes.forEach(function (n) { (n.countries || []).forEach(function (c) { countries[c] = true; }); });
  var countrySelect = document.getElementById("kg-country");
  Object.keys(countries).sort().forEach(function (code) {
    var option = el("option", code);
    option.value = code;
    countrySelect.appendChild(option);
  });
  countrySelect.addEventListener("change", function () { country = countrySelect.value; refresh(); });
  var maxWeight = data.edges.reduce(function (m, e) { return Math.max(m, e.value || 1); }, 1);
  var weightInput = document.getElementById("kg-min-weight");
  weightInput.max = String(maxWeight);
  weightInput.disabled = maxWeight <= 1;
  weightInput.addEventListener("input", function () {
    minWeight = Number(weightInput.value);
    document.getElementById("kg-min-weight-value").textContent = String(minWeight);
    refresh();
  });

  // ---- colour by class (the legend), community or country: the shape always shows the class
  var PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                 "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#17becf", "#bcbd22", "#8c564b"];
  var classColour = {};
  data.legend.forEach(function (entry) { classColour[entry.kind] = entry.color; });
  function paletteIndex(key, keys) {
    if (!(key in keys)) keys[key] = Object.keys(keys).length;
    return keys[key] % PALETTE.length;
  }
  document.getElementById("kg-colour").addEventListener("change", function (event) {
    var by = event.target.value;
    var keys = {};
    nodes.update(data.nodes.map(function (n) {
      var colour = classColour[n.kind];
      if (by === "community" && n.community !== null && n.community !== undefined) {
        colour = PALETTE[paletteIndex("c" + n.community, keys)];
      } else if (by === "country" && (n.countries || []).length) {
        colour = PALETTE[paletteIndex(n.countries[0], keys)];
      } else if (by !== "class") {
        colour = "#cccccc";
      }
      return { id: n.id, color: colour };
    }));
  });

  // ---- how it changes over time: only the contacts of a range of years
  var allYears = {};
  data.edges.forEach(function (e) { (e.years || []).forEach(function (y) { allYears[y] = true; }); });
  var years = Object.keys(allYears).sort();
  var fromSelect = document.getElementById("kg-year-from");
  var toSelect = document.getElementById("kg-year-to");
  years.forEach(function (y) {
    var a = el("option", y); a.value = y; fromSelect.appendChild(a);
    var b = el("option", y); b.value = y; toSelect.appendChild(b);
  });
  var yearFrom = years[0] || "";
  var yearTo = years[years.length - 1] || "";
  fromSelect.value = yearFrom;
  toSelect.value = yearTo;
  fromSelect.disabled = toSelect.disabled = years.length < 2;
  function onYears() {
    yearFrom = fromSelect.value;
    yearTo = toSelect.value;
    if (yearFrom > yearTo) { var swap = yearFrom; yearFrom = yearTo; yearTo = swap; }
    refresh();
  }
  fromSelect.addEventListener("change", onYears);
  toSelect.addEventListener("change", onYears);
  function yearsNarrowed() { return years.length > 1 && (yearFrom !== years[0] || yearTo !== years[years.length - 1]); }
  function edgeShown(e) {
    if ((e.value || 1) < minWeight) return false;
    if (!yearsNarrowed()) return true;
    return (e.years || []).some(function (y) { return y >= yearFrom && y <= yearTo; });
  }

  // nodes left without any edge by the weight or year filters are hidden too
  var linked = null;
  var nodesView = new vis.DataView(nodes, {
    filter: function (n) {
      if (linked && !linked[n.id]) return false;
      return shownKinds[n.kind] !== false && (!country || (n.countries || []).indexOf(country) >= 0 ||
        (n.kind !== "person" && n.kind !== "country" && n.kind !== "organization" && !(n.countries || []).length));
    }
  });
  var edgesView = new vis.DataView(edges, { filter: edgeShown });
  function refresh() {
    linked = null;
    if (minWeight > 1 || yearsNarrowed()) {
      linked = {};
      data.edges.forEach(function (e) { if (edgeShown(e)) { linked[e.from] = true; linked[e.to] = true; } });
    }
    nodesView.refresh();
    edgesView.refresh();
  }

  // ---- the network
  if (!data.nodes.length) {
    document.getElementById("kg-empty").hidden = false;
    window.kgReady = true;
    document.body.dataset.ready = "1";
  }
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, data.options);
  network.fit({ animation: false });  // the positions are known before any drawing
  window.kgNetwork = network;
  window.kgCounts = { nodes: data.nodes.length, edges: data.edges.length };
  network.once("afterDrawing", function () {
    window.kgReady = true;
    document.body.dataset.ready = "1";
  });
  // Physics (small graphs only) starts from the positions computed in Python; once the layout
  // has settled, or after a few seconds at most, it is switched off so nothing keeps moving.
  function settle() {
    if (window.kgSettled) return;
    if (network.physics.physicsEnabled) network.setOptions({ physics: { enabled: false } });
    window.kgSettled = true;
    network.fit({ animation: false });
  }
  if (data.options.physics && data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", settle);
  } else {
    window.kgSettled = true;
  }

  var details = document.getElementById("kg-details");
  function showDetails(tip) {
    while (details.firstChild) details.removeChild(details.firstChild);
    if (tip) details.appendChild(tipElement(tip)); else details.appendChild(el("p", "Nothing selected.", "kg-hint"));
  }
  network.on("click", function (params) {
    if (params.nodes.length) showDetails(nodes.get(params.nodes[0]).tip);
    else if (params.edges.length) showDetails(edges.get(params.edges[0]).tip);
    else showDetails(null);
  });

  // ---- search
  var names = document.getElementById("kg-names");
  var seen = {};
  data.nodes.slice(0, 20000).forEach(function (n) {
    if (seen[n.label]) return;
    seen[n.label] = true;
    var option = el("option");
    option.value = n.label;
    names.appendChild(option);
  });
  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var query = document.getElementById("kg-search").value.trim().toLowerCase();
    var result = document.getElementById("kg-search-result");
    if (!query) { network.unselectAll(); result.textContent = ""; return; }
    var visible = {};
    nodesView.getIds().forEach(function (id) { visible[id] = true; });
    var found = data.nodes.filter(function (n) {
      return visible[n.id] && n.label.toLowerCase().indexOf(query) >= 0;
    }).map(function (n) { return n.id; });
    result.textContent = found.length === 1 ? "1 match" : found.length + " matches";
    network.selectNodes(found);
    if (found.length) {
      network.fit({ nodes: found, animation: false });
      network.moveTo({ scale: Math.min(network.getScale(), 1.5) });
      showDetails(nodes.get(found[0]).tip);
    }
  });
})();
