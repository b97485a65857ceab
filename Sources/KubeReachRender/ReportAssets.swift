/// The report's inline stylesheet and script. Fixed text (no data is spliced in), so
/// nothing from a manifest can reach the script; system fonts only, nothing fetched.
enum ReportAssets {
    static let css = """
        :root { --fg: #1f2933; --muted: #5f6b77; --line: #d9e2ec; --accent: #4a6fa5; --bad: #c0392b; --warn: #b35900; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: #f7f9fb; }
        header { background: #1f3b63; color: #fff; padding: 16px 24px 10px; }
        header h1 { margin: 0 0 2px; font-size: 22px; }
        header .meta { margin: 0 0 8px; color: #c9d6e6; font-size: 12px; }
        nav a { color: #fff; margin-right: 14px; text-decoration: none; border-bottom: 1px dotted #c9d6e6; }
        main { padding: 8px 24px 40px; max-width: 1600px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 4px 18px 16px; margin: 16px 0; }
        h2 { font-size: 18px; margin: 14px 0 10px; }
        h3 { font-size: 15px; margin: 14px 0 6px; }
        code, pre { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
        pre { white-space: pre-wrap; margin: 0; }
        .cards { display: flex; flex-wrap: wrap; gap: 10px; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 130px; background: #fbfcfe; }
        .card .n { display: block; font-size: 24px; font-weight: 600; }
        .card .l { color: var(--muted); font-size: 12px; }
        .card.alert .n { color: var(--bad); }
        .note { color: var(--warn); }
        .hint { color: var(--muted); }
        .svg { overflow: auto; border: 1px solid var(--line); border-radius: 4px; padding: 6px; }
        .svg svg { max-width: 100%; height: auto; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; word-break: break-word; }
        #pairs th { cursor: pointer; user-select: none; background: #eef2f7; position: sticky; top: 0; }
        #pairs th[aria-sort="ascending"]::after { content: " ▲"; }
        #pairs th[aria-sort="descending"]::after { content: " ▼"; }
        tr.has-why { cursor: pointer; }
        tr.has-why td:first-child::before { content: "▸ "; color: var(--muted); }
        tr.has-why.open td:first-child::before { content: "▾ "; }
        tr.pair:hover { background: #f2f6fb; }
        tr.why td { background: #fbfbf3; }
        #filter { width: 360px; max-width: 100%; padding: 5px 8px; border: 1px solid #b8c4d0; border-radius: 4px; }
        #shown { color: var(--muted); margin-left: 8px; }
        tr.sev-error td:first-child { color: var(--bad); font-weight: 600; }
        tr.sev-warning td:first-child { color: var(--warn); font-weight: 600; }
        .attack-path { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin: 4px 0; }
        .attack-path .av { border: 1px solid var(--accent); border-radius: 4px; padding: 1px 6px; background: #eef2f7; font: 12px ui-monospace, Menlo, Consolas, monospace; }
        .attack-path .at { color: var(--bad); font-size: 11px; cursor: help; }
        .attack-path .at::after { content: " →"; }

        """

    /// Sorting (click a header; again to reverse), filtering (substring, any column) and
    /// explanations (click a row). Marks the table `data-ready` when set up, which the
    /// browser check (`scripts/screenshot`) looks for.
    static let script = """
        (function () {
          "use strict";
          var table = document.getElementById("pairs");
          if (!table) { return; }
          var body = table.tBodies[0];
          var items = [];
          Array.prototype.forEach.call(body.rows, function (row) {
            if (row.classList.contains("pair")) {
              items.push({ row: row, why: null, open: false, cells: Array.prototype.map.call(row.cells, function (c) { return c.textContent; }) });
            } else if (row.classList.contains("why") && items.length > 0) {
              items[items.length - 1].why = row;
            }
          });
          items.forEach(function (item) {
            item.text = item.cells.join(" ").toLowerCase();
            if (!item.why) { return; }
            item.row.classList.add("has-why");
            item.row.tabIndex = 0;
            var toggle = function () {
              item.open = !item.open;
              item.why.hidden = !item.open;
              item.row.classList.toggle("open", item.open);
            };
            item.row.addEventListener("click", toggle);
            item.row.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(); } });
          });
          var filter = document.getElementById("filter");
          var shown = document.getElementById("shown");
          function applyFilter() {
            var words = filter.value.toLowerCase().split(/\\s+/).filter(function (w) { return w.length > 0; });
            var count = 0;
            items.forEach(function (item) {
              var match = words.every(function (w) { return item.text.indexOf(w) >= 0; });
              item.row.hidden = !match;
              if (item.why) { item.why.hidden = !match || !item.open; }
              if (match) { count += 1; }
            });
            shown.textContent = count + " of " + items.length + " pairs shown";
          }
          var headers = table.tHead.rows[0].cells;
          var sortColumn = -1;
          var ascending = true;
          Array.prototype.forEach.call(headers, function (th, column) {
            th.addEventListener("click", function () {
              ascending = sortColumn === column ? !ascending : true;
              sortColumn = column;
              Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
              th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
              var sorted = items.slice().sort(function (a, b) {
                var x = a.cells[column], y = b.cells[column];
                var order = x < y ? -1 : x > y ? 1 : 0;
                return ascending ? order : -order;
              });
              var fragment = document.createDocumentFragment();
              sorted.forEach(function (item) { fragment.appendChild(item.row); if (item.why) { fragment.appendChild(item.why); } });
              body.appendChild(fragment);
            });
          });
          filter.addEventListener("input", applyFilter);
          applyFilter();
          table.setAttribute("data-ready", "true");
        })();

        """
}
