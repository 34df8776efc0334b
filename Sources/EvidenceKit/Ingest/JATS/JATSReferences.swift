/// The reference list as citation strings.
///
/// A citation written as mixed content (`mixed-citation`, or an old `citation` with the
/// punctuation between its parts) is kept as its flattened text; one made of bare parts
/// (`element-citation`, or a `mixed-citation` without punctuation) is assembled in the
/// Vancouver order "Authors. Title. Source. Year;Volume(Issue):pages." followed by any
/// comment and the DOI. Person names read "Surname Given" in both forms.
extension JATSArticleReader {
    static let citationElements: Set<String> = ["mixed-citation", "element-citation", "citation", "nlm-citation"]

    /// Reads a `ref-list` (and the lists nested in it), adding one string per `ref`.
    func readReferenceList(into references: inout [String]) throws {
        try children { name in
            switch name {
            case "ref":
                if let reference = try readReference() { references.append(reference) }
            case "ref-list":
                try readReferenceList(into: &references)
            default:
                return
            }
        }
    }

    /// One `ref`: its citations joined (only the first of `citation-alternatives`).
    private func readReference() throws -> String? {
        var citations: [String] = []
        try children { name in
            if JATSArticleReader.citationElements.contains(name) {
                if let citation = try readCitation() { citations.append(citation) }
            } else if name == "citation-alternatives" {
                var first: String?
                try children { child in
                    if first == nil, JATSArticleReader.citationElements.contains(child) {
                        first = try readCitation()
                    }
                }
                if let first { citations.append(first) }
            }
        }
        return citations.isEmpty ? nil : citations.joined(separator: " ")
    }

    /// The parts of a citation collected while it is read.
    private struct CitationParts {
        var flat = TextCollector()
        var hasPunctuation = false
        var authors: [String] = []
        var editors: [String] = []
        /// The `person-group-type` of the group being read (`author`, `editor`).
        var groupType: String?
        var etal = false
        var fields: [String: String] = [:]
        var comments: [String] = []
        var doi: String?

        mutating func addName(_ name: String) {
            if groupType == nil || groupType == "author" { authors.append(name) } else if groupType == "editor" { editors.append(name) }
        }

        mutating func keep(_ name: String, _ text: String) {
            if fields[name] == nil { fields[name] = text }
        }

        /// "Authors. Title. Source. Publisher; Year;Volume(Issue):pages. Comment. doi:…"
        func assembled() -> String? {
            var sentences: [String] = []
            var names = authors.joined(separator: ", ")
            if etal { names += names.isEmpty ? "et al" : ", et al" }
            if authors.isEmpty, !editors.isEmpty { names = editors.joined(separator: ", ") + ", editors" }
            sentences.append(names)
            sentences.append(fields["article-title"] ?? fields["chapter-title"] ?? "")
            sentences.append(fields["source"] ?? "")
            var publication = [fields["publisher-loc"], fields["publisher-name"]]
                .compactMap { $0 }.joined(separator: ": ")
            var numbering = fields["year"] ?? ""
            if let volume = fields["volume"] { numbering += numbering.isEmpty ? volume : ";\(volume)" }
            if let issue = fields["issue"] { numbering += "(\(issue))" }
            let pages = [fields["fpage"], fields["lpage"]].compactMap { $0 }
            if let first = pages.first {
                let range = pages.count == 2 && pages[1] != first ? "\(first)-\(pages[1])" : first
                numbering += numbering.isEmpty ? range : ":\(range)"
            } else if let elocation = fields["elocation-id"] {
                numbering += numbering.isEmpty ? elocation : ":\(elocation)"
            }
            if !publication.isEmpty, !numbering.isEmpty { publication += "; " }
            sentences.append(publication + numbering)
            var text = sentences.filter { !$0.isEmpty }.map(JATSArticleReader.closedSentence)
            text.append(contentsOf: comments)
            if let doi, !comments.contains(where: { $0.contains(doi) }) { text.append("doi:\(doi)") }
            return text.isEmpty ? nil : text.joined(separator: " ")
        }
    }

    /// Reads one citation element into a string: its flattened text when it carries its own
    /// punctuation, else its parts assembled.
    private func readCitation() throws -> String? {
        guard reader.nodeType == .element, !reader.isEmptyElement else { return nil }
        var parts = CitationParts()
        let startDepth = reader.depth
        while try reader.read() {
            switch reader.nodeType {
            case .element:
                try readCitationPart(reader.localName, into: &parts)
            case .text:
                let text = reader.value
                parts.flat.append(text)
                if text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
                    parts.hasPunctuation = true
                }
            case .whitespace:
                parts.flat.append(" ")
            case .endElement where reader.localName == "person-group":
                parts.groupType = nil
            case .endElement where reader.depth == startDepth:
                if parts.hasPunctuation {
                    let text = parts.flat.text
                    return text.isEmpty ? nil : text
                }
                return parts.assembled()
            default:
                continue
            }
        }
        throw reader.malformed("the document ends inside a citation")
    }

    /// One element inside a citation: names and groups of names are opened, every other part
    /// is read whole as flattened text.
    private func readCitationPart(_ name: String, into parts: inout CitationParts) throws {
        switch name {
        case "person-group":
            // Opened: its names arrive as elements of their own, its punctuation as text.
            parts.groupType = reader.isEmptyElement ? nil : reader.attribute("person-group-type")
            parts.flat.clearBoundary()
        case "name", "string-name":
            guard let author = try readPersonName() else { return }
            let written = [author.family, author.given].compactMap { $0 }.joined(separator: " ")
            parts.flat.clearBoundary()
            parts.flat.append(written)
            parts.addName(author.display)
        case "collab":
            guard let text = try metadataText() else { return }
            parts.flat.clearBoundary()
            parts.flat.append(text)
            parts.addName(text)
        case "etal":
            parts.etal = true
            if reader.isEmptyElement {
                parts.flat.append(" et al.")
            } else if let text = try metadataText() {
                parts.flat.append(" \(text)")
            }
        default:
            let isStyle = XMLStreamReader.styleElements.contains(name)
            let pubIDType = name == "pub-id" ? reader.attribute("pub-id-type") : nil
            let text = try reader.readFlattenedText(skipping: ["tex-math", "inline-graphic", "graphic"])
            if isStyle { parts.flat.markBoundary() } else { parts.flat.clearBoundary() }
            parts.flat.append(text)
            if isStyle { parts.flat.markBoundary() }
            guard !text.isEmpty else { return }
            switch name {
            case "pub-id":
                if pubIDType == "doi" { parts.doi = parts.doi ?? JATSIdentifier.doi(text) }
            case "comment", "ext-link", "uri", "date-in-citation":
                if text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                    parts.comments.append(text)
                }
            default:
                parts.keep(name, text)
            }
        }
    }
}
