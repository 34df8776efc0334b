extension EvidenceMap {
    /// The map in `format`, references in `style`. CSV starts with a byte order mark.
    public func render(_ format: ReportFormat, style: CitationStyle = .vancouver) -> String {
        switch format {
        case .markdown: markdown(style: style)
        case .csv: csv(style: style)
        case .json: json(style: style).serialized(pretty: true) + "\n"
        case .html: html(style: style)
        }
    }

    /// "Evidence map: factors by staff group".
    public var title: String { "Evidence map: factors by \(dimension.heading)" }

    /// How to read the cells, stated in every format.
    public var notes: String {
        """
        Rows are the factors of the framework, all of them, with or without evidence. Each \
        cell gives the number of distinct sources, the number of passages and the reference \
        numbers of its sources. A passage counts once in each column it belongs to (for \
        example under two staff groups), so a row's cells can add up to more than its total. \
        Only passages tagged with at least one factor are counted. A cell marked GAP has no \
        passage in this corpus: an evidence gap.
        """
    }

    /// Passages tagged with a framework factor, across the whole map.
    public var passageCount: Int { Set(rows.flatMap(\.total.itemIndices)).count }

    /// "5 sources, 12 passages [1, 3–5]" or "GAP".
    static func cellText(_ cell: Cell) -> String {
        guard !cell.isGap else { return "GAP" }
        let sources = cell.sourceCount == 1 ? "1 source" : "\(cell.sourceCount) sources"
        let passages = cell.passageCount == 1 ? "1 passage" : "\(cell.passageCount) passages"
        return "\(sources), \(passages) [\(CitationNumbers.compact(cell.citations))]"
    }

    func markdown(style: CitationStyle) -> String {
        var text = "# \(title)\n\n"
        text += "\(references.entries.count) sources cited, \(passageCount) passages tagged with a factor. "
        text += "Each cell: **sources** / passages [reference numbers]; **GAP** marks an empty cell.\n\n"
        let header = ["Factor"] + columns.map(\.label) + ["All"]
        text += "| " + header.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
        text += "|" + header.map { _ in "---|" }.joined() + "\n"
        for row in rows {
            let cells = (row.cells + [row.total]).map { cell in
                cell.isGap
                    ? "**GAP**"
                    : "**\(cell.sourceCount)** / \(cell.passageCount) [\(CitationNumbers.compact(cell.citations))]"
            }
            text += "| " + ([MarkdownText.cell(row.factor.name)] + cells).joined(separator: " | ") + " |\n"
        }
        text += "\n## Notes\n\n" + MarkdownText.cell(notes) + "\n\n"
        return text + references.markdown(style: style)
    }

    func csv(style: CitationStyle) -> String {
        var records: [[String]] = [["Factor"] + columns.map(\.label) + ["All"]]
        for row in rows {
            records.append([row.factor.name] + (row.cells + [row.total]).map(EvidenceMap.cellText))
        }
        records.append([])
        records.append(["Notes", notes])
        records.append([])
        records += references.csvRecords(style: style)
        return CSVText.document(records)
    }

    func json(style: CitationStyle) -> JSONValue {
        let quoted = Array(Set(rows.flatMap(\.total.itemIndices))).sorted()
        let position = Dictionary(uniqueKeysWithValues: quoted.enumerated().map { ($1, $0) })
        func cell(_ cell: Cell, column: String) -> JSONValue {
            .object([
                ("column", .string(column)),
                ("sources", .int(cell.sourceCount)),
                ("passages", .int(cell.passageCount)),
                ("citations", .ints(cell.citations)),
                ("gap", .bool(cell.isGap)),
                ("quotes", .ints(cell.itemIndices.compactMap { position[$0] })),
            ])
        }
        return .object([
            ("title", .string(title)),
            ("by", .string(dimension.rawValue)),
            ("style", .string(style.rawValue)),
            ("notes", .string(notes)),
            ("columns", .array(columns.map { .object([("id", .string($0.id)), ("label", .string($0.label))]) })),
            ("rows", .array(rows.map { row in
                .object([
                    ("factor", row.factor.json),
                    ("cells", .array(zip(columns, row.cells).map { cell($1, column: $0.id) })),
                    ("total", cell(row.total, column: "all")),
                ])
            })),
            ("quotes", .array(quoted.map { items[$0].json(references: references) })),
            ("references", references.json(style: style)),
        ])
    }
}
