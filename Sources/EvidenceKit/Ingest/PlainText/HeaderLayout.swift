/// The documented plain-text layout (`docs/plain-text-format.md`): `Key: value` header lines,
/// a blank line, the abstract; records separated by a line `---`.
enum HeaderLayout {
    /// The header keys, lower-cased; a key is matched case-insensitively.
    static let keys: [String] = [
        "title", "authors", "journal", "year", "volume", "issue", "pages", "doi", "pmid", "pmcid",
        "keywords", "licence", "license", "url", "language",
    ]

    /// Whether `line` is a header line with a known key, the sign of this layout.
    static func isHeaderLine(_ line: Substring) -> Bool {
        guard let (key, _) = split(line) else { return false }
        return keys.contains(key.lowercased())
    }

    static func records(_ lines: [TextLine], path: String) throws -> [SourceRecord] {
        var records: [SourceRecord] = []
        var chunkStart = 0
        for index in lines.indices where lines[index].trimmed == "---" {
            if let record = try record(lines[chunkStart..<index], path: path) { records.append(record) }
            chunkStart = index + 1
        }
        if let record = try record(lines[chunkStart...], path: path) { records.append(record) }
        return records
    }

    /// One record; nil for a chunk with no text (a trailing separator).
    static func record(_ chunk: ArraySlice<TextLine>, path: String) throws -> SourceRecord? {
        guard let first = chunk.firstIndex(where: { !$0.isBlank }) else { return nil }
        var record = SourceRecord(format: .plainText, title: "")
        var headerEnd = chunk.endIndex
        var lastKey: (String, Int)? = nil
        var values: [(key: String, value: String, line: Int)] = []
        for index in first..<chunk.endIndex {
            let line = chunk[index]
            if line.isBlank {
                headerEnd = index
                break
            }
            if let firstScalar = line.text.unicodeScalars.first, ScalarClass.isSpace(firstScalar), let previous = lastKey {
                // An indented line continues the previous value.
                values[previous.1].value += " " + line.trimmed
                continue
            }
            guard let (key, value) = split(line.trimmed) else {
                throw IngestError.malformed(
                    path: path, line: line.number,
                    reason: "expected a header line 'Key: value' or a blank line before the abstract, found '\(line.trimmed.prefix(60))'")
            }
            let name = key.lowercased()
            guard keys.contains(name) else {
                throw IngestError.malformed(
                    path: path, line: line.number,
                    reason: "unknown header key '\(key)'; known keys are Title, Authors, Journal, Year, Volume, Issue, Pages, DOI, PMID, PMCID, Keywords, Licence, URL, Language")
            }
            values.append((name, String(value), line.number))
            lastKey = (name, values.count - 1)
        }
        for (key, value, line) in values {
            try apply(key: key, value: Substring(value), line: line, to: &record, path: path)
        }
        guard !record.title.isEmpty else {
            throw IngestError.malformed(path: path, line: chunk[first].number, reason: "the record has no Title: line")
        }
        record.blocks = [TextBlock(kind: .title, text: record.title)]
        if headerEnd < chunk.endIndex {
            record.blocks += AbstractParagraphs.blocks(chunk[(headerEnd + 1)...])
        }
        return record
    }

    static func apply(key: String, value: Substring, line: Int, to record: inout SourceRecord, path: String) throws {
        let text = value.trimmingSpaces
        guard !text.isEmpty else { return }
        func invalid(_ what: String) -> IngestError {
            IngestError.malformed(path: path, line: line, reason: "\(what): '\(text)'")
        }
        switch key {
        case "title": record.title = String(text)
        case "authors": (record.authors, record.authorListIncomplete) = AuthorNames.parseList(text)
        case "journal": record.journal = String(text)
        case "year":
            guard let year = BibliographicValues.year(text) else { throw invalid("Year must be a four-digit year") }
            record.year = year
        case "volume": record.volume = String(text)
        case "issue": record.issue = String(text)
        case "pages": record.pages = String(text)
        case "doi":
            guard let doi = BibliographicValues.doi(text) else { throw invalid("DOI must start with 10. (optionally after https://doi.org/)") }
            record.doi = doi
        case "pmid":
            guard let pmid = BibliographicValues.pmid(text) else { throw invalid("PMID must be digits") }
            record.pmid = pmid
        case "pmcid":
            guard let pmcid = BibliographicValues.pmcid(text) else { throw invalid("PMCID must be PMC followed by digits") }
            record.pmcid = pmcid
        case "keywords": record.keywords = BibliographicValues.list(text)
        case "licence", "license": record.licence = String(text)
        case "language": record.language = String(text)
        default: break  // URL: accepted for the reader's benefit; the record has no field for it.
        }
    }

    /// "Key: value" → (Key, value); the key is letters only.
    static func split(_ line: Substring) -> (Substring, Substring)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        guard !key.isEmpty, key.count <= 20, key.unicodeScalars.allSatisfy(ScalarClass.isLetter) else { return nil }
        return (key, line[line.index(after: colon)...].trimmingSpaces)
    }
}
