/* The review page: a fact's record on hover or focus, pinned by a click; filters; a row goes to its span.
   Every text shown here comes from the data block and is set with textContent, never as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("review-data").textContent);
  var card = document.getElementById("record-card");
  var cardTitle = document.getElementById("card-title");
  var cardFields = document.getElementById("card-fields");
  var table = document.getElementById("facts-table");
  var shownId = null, pinnedId = null;

  function marksOf(id) {
    return document.querySelectorAll('mark[data-fact="' + CSS.escape(id) + '"]');
  }
  function factMark(node) {
    return node && node.closest ? node.closest("mark[data-fact]") : null;
  }
  function setActive(id, on) {
    if (id === null) return;
    marksOf(id).forEach(function (m) { m.classList.toggle("active", on); });
    if (table) {
      var row = table.querySelector('tr[data-fact="' + CSS.escape(id) + '"]');
      if (row) row.classList.toggle("current", on);
    }
  }
  function fill(id) {
    var fact = data.facts[id];
    cardTitle.textContent = "Fact " + (data.order.indexOf(id) + 1) + " of " + data.order.length +
      " · " + fact.kind + (fact.status === "target" ? " · target" : "");
    cardFields.replaceChildren();
    fact.record.forEach(function (pair) {
      var dt = document.createElement("dt");
      var dd = document.createElement("dd");
      dt.textContent = pair[0];
      dd.textContent = pair[1];
      dd.setAttribute("data-field", pair[0]);
      cardFields.appendChild(dt);
      cardFields.appendChild(dd);
    });
  }
  function place(anchor) {
    var rect = anchor.getBoundingClientRect();
    var width = card.offsetWidth;
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    card.style.left = left + "px";
    card.style.top = (rect.bottom + window.scrollY + 6) + "px";
  }
  function show(id, anchor) {
    if (!data.facts[id]) return;
    if (shownId !== id) { setActive(shownId, false); fill(id); }
    shownId = id;
    setActive(id, true);
    card.hidden = false;
    card.setAttribute("data-fact", id);
    place(anchor);
  }
  function hide() {
    setActive(shownId, false);
    shownId = null;
    pinnedId = null;
    card.classList.remove("pinned");
    card.removeAttribute("data-fact");
    card.hidden = true;
  }
  function pin(id, anchor) {
    show(id, anchor);
    pinnedId = id;
    card.classList.add("pinned");
  }

  document.addEventListener("mouseover", function (e) {
    var m = factMark(e.target);
    if (m && pinnedId === null) show(m.getAttribute("data-fact"), m);
  });
  document.addEventListener("mouseout", function (e) {
    var m = factMark(e.target);
    if (!m || pinnedId !== null) return;
    var to = factMark(e.relatedTarget);
    if (!to || to.getAttribute("data-fact") !== m.getAttribute("data-fact")) {
      if (document.activeElement !== m) hide();
    }
  });
  document.addEventListener("focusin", function (e) {
    var m = factMark(e.target);
    if (!m) return;
    var id = m.getAttribute("data-fact");
    if (pinnedId !== null && pinnedId !== id) hide();
    if (pinnedId === null) show(id, m);
  });
  document.addEventListener("focusout", function (e) {
    if (factMark(e.target) && pinnedId === null && !factMark(e.relatedTarget)) hide();
  });
  document.addEventListener("click", function (e) {
    var m = factMark(e.target);
    if (m) {
      var id = m.getAttribute("data-fact");
      if (pinnedId === id) hide(); else pin(id, m);
      return;
    }
    if (pinnedId !== null && !card.contains(e.target) && !(table && table.contains(e.target))) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(); return; }
    var m = factMark(e.target);
    if (m && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      var id = m.getAttribute("data-fact");
      if (pinnedId === id) hide(); else pin(id, m);
    }
  });
  document.getElementById("card-close").addEventListener("click", function () {
    var id = pinnedId;
    hide();
    var m = id !== null ? marksOf(id)[0] : null;
    if (m) m.focus({ preventScroll: true });
  });

  function flash(nodes) {
    nodes.forEach(function (n) {
      n.classList.remove("flash");
      void n.offsetWidth; /* restart the animation */
      n.classList.add("flash");
    });
    window.setTimeout(function () { nodes.forEach(function (n) { n.classList.remove("flash"); }); }, 1500);
  }
  function goTo(id) {
    var marks = marksOf(id);
    if (!marks.length) return;
    hide();
    marks[0].scrollIntoView({ block: "center" });
    marks[0].focus({ preventScroll: true });
    pin(id, marks[0]);
    flash(Array.prototype.slice.call(marks));
  }

  if (table) {
    table.tBodies[0].addEventListener("click", function (e) {
      var row = e.target.closest("tr[data-fact]");
      if (row) goTo(row.getAttribute("data-fact"));
    });
    table.tBodies[0].addEventListener("keydown", function (e) {
      var row = e.target.closest("tr[data-fact]");
      if (row && e.key === "Enter") { e.preventDefault(); goTo(row.getAttribute("data-fact")); }
    });
  }

  document.querySelectorAll("[data-goto-initiative]").forEach(function (button) {
    button.addEventListener("click", function () {
      var n = button.getAttribute("data-goto-initiative");
      var marks = document.querySelectorAll('mark[data-initiative="' + CSS.escape(n) + '"]');
      if (!marks.length) return;
      marks[0].scrollIntoView({ block: "center" });
      flash(Array.prototype.slice.call(marks));
    });
  });

  var filters = document.querySelectorAll("[data-filter]");
  var search = document.getElementById("filter-text");
  var count = document.getElementById("shown-count");
  function applyFilters() {
    if (!table) return;
    var want = {};
    filters.forEach(function (f) { want[f.getAttribute("data-filter")] = f.value; });
    var q = search ? search.value.trim().toLowerCase() : "";
    var shown = 0, rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i], ok = true;
      for (var name in want) {
        if (want[name] && row.getAttribute("data-" + name) !== want[name]) ok = false;
      }
      if (ok && q && row.textContent.toLowerCase().indexOf(q) < 0) ok = false;
      row.hidden = !ok;
      if (ok) shown++;
      marksOf(row.getAttribute("data-fact")).forEach(function (m) { m.classList.toggle("dim", !ok); });
    }
    count.textContent = shown + " of " + rows.length + " facts";
  }
  filters.forEach(function (f) { f.addEventListener("change", applyFilters); });
  if (search) search.addEventListener("input", applyFilters);
  window.addEventListener("resize", function () {
    if (shownId !== null) { var m = marksOf(shownId)[0]; if (m) place(m); }
  });
})();
