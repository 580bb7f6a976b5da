/* The interactive network page: filters, colours by state, labels, neighbour highlight, search,
   a person's panel, a timeline with a draggable range, and the view kept in the URL.
   Every string from the graph is untrusted: it goes into the page with textContent only.

   One state object holds the view; refresh() derives everything from it: each edge's weight in
   the window (its contacts that fall in the dates and involve the country), the edges and nodes
   shown, node sizes, colours, labels, the timeline and the URL. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("kg-network");
  var events = data.events || [];
  var countryNames = data.countryNames || {};
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
      item.appendChild(el("span", label));
    }
    (article.evidence || []).forEach(function (sentence) {
      item.appendChild(el("q", sentence, "kg-evidence"));
    });
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
        (contact.evidence || []).forEach(function (s) { item.appendChild(el("q", s, "kg-evidence")); });
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

  // a network made elsewhere with pyvis has no "tip": its label and title, as text, stand in
  function tipOf(item) {
    if (!item.tip) {
      item.tip = { heading: item.label || item.id, kind: item.kind || "",
                   rows: item.title ? [["", String(item.title)]] : [] };
    }
    return item.tip;
  }
  var nodeById = {};
  var nodeItems = data.nodes.map(function (n) {
    tipOf(n);
    nodeById[n.id] = n;
    n.baseColour = n.color;
    var copy = Object.assign({}, n);
    copy.title = tipElement(n.tip);
    // the canvas shows a long label cut short; the tooltip, panel and search have it whole
    if (String(n.label).length > 34) copy.label = String(n.label).slice(0, 33) + "…";
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
  var edgesOf = {};
  data.edges.forEach(function (e) {
    (edgesOf[e.from] = edgesOf[e.from] || []).push(e);
    (edgesOf[e.to] = edgesOf[e.to] || []).push(e);
  });

  // ---- dates: every contact's months ("2024" spans 2024-01..2024-12); the months on the page
  function span(date) {
    if (!date) return null;
    var parts = date.split("-");
    return parts.length === 1 ? [parts[0] + "-01", parts[0] + "-12"] : [parts[0] + "-" + parts[1], parts[0] + "-" + parts[1]];
  }
  function nextMonth(month) {
    var year = Number(month.slice(0, 4)), number = Number(month.slice(5, 7)) + 1;
    if (number > 12) { number = 1; year += 1; }
    return String(year) + "-" + (number < 10 ? "0" : "") + number;
  }
  var first = null, last = null;
  events.forEach(function (ev) {
    ev.span = span(ev.d);
    if (!ev.span) return;
    if (!first || ev.span[0] < first) first = ev.span[0];
    if (!last || ev.span[1] > last) last = ev.span[1];
  });
  var months = [];
  for (var month = first; month && month <= last && months.length < 2400; month = nextMonth(month)) months.push(month);
  var years = [];
  months.forEach(function (m) { if (years.indexOf(m.slice(0, 4)) < 0) years.push(m.slice(0, 4)); });

  // ---- the view
  var state = { kinds: {}, country: "", minWeight: 1, from: months[0] || "", to: months[months.length - 1] || "",
                colour: data.colour || "class", selected: null, edge: null, query: "" };
  data.legend.forEach(function (entry) { state.kinds[entry.kind] = true; });
  function narrowed() {
    return months.length > 0 && (state.from !== months[0] || state.to !== months[months.length - 1]);
  }
  function inWindow(ev) {
    if (!narrowed()) return true;
    return !!ev.span && ev.span[1] >= state.from && ev.span[0] <= state.to;
  }
  function involves(ev) { return !state.country || ev.c.indexOf(state.country) >= 0; }
  function kindShown(id) { var n = nodeById[id]; return !n || state.kinds[n.kind] !== false; }
  function nodeInvolves(id) { var n = nodeById[id]; return !!n && (n.countries || []).indexOf(state.country) >= 0; }
  // an edge's weight in the view: its contacts in the window that involve the country
  function edgeWeight(e) {
    if (!e.ev) {  // a network made elsewhere: no dated contacts, only its own weight
      if (state.country && !nodeInvolves(e.from) && !nodeInvolves(e.to)) return 0;
      return e.value || 1;
    }
    var count = 0;
    e.ev.forEach(function (i) { var ev = events[i]; if (involves(ev) && inWindow(ev)) count += 1; });
    return count;
  }

  var shownEdges = {}, shownNodes = {}, nodeWeight = {};
  function compute() {
    shownEdges = {}; shownNodes = {}; nodeWeight = {};
    var filtering = !!state.country || state.minWeight > 1 || narrowed();
    data.edges.forEach(function (e) {
      if (!kindShown(e.from) || !kindShown(e.to)) return;
      var weight = edgeWeight(e);
      if (weight < 1 || weight < state.minWeight) return;
      shownEdges[e.id] = weight;
      nodeWeight[e.from] = (nodeWeight[e.from] || 0) + weight;
      nodeWeight[e.to] = (nodeWeight[e.to] || 0) + weight;
    });
    data.nodes.forEach(function (n) {
      if (state.kinds[n.kind] === false) return;
      if (nodeWeight[n.id] || (!filtering && !(edgesOf[n.id] || []).length)) shownNodes[n.id] = true;
    });
  }

  // ---- the class list (shapes), with counts
  var kindList = document.getElementById("kg-kinds");
  data.legend.forEach(function (entry) {
    var item = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = entry.kind;
    box.dataset.kind = entry.kind;
    box.addEventListener("change", function () { state.kinds[entry.kind] = box.checked; refresh(); });
    var swatch = el("span", null, "kg-swatch " + entry.shape);
    swatch.style.background = entry.color;
    var count = data.nodes.filter(function (n) { return n.kind === entry.kind; }).length;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", entry.name + " (" + count + ")"));
    item.appendChild(label);
    kindList.appendChild(item);
  });

  // ---- contacts involving a country: names and numbers of contacts, busiest first
  function countryLabel(code) {
    var name = countryNames[code];
    return name && name !== code ? name + " (" + code + ")" : code;
  }
  var contactsOf = {};
  events.forEach(function (ev) { ev.c.forEach(function (code) { contactsOf[code] = (contactsOf[code] || 0) + 1; }); });
  if (!events.length) {
    data.nodes.forEach(function (n) { (n.countries || []).forEach(function (c) { contactsOf[c] = (contactsOf[c] || 0) + 1; }); });
  }
  var countrySelect = document.getElementById("kg-country");
  Object.keys(contactsOf).sort(function (a, b) {
    return contactsOf[b] - contactsOf[a] || countryLabel(a).localeCompare(countryLabel(b));
  }).forEach(function (code) {
    var option = el("option", countryLabel(code) + " · " + contactsOf[code]);
    option.value = code;
    countrySelect.appendChild(option);
  });
  countrySelect.addEventListener("change", function () { state.country = countrySelect.value; refresh(); });

  var weightInput = document.getElementById("kg-min-weight");
  var maxWeight = data.edges.reduce(function (m, e) { return Math.max(m, e.value || 1); }, 1);
  weightInput.max = String(maxWeight);
  weightInput.disabled = maxWeight <= 1;
  weightInput.addEventListener("input", function () { state.minWeight = Number(weightInput.value); refresh(); });

  // ---- the date window: years (selects) or months (the timeline's brush)
  var fromSelect = document.getElementById("kg-year-from");
  var toSelect = document.getElementById("kg-year-to");
  years.forEach(function (y) {
    var a = el("option", y); a.value = y; fromSelect.appendChild(a);
    var b = el("option", y); b.value = y; toSelect.appendChild(b);
  });
  fromSelect.disabled = toSelect.disabled = years.length < 2;
  function setWindow(from, to) {
    if (!months.length) return;
    if (from > to) { var swap = from; from = to; to = swap; }
    state.from = from < months[0] ? months[0] : from;
    state.to = to > months[months.length - 1] ? months[months.length - 1] : to;
  }
  function onYears() {
    setWindow(fromSelect.value + "-01", toSelect.value + "-12");
    refresh();
  }
  fromSelect.addEventListener("change", onYears);
  toSelect.addEventListener("change", onYears);
  document.getElementById("kg-window-reset").addEventListener("click", function () {
    setWindow(months[0] || "", months[months.length - 1] || "");
    refresh();
  });

  // ---- colours: by state (the legend lists the busiest), by class or by community
  var PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                 "#ff9da7", "#9c755f", "#1f77b4", "#17becf", "#bcbd22", "#8c564b"];
  var OTHER = data.otherState || "#b8b8b8", DIM = "#e4e6ea", DIM_EDGE = "#eef0f2", EDGE = "#9aa5b1", EDGE_ON = "#333333";
  function ranked(keyOf) {
    var counts = {};
    data.nodes.forEach(function (n) { var key = keyOf(n); if (key !== null && key !== undefined) counts[key] = (counts[key] || 0) + 1; });
    return Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); })
      .map(function (key) { return [key, counts[key]]; });
  }
  var stateRanks = ranked(function (n) { return (n.countries || [])[0]; });
  // the states with most contacts get the colours (on the countries page each has one node)
  stateRanks.sort(function (a, b) { return (contactsOf[b[0]] || 0) - (contactsOf[a[0]] || 0) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
  var communityRanks = ranked(function (n) { return n.community; });
  var stateColour = {}, communityColour = {};
  if (data.stateColours) {  // the same table as the GEXF export's (kg.viz.state_colours)
    stateColour = data.stateColours;
    var order = Object.keys(stateColour);
    stateRanks.sort(function (a, b) {
      var i = order.indexOf(a[0]), j = order.indexOf(b[0]);
      return (i < 0 ? 1e9 : i) - (j < 0 ? 1e9 : j) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
    });
  } else {
    stateRanks.slice(0, PALETTE.length).forEach(function (entry, i) { stateColour[entry[0]] = PALETTE[i]; });
  }
  communityRanks.slice(0, PALETTE.length).forEach(function (entry, i) { communityColour[entry[0]] = PALETTE[i]; });
  function baseColour(n) {
    if (state.colour === "country") {
      var code = (n.countries || [])[0];
      return code === undefined ? OTHER : stateColour[code] || OTHER;
    }
    if (state.colour === "community") {
      return n.community === null || n.community === undefined ? OTHER : communityColour[n.community] || OTHER;
    }
    return n.baseColour;
  }
  var colourSelect = document.getElementById("kg-colour");
  colourSelect.addEventListener("change", function () { state.colour = colourSelect.value; refresh(); });
  function drawColourLegend() {
    var list = document.getElementById("kg-colours");
    while (list.firstChild) list.removeChild(list.firstChild);
    function entry(colour, text) {
      var item = el("li");
      var swatch = el("span", null, "kg-swatch dot");
      swatch.style.background = colour;
      item.appendChild(swatch);
      item.appendChild(el("span", text));
      list.appendChild(item);
    }
    if (state.colour === "country") {
      stateRanks.slice(0, PALETTE.length).forEach(function (e) { entry(stateColour[e[0]], countryLabel(e[0])); });
      if (stateRanks.length > PALETTE.length) entry(OTHER, "Other states (" + (stateRanks.length - PALETTE.length) + ")");
    } else if (state.colour === "community") {
      communityRanks.slice(0, PALETTE.length).forEach(function (e) { entry(communityColour[e[0]], "Community " + e[0] + " (" + e[1] + ")"); });
      if (communityRanks.length > PALETTE.length) entry(OTHER, "Smaller communities");
    }
  }

  // ---- the network
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return !!shownNodes[n.id]; } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return shownEdges[e.id] !== undefined; } });
  compute();
  if (!data.nodes.length) {
    document.getElementById("kg-empty").hidden = false;
    window.kgReady = true;
    document.body.dataset.ready = "1";
  }
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, data.options);
  // fit the nodes themselves (vis's own fit counts the labels' boxes, which follow the zoom)
  function fitView(ids) {
    ids = ids || nodesView.getIds();
    if (!ids.length) return;
    var where = network.getPositions(ids);
    var box = null;
    ids.forEach(function (id) {
      var p = where[id];
      if (!p) return;
      box = box ? [Math.min(box[0], p.x), Math.min(box[1], p.y), Math.max(box[2], p.x), Math.max(box[3], p.y)]
                : [p.x, p.y, p.x, p.y];
    });
    if (!box) return;
    var width = container.clientWidth || 800, height = container.clientHeight || 600;
    var scale = Math.min(1.5, 0.86 * Math.min(width / (box[2] - box[0] + 80), height / (box[3] - box[1] + 80)));
    network.moveTo({ position: { x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2 }, scale: scale, animation: false });
  }
  fitView();  // the positions are known before any drawing
  var fitScale = network.getScale() || 1;
  window.kgNetwork = network;
  window.kgCounts = { nodes: data.nodes.length, edges: data.edges.length };

  // ---- selection: a node's neighbours stay lit, the rest is dimmed
  function neighbourhood() {
    if (state.selected === null || !shownNodes[state.selected]) return null;
    var lit = {};
    lit[state.selected] = true;
    (edgesOf[state.selected] || []).forEach(function (e) {
      if (shownEdges[e.id] !== undefined) { lit[e.from] = true; lit[e.to] = true; }
    });
    return lit;
  }

  // ---- styling: colour, size, label; only what changed is sent to vis
  var applied = {}, appliedEdges = {};
  var LABELS = 25;  // labelled at the default zoom; more as you zoom in
  function style() {
    var lit = neighbourhood();
    var scale = network.getScale() || fitScale;
    var budget = Math.round(LABELS * Math.max(1, Math.pow(scale / fitScale, 2)));
    var visible = Object.keys(shownNodes).sort(function (a, b) {
      return (nodeWeight[b] || 0) - (nodeWeight[a] || 0) || (a < b ? -1 : 1);
    });
    // the busiest first, each label only where it does not cover one already placed
    var labelled = {}, boxes = [], placed = 0;
    var candidates = lit ? visible.filter(function (id) { return lit[id]; }) : visible.slice(0, budget * 4);
    var where = candidates.length ? network.getPositions(candidates) : {};
    var unit = 1 / scale;
    candidates.forEach(function (id) {
      if (placed >= budget && !(lit && lit[id])) return;
      var p = where[id];
      if (!p) return;
      var half = (String(nodeById[id].label).length * 7.6 + 6) * unit / 2;
      var box = [p.x - half, p.y + 4 * unit, p.x + half, p.y + 24 * unit];
      var clash = boxes.some(function (b) { return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]; });
      if (clash && id !== state.selected) return;
      boxes.push(box);
      labelled[id] = true;
      placed += 1;
    });
    searchHits.forEach(function (id) { labelled[id] = true; });
    var fontSize = Math.round(14 / scale * 10) / 10;
    var nodeUpdates = [];
    data.nodes.forEach(function (n) {
      if (!shownNodes[n.id]) return;
      var dim = lit && !lit[n.id];
      var colour = dim ? DIM : baseColour(n);
      var size = labelled[n.id] && !(lit && dim) ? fontSize : 1;
      var value = (nodeWeight[n.id] || 0) + 1;
      var before = applied[n.id];
      if (!before || before.colour !== colour || before.size !== size || before.value !== value) {
        applied[n.id] = { colour: colour, size: size, value: value };
        nodeUpdates.push({ id: n.id, color: colour, value: value, font: { size: size, color: dim ? "#999999" : "#222222" } });
      }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    var edgeUpdates = [];
    data.edges.forEach(function (e) {
      var weight = shownEdges[e.id];
      if (weight === undefined) return;
      var colour = lit ? (e.from === state.selected || e.to === state.selected ? EDGE_ON : DIM_EDGE) : EDGE;
      var before = appliedEdges[e.id];
      if (!before || before.colour !== colour || before.value !== weight) {
        appliedEdges[e.id] = { colour: colour, value: weight };
        edgeUpdates.push({ id: e.id, value: weight, color: { color: colour, highlight: EDGE_ON, hover: EDGE_ON } });
      }
    });
    if (edgeUpdates.length) edges.update(edgeUpdates);
    window.kgView.labelled = visible.filter(function (id) { return labelled[id]; }).length;
    window.kgView.dimmed = lit ? visible.filter(function (id) { return !lit[id]; }).length : 0;
    window.kgView.lit = lit ? Object.keys(lit).length : 0;
  }
  var zoomTimer = null;
  network.on("zoom", function () {
    clearTimeout(zoomTimer);
    zoomTimer = setTimeout(style, 120);
  });

  // ---- the timeline: contacts per month for the selection (a node, an edge, or all shown)
  var svg = document.getElementById("kg-timeline-svg");
  var SVG = "http://www.w3.org/2000/svg";
  function svgEl(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, String(attributes[key])); });
    return node;
  }
  // the contacts the timeline counts: every filter but the window applies
  function timelineEvents() {
    var chosen = {};
    var candidates = state.edge !== null ? data.edges.filter(function (e) { return e.id === state.edge; })
      : state.selected !== null ? (edgesOf[state.selected] || []) : data.edges;
    candidates.forEach(function (e) {
      if (!e.ev || !kindShown(e.from) || !kindShown(e.to)) return;
      e.ev.forEach(function (i) { if (involves(events[i])) chosen[i] = true; });
    });
    return Object.keys(chosen).map(Number);
  }
  var monthIndex = {};
  months.forEach(function (m, i) { monthIndex[m] = i; });
  var bars = { left: 0, width: 1 };
  function drawTimeline() {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var title = document.getElementById("kg-timeline-title");
    if (state.edge !== null) {
      var edge = edges.get(state.edge);
      title.textContent = "Contacts per month: " + (edge ? edge.tip.heading : "");
    } else if (state.selected !== null && nodeById[state.selected]) {
      title.textContent = "Contacts per month: " + nodeById[state.selected].label;
    } else {
      title.textContent = "Contacts per month" + (state.country ? " involving " + countryLabel(state.country) : "");
    }
    var chosen = timelineEvents();
    var counts = months.map(function () { return 0; });
    var inside = 0;
    chosen.forEach(function (i) {
      var ev = events[i];
      if (ev.span && monthIndex[ev.span[0]] !== undefined) counts[monthIndex[ev.span[0]]] += 1;
      if (inWindow(ev)) inside += 1;
    });
    window.kgView.timeline = { months: months.length, contacts: chosen.length, inWindow: inside,
                               counts: counts.slice() };
    var label = document.getElementById("kg-window");
    label.textContent = months.length ? (state.from + " – " + state.to + " · " + inside + " of " + chosen.length + " contacts")
      : "no dated contacts";
    var width = svg.clientWidth || 600, height = svg.clientHeight || 60;
    if (!months.length) return;
    var axis = 12, top = 4;
    var step = width / months.length;
    bars = { width: step };
    var highest = Math.max.apply(null, counts.concat([1]));
    var fromIndex = monthIndex[state.from], toIndex = monthIndex[state.to];
    svg.appendChild(svgEl("rect", { x: fromIndex * step, y: 0, width: (toIndex - fromIndex + 1) * step,
                                    height: height - axis, fill: narrowed() ? "#e8eef6" : "none", id: "kg-brush" }));
    counts.forEach(function (count, i) {
      if (!count) return;
      var h = Math.max(2, (height - axis - top) * count / highest);
      var bar = svgEl("rect", { x: i * step + (step > 3 ? 0.5 : 0), y: height - axis - h,
                                width: Math.max(1, step - (step > 3 ? 1 : 0)), height: h,
                                fill: i >= fromIndex && i <= toIndex ? "#4e79a7" : "#c5cfdb" });
      var tip = svgEl("title", {});
      tip.textContent = months[i] + ": " + count + (count === 1 ? " contact" : " contacts");
      bar.appendChild(tip);
      svg.appendChild(bar);
    });
    var every = Math.max(1, Math.ceil(36 / (step * 12)));
    months.forEach(function (m, i) {
      if (m.slice(5) !== "01" || Number(m.slice(0, 4)) % every) return;
      var tick = svgEl("text", { x: i * step + 1, y: height - 1 });
      tick.textContent = m.slice(0, 4);
      svg.appendChild(tick);
    });
  }
  function monthAt(clientX) {
    var box = svg.getBoundingClientRect();
    var i = Math.floor((clientX - box.left) / (box.width / Math.max(months.length, 1)));
    return months[Math.max(0, Math.min(months.length - 1, i))];
  }
  var dragFrom = null;
  svg.addEventListener("pointerdown", function (event) {
    if (!months.length) return;
    dragFrom = monthAt(event.clientX);
    if (svg.setPointerCapture) svg.setPointerCapture(event.pointerId);
    var brush = document.getElementById("kg-brush");
    if (brush) {
      brush.setAttribute("x", String(monthIndex[dragFrom] * bars.width));
      brush.setAttribute("width", String(bars.width));
      brush.setAttribute("fill", "#d5e0ef");
    }
  });
  svg.addEventListener("pointermove", function (event) {
    if (dragFrom === null) return;
    var here = monthAt(event.clientX);
    var a = Math.min(monthIndex[dragFrom], monthIndex[here]), b = Math.max(monthIndex[dragFrom], monthIndex[here]);
    var brush = document.getElementById("kg-brush");
    if (brush) {
      brush.setAttribute("x", String(a * bars.width));
      brush.setAttribute("width", String((b - a + 1) * bars.width));
    }
  });
  function endDrag(event) {
    if (dragFrom === null) return;
    var here = monthAt(event.clientX);
    setWindow(dragFrom, here);
    dragFrom = null;
    refresh();
  }
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", function () { dragFrom = null; drawTimeline(); });
  // for tests and scripts: where a month is drawn, in page coordinates
  window.kgTimeline = {
    months: months,
    point: function (month) {
      var box = svg.getBoundingClientRect();
      var i = monthIndex[month];
      return [box.left + (i + 0.5) * box.width / months.length, box.top + box.height / 2];
    }
  };

  // ---- details: a node's description and whom it met (when, where reported, the evidence)
  var details = document.getElementById("kg-details");
  function eventItem(ev) {
    var item = el("li", (ev.d || "undated") + (ev.m ? " · " + ev.m : "") + (ev.l ? " · " + ev.l : ""));
    if (ev.a.length) {
      var sources = el("ul");
      ev.a.forEach(function (a) { sources.appendChild(articleItem(a)); });
      item.appendChild(sources);
    }
    return item;
  }
  function metSection(id) {
    var rows = [];
    (edgesOf[id] || []).forEach(function (e) {
      if (shownEdges[e.id] === undefined || !e.ev) return;
      var other = nodeById[e.from === id ? e.to : e.from];
      var chosen = e.ev.map(function (i) { return events[i]; })
        .filter(function (ev) { return involves(ev) && inWindow(ev); })
        .sort(function (a, b) { return a.d < b.d ? -1 : a.d > b.d ? 1 : 0; });
      rows.push({ other: other, events: chosen });
    });
    rows.sort(function (a, b) { return b.events.length - a.events.length || a.other.label.localeCompare(b.other.label); });
    var box = el("section", null, "kg-met-box");
    var onlyEvents = rows.length && rows.every(function (row) {
      return ["person", "country", "organization"].indexOf(row.other.kind) < 0;
    });
    box.appendChild(el("h3", !rows.length ? "No contacts in this view"
      : onlyEvents ? "Took part in " + rows.length + (rows.length === 1 ? " event" : " events")
      : "Met " + rows.length + (rows.length === 1 ? " counterpart" : " counterparts")));
    var list = el("ul", null, "kg-met");
    rows.slice(0, 40).forEach(function (row) {
      var codes = (row.other.countries || []).map(countryLabel).join(", ");
      var item = el("li");
      item.appendChild(el("strong", row.other.label));
      item.appendChild(el("span", (codes ? " (" + codes + ")" : "") + " · " + row.events.length +
                                  (row.events.length === 1 ? " contact" : " contacts")));
      var sub = el("ul");
      row.events.slice(0, 10).forEach(function (ev) { sub.appendChild(eventItem(ev)); });
      if (row.events.length > 10) sub.appendChild(el("li", "… and " + (row.events.length - 10) + " more", "kg-hint"));
      item.appendChild(sub);
      list.appendChild(item);
    });
    if (rows.length > 40) list.appendChild(el("li", "… and " + (rows.length - 40) + " more", "kg-hint"));
    box.appendChild(list);
    return box;
  }
  function showDetails() {
    while (details.firstChild) details.removeChild(details.firstChild);
    if (state.selected !== null && nodeById[state.selected]) {
      var node = nodeById[state.selected];
      details.appendChild(tipElement(node.tip));
      if ((edgesOf[node.id] || []).some(function (e) { return e.ev; })) details.appendChild(metSection(node.id));
    } else if (state.edge !== null && edges.get(state.edge)) {
      details.appendChild(tipElement(edges.get(state.edge).tip));
    } else {
      details.appendChild(el("p", "Nothing selected.", "kg-hint"));
    }
  }
  network.on("click", function (params) {
    state.selected = params.nodes.length ? params.nodes[0] : null;
    state.edge = !params.nodes.length && params.edges.length ? params.edges[0] : null;
    refresh();
  });

  // ---- search: names and aliases
  var names = document.getElementById("kg-names");
  var seen = {};
  data.nodes.slice(0, 20000).forEach(function (n) {
    [n.label].concat(n.aliases || []).forEach(function (name) {
      if (seen[name]) return;
      seen[name] = true;
      var option = el("option");
      option.value = name;
      names.appendChild(option);
    });
  });
  var searchHits = [];
  function search(query) {
    state.query = query;
    var result = document.getElementById("kg-search-result");
    var wanted = query.trim().toLowerCase();
    if (!wanted) { searchHits = []; result.textContent = ""; return; }
    searchHits = data.nodes.filter(function (n) {
      return shownNodes[n.id] && [n.label].concat(n.aliases || []).some(function (name) {
        return String(name).toLowerCase().indexOf(wanted) >= 0;
      });
    }).map(function (n) { return n.id; });
    result.textContent = searchHits.length === 1 ? "1 match" : searchHits.length + " matches";
  }
  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    compute();
    search(document.getElementById("kg-search").value);
    if (searchHits.length) {
      state.selected = searchHits[0];
      state.edge = null;
    }
    refresh();
    if (searchHits.length) {
      var around = {};
      searchHits.forEach(function (id) {
        around[id] = true;
        (edgesOf[id] || []).forEach(function (e) {
          if (shownEdges[e.id] !== undefined) { around[e.from] = true; around[e.to] = true; }
        });
      });
      fitView(Object.keys(around));
      style();
    } else {
      network.unselectAll();
    }
  });

  // ---- the view in the URL: #country=AZ&min=2&from=2020-01&to=2023-12&colour=country&node=...
  function writeHash() {
    var parts = [];
    function add(key, value) { parts.push(key + "=" + encodeURIComponent(value)); }
    if (state.country) add("country", state.country);
    if (state.minWeight > 1) add("min", state.minWeight);
    if (narrowed()) { add("from", state.from); add("to", state.to); }
    if (state.colour !== (data.colour || "class")) add("colour", state.colour);
    var hidden = Object.keys(state.kinds).filter(function (k) { return state.kinds[k] === false; });
    if (hidden.length) add("hide", hidden.join(","));
    if (state.selected !== null) add("node", state.selected);
    if (state.query) add("q", state.query);
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash === location.hash || (!hash && !location.hash)) return;
    try {
      history.replaceState(null, "", hash || location.pathname + location.search);
    } catch (error) {
      location.hash = hash;
    }
  }
  function readHash() {
    var values = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var at = part.indexOf("=");
      if (at > 0) {
        try { values[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1)); } catch (error) { /* ignore */ }
      }
    });
    if (values.country && contactsOf[values.country]) state.country = values.country;
    if (values.min && Number(values.min) >= 1) state.minWeight = Math.min(maxWeight, Math.floor(Number(values.min)));
    if (/^\d{4}-\d{2}$/.test(values.from || "") && /^\d{4}-\d{2}$/.test(values.to || "")) setWindow(values.from, values.to);
    if (["country", "class", "community"].indexOf(values.colour) >= 0) state.colour = values.colour;
    (values.hide || "").split(",").forEach(function (kind) { if (kind in state.kinds) state.kinds[kind] = false; });
    if (values.node && nodeById[values.node]) state.selected = values.node;
    if (values.q) { state.query = values.q; document.getElementById("kg-search").value = values.q; }
  }
  function syncControls() {
    countrySelect.value = state.country;
    weightInput.value = String(state.minWeight);
    document.getElementById("kg-min-weight-value").textContent = String(state.minWeight);
    if (months.length) { fromSelect.value = state.from.slice(0, 4); toSelect.value = state.to.slice(0, 4); }
    colourSelect.value = state.colour;
    kindList.querySelectorAll("input[data-kind]").forEach(function (box) { box.checked = state.kinds[box.dataset.kind] !== false; });
  }

  function refresh() {
    compute();
    if (state.query) search(state.query);
    nodesView.refresh();
    edgesView.refresh();
    var selected = state.selected !== null && shownNodes[state.selected] ? [state.selected] : [];
    network.setSelection({ nodes: selected.concat(searchHits.filter(function (id) { return id !== state.selected; })),
                           edges: state.edge !== null && shownEdges[state.edge] !== undefined ? [state.edge] : [] },
                         { unselectAll: true, highlightEdges: false });
    window.kgView.nodes = Object.keys(shownNodes).length;
    window.kgView.edges = Object.keys(shownEdges).length;
    window.kgView.weight = Object.keys(shownEdges).reduce(function (sum, id) { return sum + shownEdges[id]; }, 0);
    window.kgView.window = [state.from, state.to];
    style();
    drawColourLegend();
    drawTimeline();
    showDetails();
    syncControls();
    document.getElementById("kg-counts").textContent = window.kgView.nodes + " nodes, " + window.kgView.edges +
      " edges shown; " + window.kgView.timeline.inWindow + " contacts in the window";
    writeHash();
  }
  window.kgView = {};
  readHash();
  refresh();
  window.kgRefresh = refresh;
  window.kgState = state;

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
    fitView();
    fitScale = network.getScale() || fitScale;
    style();
  }
  if (data.options.physics && data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", settle);
  } else {
    window.kgSettled = true;
  }
  window.addEventListener("resize", drawTimeline);
})();
