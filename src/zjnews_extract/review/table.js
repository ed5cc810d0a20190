/* Sortable tables: a header button sorts by its column, again to reverse. Numbers sort by data-sort. */
(function () {
  "use strict";
  var collator = new Intl.Collator("zh-CN", { numeric: true });
  function key(cell) {
    if (!cell) return { num: NaN, text: "" };
    var raw = cell.getAttribute("data-sort");
    var num = raw === null || raw === "" ? NaN : Number(raw);
    return { num: num, text: raw !== null ? raw : cell.textContent };
  }
  function compare(a, b) {
    var an = !isNaN(a.num), bn = !isNaN(b.num);
    if (an && bn) return a.num - b.num;
    if (an !== bn) return an ? -1 : 1; /* empty cells last */
    return collator.compare(a.text, b.text);
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    table.querySelectorAll("thead button[data-col]").forEach(function (button) {
      button.addEventListener("click", function () {
        var col = Number(button.getAttribute("data-col"));
        var th = button.closest("th");
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", dir);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var sign = dir === "ascending" ? 1 : -1;
        rows.map(function (row, i) { return { row: row, key: key(row.cells[col]), i: i }; })
          .sort(function (a, b) { return sign * compare(a.key, b.key) || a.i - b.i; })
          .forEach(function (entry) { body.appendChild(entry.row); });
      });
    });
  });
})();
