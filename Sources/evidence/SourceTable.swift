import EvidenceKit

/// Plain renderings of source listings for the terminal and spreadsheets.
enum SourceTable {
    static func text(_ sources: [SourceListing]) -> String {
        var out = "id\tyear\tpassages\tfirst author\ttitle\n"
        for source in sources {
            let author = source.authors.first.map { source.authors.count > 1 ? "\($0) et al." : $0 } ?? "-"
            let year = source.year.map(String.init) ?? "n.d."
            out += "\(source.id)\t\(year)\t\(source.passages)\t\(author)\t\(truncate(source.title, 90))\n"
        }
        return out
    }

    static func csv(_ sources: [SourceListing]) -> String {
        let header = ["id", "pmid", "pmcid", "doi", "title", "authors", "journal", "year", "volume", "issue", "pages", "files", "passages"]
        let rows = sources.map { source -> [String] in
            [
                String(source.id), source.pmid ?? "", source.pmcid ?? "", source.doi ?? "", source.title,
                source.authors.joined(separator: "; "), source.journal ?? "", source.year.map(String.init) ?? "",
                source.volume ?? "", source.issue ?? "", source.pages ?? "", source.files.joined(separator: "; "),
                String(source.passages),
            ]
        }
        return CSVText.document([header] + rows)
    }

    static func details(_ listing: SourceListing, metadata: SourceRecord) -> String {
        var lines = ["[\(listing.id)] \(listing.title)"]
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append("  \(label): \(value)") }
        }
        add("Authors", listing.authors.joined(separator: ", "))
        add("Journal", listing.journal)
        add("Year", listing.year.map(String.init))
        add("Volume", listing.volume)
        add("Issue", listing.issue)
        add("Pages", listing.pages)
        add("PMID", listing.pmid)
        add("PMCID", listing.pmcid)
        add("DOI", listing.doi)
        add("Language", metadata.language)
        add("Licence", metadata.licence)
        add("Keywords", metadata.keywords.joined(separator: "; "))
        add("Files", listing.files.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }

    private static func truncate(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
