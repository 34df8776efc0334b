extension EvidenceMap {
    /// The heat-map shade (1–5) of a cell with `sources` sources when the fullest cell has
    /// `maximum`; 0 for a gap.
    static func shade(sources: Int, maximum: Int) -> Int {
        guard sources > 0, maximum > 0 else { return 0 }
        return min(5, max(1, (sources * 5 + maximum - 1) / maximum))
    }

    func html(style: CitationStyle) -> String {
        let maximum = rows.flatMap(\.cells).map(\.sourceCount).max() ?? 0
        var body = "<header><h1>\(HTMLText.escape(title))</h1>"
        body += "<p class=\"sub\">\(references.entries.count) sources cited · \(passageCount) passages tagged with a factor · "
        body += "shading by number of sources · click a cell to read its passages</p></header>\n"
        body += "<div class=\"layout\"><div class=\"matrix\">" + legend(maximum: maximum)
        body += "<table class=\"map\"><thead><tr><th scope=\"col\">Factor</th>"
        for column in columns { body += "<th scope=\"col\">\(HTMLText.escape(column.label))</th>" }
        body += "<th scope=\"col\">All</th></tr></thead><tbody>\n"
        for (r, row) in rows.enumerated() {
            body += "<tr><th scope=\"row\"><span class=\"fname\">\(HTMLText.escape(row.factor.name))</span>"
            if !row.factor.description.isEmpty {
                body += "<span class=\"fdesc\">\(HTMLText.escape(row.factor.description))</span>"
            }
            body += "</th>"
            for (c, cell) in row.cells.enumerated() {
                let title = "\(row.factor.name) × \(columns[c].label)"
                body += cellHTML(cell, key: "\(r)-\(c)", title: title, shadeClass: "l\(EvidenceMap.shade(sources: cell.sourceCount, maximum: maximum))")
            }
            body += cellHTML(row.total, key: "\(r)-all", title: "\(row.factor.name), all passages", shadeClass: "total")
            body += "</tr>\n"
        }
        body += "</tbody></table></div>\n"
        body += "<aside id=\"quotes\" aria-live=\"polite\"><h2 id=\"quotes-title\">Passages</h2>"
        body += "<p class=\"hint\" id=\"quotes-hint\">Click a cell of the map to list its passages with their citations.</p>"
        body += "<ol class=\"quotes\" id=\"quotes-list\"></ol></aside></div>\n"
        body += "<section class=\"notes\"><h2>Notes</h2><p>\(HTMLText.escape(notes))</p></section>\n"
        body += references.html(style: style)
        body += "\n<script type=\"application/json\" id=\"evidence-data\">"
        body += quoteData.serialized(scriptSafe: true)
        body += "</script>"
        return HTMLPage.document(title: title, body: body, script: EvidenceMap.script)
    }

    private func cellHTML(_ cell: Cell, key: String, title: String, shadeClass: String) -> String {
        guard !cell.isGap else {
            return "<td class=\"gap\" title=\"\(HTMLText.escape(title)): no evidence\">GAP</td>"
        }
        let sources = cell.sourceCount == 1 ? "source" : "sources"
        let passages = cell.passageCount == 1 ? "passage" : "passages"
        return "<td class=\"\(shadeClass)\"><button type=\"button\" aria-pressed=\"false\" data-cell=\"\(key)\" "
            + "data-title=\"\(HTMLText.escape(title))\">"
            + "<span class=\"n\">\(cell.sourceCount)</span> \(sources)"
            + "<span class=\"p\">\(cell.passageCount) \(passages)</span>"
            + "<span class=\"c\">[\(CitationNumbers.compact(cell.citations))]</span></button></td>"
    }

    private func legend(maximum: Int) -> String {
        var html = "<div class=\"legend\"><span>Sources per cell:</span>"
        html += "<span class=\"swatch gap\">GAP</span><span>= no evidence;</span>"
        var lower = 1
        for level in 1...5 where maximum > 0 {
            var upper = lower
            while upper + 1 <= maximum, EvidenceMap.shade(sources: upper + 1, maximum: maximum) == level { upper += 1 }
            guard EvidenceMap.shade(sources: lower, maximum: maximum) == level else { continue }
            let range = upper == lower ? "\(lower)" : "\(lower)–\(upper)"
            html += "<span class=\"swatch l\(level)\">\(range)</span>"
            lower = upper + 1
            if lower > maximum { break }
        }
        return html + "</div>"
    }

    /// The passages of every cell, for the script: quotes once, cells as lists of positions.
    private var quoteData: JSONValue {
        let quoted = Array(Set(rows.flatMap(\.total.itemIndices))).sorted()
        let position = Dictionary(uniqueKeysWithValues: quoted.enumerated().map { ($1, $0) })
        var cells: [(String, JSONValue)] = []
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.cells.enumerated() where !cell.isGap {
                cells.append(("\(r)-\(c)", .ints(cell.itemIndices.compactMap { position[$0] })))
            }
            if !row.total.isGap {
                cells.append(("\(r)-all", .ints(row.total.itemIndices.compactMap { position[$0] })))
            }
        }
        let quotes: [JSONValue] = quoted.map { index in
            let item = items[index]
            let entry = references.entry(of: item.sourceID)
            return .object([
                ("t", .string(item.passage.text)),
                ("n", entry.map { .int($0.number) } ?? .null),
                ("l", .string(entry?.label ?? "")),
                ("s", .string(item.passage.displaySection)),
                ("d", .strings(item.tags.direction)),
            ])
        }
        return .object([("quotes", .array(quotes)), ("cells", .object(cells))])
    }

    /// Fills the side panel; builds nodes with `textContent`, never `innerHTML`, so paper
    /// text stays text.
    static let script = """
        (function(){
        var data=JSON.parse(document.getElementById('evidence-data').textContent);
        var title=document.getElementById('quotes-title'),hint=document.getElementById('quotes-hint'),
        list=document.getElementById('quotes-list');
        function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!=null)e.textContent=text;return e;}
        function show(button){
        document.querySelectorAll('button[aria-pressed="true"]').forEach(function(b){b.setAttribute('aria-pressed','false');});
        button.setAttribute('aria-pressed','true');
        var ids=data.cells[button.getAttribute('data-cell')]||[];
        title.textContent=button.getAttribute('data-title');
        var cited={};ids.forEach(function(i){cited[data.quotes[i].n]=1;});var n=Object.keys(cited).length;
        hint.textContent=ids.length+(ids.length===1?' passage':' passages')+' from '+n+(n===1?' source':' sources');
        while(list.firstChild)list.removeChild(list.firstChild);
        ids.forEach(function(i){
        var q=data.quotes[i],li=el('li'),cite=el('span','cite');
        li.appendChild(el('q',null,q.t));
        var a=el('a',null,q.l+' ['+q.n+']');a.href='#ref-'+q.n;cite.appendChild(a);
        cite.appendChild(document.createTextNode(' \\u00b7 '+q.s));
        q.d.forEach(function(d){cite.appendChild(el('span','tag '+d,d));});
        li.appendChild(cite);list.appendChild(li);});
        }
        document.querySelectorAll('button[data-cell]').forEach(function(b){b.addEventListener('click',function(){show(b);});});
        })();
        """
}
