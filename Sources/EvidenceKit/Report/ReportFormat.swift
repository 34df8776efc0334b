/// The file formats of maps and tables (`--format`).
public enum ReportFormat: String, Codable, Sendable, CaseIterable {
    case markdown = "md"
    case csv
    case json
    case html

    /// The file extension of the format.
    public var fileExtension: String { rawValue }
}

/// The reference list in each output format, so that maps and tables end the same way.
extension ReferenceList {
    func markdown(style: CitationStyle) -> String {
        guard !entries.isEmpty else { return "## References\n\nNo sources cited.\n" }
        return "## References\n\n" + entries.map {
            "\($0.number). " + MarkdownText.cell(style.reference(for: $0.source)) + "\n"
        }.joined()
    }

    func csvRecords(style: CitationStyle) -> [[String]] {
        [["Reference", "Citation", "Source id"]]
            + entries.map { [String($0.number), style.reference(for: $0.source), String($0.source.id)] }
    }

    func json(style: CitationStyle) -> JSONValue {
        .array(entries.map { entry in
            .object([
                ("number", .int(entry.number)),
                ("source", .int(Int(entry.source.id))),
                ("label", .string(entry.label)),
                ("reference", .string(style.reference(for: entry.source))),
                ("doi", CitationText.bareDOI(entry.source.doi).map(JSONValue.string) ?? .null),
                ("pmid", CitationText.field(entry.source.pmid).map(JSONValue.string) ?? .null),
            ])
        })
    }

    func html(style: CitationStyle) -> String {
        var html = "<section class=\"refs\" id=\"references\"><h2>References</h2>"
        guard !entries.isEmpty else { return html + "<p>No sources cited.</p></section>" }
        html += "<ol>"
        for entry in entries {
            html += "<li id=\"ref-\(entry.number)\" value=\"\(entry.number)\">"
            html += HTMLText.escape(style.reference(for: entry.source))
            html += "</li>"
        }
        return html + "</ol></section>"
    }
}

/// One passage as the JSON of maps and tables lists it.
extension EvidenceItem {
    func json(references: ReferenceList) -> JSONValue {
        let entry = references.entry(of: sourceID)
        return .object([
            ("source", .int(Int(sourceID))),
            ("citation", entry.map { .int($0.number) } ?? .null),
            ("label", entry.map { .string($0.label) } ?? .null),
            ("section", .string(passage.displaySection)),
            ("passage", .int(passage.index)),
            ("text", .string(passage.text)),
            ("factors", .strings(tags.factors)),
            ("actors", .strings(tags.actors)),
            ("direction", .strings(tags.direction)),
        ])
    }
}

extension FrameworkLabel {
    var json: JSONValue {
        .object([("id", .string(id)), ("name", .string(name)), ("description", .string(description))])
    }
}
