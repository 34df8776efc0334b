extension SummaryTable {
    /// The table in `format`, references in `style`. CSV starts with a byte order mark.
    public func render(_ format: ReportFormat, style: CitationStyle = .vancouver) -> String {
        switch format {
        case .markdown: markdown(style: style)
        case .csv: csv(style: style)
        case .json: json(style: style).serialized(pretty: true) + "\n"
        case .html: html(style: style)
        }
    }

    public var title: String { "Evidence summary table" }

    /// How to read the table, stated in every format.
    public var notes: String {
        """
        Sources and passages count the passages tagged with the factor. Staff-group columns \
        give barrier / facilitator passage counts; a passage naming two staff groups counts \
        for both, and one reporting both directions counts as a barrier and as a facilitator. \
        A factor without passages is an evidence gap. \(SummaryTable.quoteRule)
        """
    }

    static let gapText = "No evidence in the corpus (gap)"

    /// `“text” (Pannick et al. 2016 [1])`.
    static func quoteText(_ quote: Quote) -> String {
        "\u{201C}\(quote.item.passage.text)\u{201D} (\(quote.citationLabel) [\(quote.citationNumber)])"
    }

    func markdown(style: CitationStyle) -> String {
        var text = "# \(title)\n\n"
        let header = ["Factor", "Sources", "Passages"]
            + staffGroups.map { "\($0.label): barriers / facilitators" }
            + ["Representative quotes", "Supporting sources"]
        text += "| " + header.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
        text += "|" + header.map { _ in "---|" }.joined() + "\n"
        for row in rows {
            var cells = ["**" + MarkdownText.cell(row.factor.name) + "**"
                + (row.factor.description.isEmpty ? "" : "<br>" + MarkdownText.cell(row.factor.description))]
            cells += [String(row.sourceCount), String(row.passageCount)]
            cells += row.staff.map { "\($0.barriers) / \($0.facilitators)" }
            cells.append(row.quotes.isEmpty
                ? "**GAP**: " + SummaryTable.gapText
                : row.quotes.map { MarkdownText.cell(SummaryTable.quoteText($0)) }.joined(separator: "<br><br>"))
            cells.append(row.citations.isEmpty ? "" : "[\(CitationNumbers.compact(row.citations))]")
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        text += "\n## Notes\n\n" + MarkdownText.cell(notes) + "\n\n"
        return text + references.markdown(style: style)
    }

    func csv(style: CitationStyle) -> String {
        let quoteColumns = max(1, rows.map(\.quotes.count).max() ?? 0)
        var header = ["Factor", "Description", "Sources", "Passages"]
        for group in staffGroups { header += ["\(group.label): barriers", "\(group.label): facilitators"] }
        header += (1...quoteColumns).map { "Quote \($0)" } + ["Supporting sources"]
        var records = [header]
        for row in rows {
            var record = [row.factor.name, row.factor.description, String(row.sourceCount), String(row.passageCount)]
            for counts in row.staff { record += [String(counts.barriers), String(counts.facilitators)] }
            var quotes = row.quotes.map(SummaryTable.quoteText)
            if quotes.isEmpty { quotes = [SummaryTable.gapText] }
            record += quotes + Array(repeating: "", count: quoteColumns - quotes.count)
            record.append(row.citations.isEmpty ? "" : "[\(CitationNumbers.compact(row.citations))]")
            records.append(record)
        }
        records += [[], ["Notes", notes], []] + references.csvRecords(style: style)
        return CSVText.document(records)
    }

    func json(style: CitationStyle) -> JSONValue {
        .object([
            ("title", .string(title)),
            ("style", .string(style.rawValue)),
            ("notes", .string(notes)),
            ("quoteRule", .string(SummaryTable.quoteRule)),
            ("staffGroups", .array(staffGroups.map { .object([("id", .string($0.id)), ("label", .string($0.label))]) })),
            ("rows", .array(rows.map { row in
                .object([
                    ("factor", row.factor.json),
                    ("sources", .int(row.sourceCount)),
                    ("passages", .int(row.passageCount)),
                    ("gap", .bool(row.passageCount == 0)),
                    ("staff", .array(row.staff.map {
                        .object([
                            ("group", .string($0.group.id)), ("barriers", .int($0.barriers)),
                            ("facilitators", .int($0.facilitators)),
                        ])
                    })),
                    ("quotes", .array(row.quotes.map { $0.item.json(references: references) })),
                    ("citations", .ints(row.citations)),
                ])
            })),
            ("references", references.json(style: style)),
        ])
    }

    func html(style: CitationStyle) -> String {
        var body = "<header><h1>\(HTMLText.escape(title))</h1>"
        body += "<p class=\"sub\">\(rows.count) factors · \(references.entries.count) sources cited</p></header>\n"
        body += "<table class=\"summary\"><thead><tr><th rowspan=\"2\">Factor</th><th rowspan=\"2\">Sources</th>"
        body += "<th rowspan=\"2\">Passages</th><th colspan=\"\(staffGroups.count)\">Barriers / facilitators by staff group</th>"
        body += "<th rowspan=\"2\">Representative quotes</th><th rowspan=\"2\">Supporting sources</th></tr><tr>"
        for group in staffGroups { body += "<th>\(HTMLText.escape(group.label))</th>" }
        body += "</tr></thead><tbody>\n"
        for row in rows {
            body += row.passageCount == 0 ? "<tr class=\"gaprow\">" : "<tr>"
            body += "<th scope=\"row\" style=\"text-align:left;font-weight:normal;max-width:260px\">"
            body += "<span class=\"fname\">\(HTMLText.escape(row.factor.name))</span>"
            body += "<span class=\"fdesc\">\(HTMLText.escape(row.factor.description))</span></th>"
            body += "<td class=\"num\">\(row.sourceCount)</td><td class=\"num\">\(row.passageCount)</td>"
            for counts in row.staff {
                let zero = counts.barriers == 0 && counts.facilitators == 0
                body += "<td class=\"num\(zero ? " zero" : "")\">\(counts.barriers) / \(counts.facilitators)</td>"
            }
            if row.quotes.isEmpty {
                body += "<td class=\"gap\">GAP: \(HTMLText.escape(SummaryTable.gapText))</td>"
            } else {
                body += "<td><ul>"
                for quote in row.quotes {
                    body += "<li><q>\(HTMLText.escape(quote.item.passage.text))</q> "
                    body += "(\(HTMLText.escape(quote.citationLabel)) <a href=\"#ref-\(quote.citationNumber)\">[\(quote.citationNumber)]</a>)</li>"
                }
                body += "</ul></td>"
            }
            body += "<td>" + row.citations.map { "<a href=\"#ref-\($0)\">\($0)</a>" }.joined(separator: ", ") + "</td></tr>\n"
        }
        body += "</tbody></table>\n"
        body += "<section class=\"notes\"><h2>Notes</h2><p>\(HTMLText.escape(notes))</p></section>\n"
        body += references.html(style: style)
        return HTMLPage.document(title: title, body: body)
    }
}
