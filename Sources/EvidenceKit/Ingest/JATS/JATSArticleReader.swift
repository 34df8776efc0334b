import Foundation

/// Reads one `article` (or `sub-article`) element from the stream: its front matter, body,
/// back matter and floats, then reports it and its sub-articles as records.
///
/// Every `read…` method starts on an element's start tag and consumes that element.
struct JATSArticleReader {
    let reader: XMLStreamReader

    static let xlinkNamespace = "http://www.w3.org/1999/xlink"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Elements left out of titles, names and other metadata text: footnote markers, LaTeX
    /// duplicates of MathML and pictures.
    static let metadataSkip: Set<String> = ["xref", "fn", "tex-math", "inline-graphic", "graphic"]

    /// Calls `body` with the reader on each child element of the current element. `body`
    /// may consume the child or just return: the rest of an unconsumed child is passed over.
    /// The reader ends on the current element's end tag.
    func children(_ body: (String) throws -> Void) throws {
        guard reader.nodeType == .element, !reader.isEmptyElement else { return }
        let parentDepth = reader.depth
        while try reader.read() {
            switch reader.nodeType {
            case .element where reader.depth == parentDepth + 1:
                try body(reader.localName)
            case .endElement where reader.depth == parentDepth:
                return
            default:
                continue
            }
        }
        throw reader.malformed("the document ends inside an element")
    }

    /// The current element's flattened text without footnote markers; nil when empty.
    func metadataText() throws -> String? {
        let text = try reader.readFlattenedText(skipping: JATSArticleReader.metadataSkip)
        return text.isEmpty ? nil : text
    }

    // MARK: - Article

    /// Reads the article the reader stands on and reports it, then its titled sub-articles,
    /// through `emit`. `parent` is the enclosing article's record for a sub-article.
    func readArticle(inheriting parent: SourceRecord?, emit: (SourceRecord) throws -> Void) throws {
        var draft = JATSArticleDraft(line: reader.line)
        draft.articleType = reader.attribute("article-type")
        draft.language = reader.attribute("lang", namespace: JATSArticleReader.xmlNamespace)
        var reported: SourceRecord?
        let isSubArticle = parent != nil

        try children { name in
            switch name {
            case "front", "front-stub":
                try readFront(into: &draft)
            case "body":
                try readBlocks(kind: .body, path: [], titleExtendsPath: false, into: &draft.body)
            case "back":
                try readBack(into: &draft)
            case "floats-group":
                try readBlocks(kind: .body, path: [], titleExtendsPath: false, into: &draft.body)
            case "sub-article", "response":
                if reported == nil {
                    reported = try report(draft, parent: parent, isSubArticle: isSubArticle, emit: emit)
                }
                try readArticle(inheriting: reported, emit: emit)
            default:
                return
            }
        }
        if reported == nil {
            _ = try report(draft, parent: parent, isSubArticle: isSubArticle, emit: emit)
        }
    }

    /// Emits the draft as a record when it has a title and returns the record (also when
    /// untitled, so that its sub-articles can inherit from it). A top-level article without a
    /// title is a malformed file, reported at the line where the article began (libxml2's
    /// reader may be up to one input chunk past the start tag).
    private func report(
        _ draft: JATSArticleDraft, parent: SourceRecord?, isSubArticle: Bool,
        emit: (SourceRecord) throws -> Void
    ) throws -> SourceRecord {
        let record = draft.record(inheriting: parent)
        if !record.title.isEmpty {
            try emit(record)
        } else if !isSubArticle {
            throw IngestError.malformed(
                path: reader.path, line: draft.line,
                reason: "this <article> has no <article-title>")
        }
        return record
    }

    // MARK: - Front

    private func readFront(into draft: inout JATSArticleDraft) throws {
        try children { name in
            switch name {
            case "journal-meta": try readJournalMeta(into: &draft)
            case "article-meta": try children { try readArticleMeta($0, into: &draft) }
            default: try readArticleMeta(name, into: &draft)
            }
        }
    }

    private func readJournalMeta(into draft: inout JATSArticleDraft) throws {
        try children { name in
            switch name {
            case "journal-title-group":
                try readJournalMeta(into: &draft)
            case "journal-title":
                if draft.journal == nil { draft.journal = try metadataText() }
            case "journal-id", "abbrev-journal-title":
                let type = reader.attribute(name == "journal-id" ? "journal-id-type" : "abbrev-type")
                guard let text = try metadataText() else { return }
                switch type {
                case "iso-abbrev": draft.isoAbbreviation = draft.isoAbbreviation ?? text
                case "nlm-ta": draft.nlmAbbreviation = draft.nlmAbbreviation ?? text
                default:
                    if name == "abbrev-journal-title", type == nil || type == "publisher" {
                        draft.otherAbbreviation = draft.otherAbbreviation ?? text
                    }
                }
            default:
                return
            }
        }
    }

    private func readArticleMeta(_ name: String, into draft: inout JATSArticleDraft) throws {
        switch name {
        case "article-id":
            let type = reader.attribute("pub-id-type")
            guard let text = try metadataText() else { return }
            switch type {
            case "pmid": draft.pmid = draft.pmid ?? text
            case "pmc", "pmcid": draft.pmcid = draft.pmcid ?? JATSIdentifier.pmcid(text)
            case "doi": draft.doi = draft.doi ?? JATSIdentifier.doi(text)
            default: return
            }
        case "title-group":
            try children { child in
                switch child {
                case "article-title": if draft.title == nil { draft.title = try metadataText() }
                case "subtitle": if draft.subtitle == nil { draft.subtitle = try metadataText() }
                default: return
                }
            }
        case "contrib-group":
            try readContribGroup(into: &draft.authors)
        case "pub-date":
            try readPubDate(into: &draft)
        case "volume":
            if draft.volume == nil { draft.volume = try metadataText() }
        case "issue":
            if draft.issue == nil { draft.issue = try metadataText() }
        case "fpage":
            if draft.fpage == nil { draft.fpage = try metadataText() }
        case "lpage":
            if draft.lpage == nil { draft.lpage = try metadataText() }
        case "elocation-id":
            let isDOI = reader.attribute("content-type") == "doi"
            guard let text = try metadataText() else { return }
            if isDOI || JATSIdentifier.doi(text) != nil {
                draft.doi = draft.doi ?? JATSIdentifier.doi(text)
            } else {
                draft.elocation = draft.elocation ?? text
            }
        case "permissions":
            try children { child in
                if child == "license", draft.licence == nil { draft.licence = try readLicence() }
            }
        case "kwd-group":
            try children { child in
                guard child == "kwd" || child == "compound-kwd", let keyword = try metadataText() else { return }
                draft.keywords.append(keyword)
            }
        case "abstract":
            draft.abstracts.append(try readAbstract())
        default:
            return
        }
    }

    private func readContribGroup(into authors: inout [Author]) throws {
        try children { name in
            guard name == "contrib" else { return }
            let type = reader.attribute("contrib-type")?.lowercased()
            guard type == nil || type == "author" else { return }
            var author: Author?
            try children { child in
                guard author == nil else { return }
                switch child {
                case "name", "string-name":
                    author = try readPersonName()
                case "name-alternatives":
                    try children { alternative in
                        if author == nil, alternative == "name" || alternative == "string-name" {
                            author = try readPersonName()
                        }
                    }
                case "collab":
                    let skip = JATSArticleReader.metadataSkip.union(["contrib-group", "address", "aff"])
                    let text = try reader.readFlattenedText(skipping: skip)
                    if !text.isEmpty { author = Author.group(text) }
                default:
                    return
                }
            }
            if let author { authors.append(author) }
        }
    }

    /// A person from `name` or `string-name`: surname and given names, or, when there is no
    /// surname (a mononym, an unsplit `string-name`), the whole text as the family name.
    func readPersonName() throws -> Author? {
        var surname: String?
        var given: String?
        var whole = TextCollector()
        guard reader.nodeType == .element, !reader.isEmptyElement else { return nil }
        let startDepth = reader.depth
        while try reader.read() {
            switch reader.nodeType {
            case .element where reader.depth == startDepth + 1:
                let part = reader.localName
                let text = try metadataText()
                if part == "surname" { surname = text }
                if part == "given-names" { given = text }
                if let text {
                    whole.append(" ")
                    whole.append(text)
                }
            case .text:
                whole.append(reader.value)
            case .endElement where reader.depth == startDepth:
                if let surname {
                    return Author(family: surname, given: given, initials: given.flatMap(JATSArticleReader.writtenInitials))
                }
                let text = whole.text
                return text.isEmpty ? nil : Author(family: text)
            default:
                continue
            }
        }
        throw reader.malformed("the document ends inside a name")
    }

    /// Given names written as initials (`DM`, `JN`), which are the initials themselves:
    /// deriving them by word would turn `DM` into `D`.
    static func writtenInitials(_ given: String) -> String? {
        let scalars = given.unicodeScalars
        guard (1...4).contains(scalars.count), scalars.allSatisfy({ $0.properties.isUppercase }) else { return nil }
        return given
    }

    private func readPubDate(into draft: inout JATSArticleDraft) throws {
        let pubType = reader.attribute("pub-type")
        let dateType = reader.attribute("date-type")
        let format = reader.attribute("publication-format")
        var year: Int?
        try children { name in
            guard year == nil, name == "year" || name == "string-date" else { return }
            year = try metadataText().flatMap(JATSIdentifier.year)
        }
        if let year { draft.offerYear(year, pubType: pubType, dateType: dateType, format: format) }
    }

    /// The licence's URL (`xlink:href`, `ali:license_ref`, or a licence link in its text),
    /// else the first sentence of its text.
    private func readLicence() throws -> String? {
        if let href = reader.attribute("href", namespace: JATSArticleReader.xlinkNamespace),
            !href.trimmingCharacters(in: .whitespaces).isEmpty
        {
            try reader.skipElement()
            return href.trimmingCharacters(in: .whitespaces)
        }
        guard reader.nodeType == .element, !reader.isEmptyElement else { return nil }
        let startDepth = reader.depth
        var reference: String?
        var link: String?
        var text = TextCollector()
        while try reader.read() {
            switch reader.nodeType {
            case .element:
                if reader.localName == "license_ref", reference == nil {
                    reference = try metadataText()
                } else if link == nil,
                    let href = reader.attribute("href", namespace: JATSArticleReader.xlinkNamespace),
                    JATSArticleReader.isLicenceURL(href)
                {
                    link = href
                }
            case .text:
                text.append(reader.value)
            case .whitespace:
                text.append(" ")
            case .endElement where reader.depth == startDepth:
                return reference ?? link ?? JATSArticleReader.shortened(text.text)
            default:
                continue
            }
        }
        throw reader.malformed("the document ends inside <license>")
    }

    static func isLicenceURL(_ href: String) -> Bool {
        let lowered = href.lowercased()
        return lowered.hasPrefix("http") && (lowered.contains("creativecommons.org") || lowered.contains("licen"))
    }

    /// A licence statement shortened to the licence's name ("Creative Commons Attribution
    /// License") when it names a Creative Commons licence, else to its first sentence, at
    /// most 200 characters.
    static func shortened(_ text: String) -> String? {
        guard !text.isEmpty else { return nil }
        if let name = creativeCommonsName(in: text) { return name }
        var sentence = text
        if let end = text.range(of: ". ") {
            sentence = String(text[..<end.lowerBound]) + "."
        }
        let limit = 200
        if sentence.unicodeScalars.count > limit {
            var scalars = String.UnicodeScalarView(sentence.unicodeScalars.prefix(limit - 1))
            while let last = scalars.last, last != " " { scalars.removeLast() }
            while scalars.last == " " { scalars.removeLast() }
            sentence = String(scalars) + "…"
        }
        return sentence
    }

    /// "Creative Commons … License" (with a version number right after it) from a statement.
    private static func creativeCommonsName(in text: String) -> String? {
        let words = text.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",;()")) }
        guard let start = words.indices.first(where: { words[$0] == "Creative" }),
            start + 1 < words.count, words[start + 1].hasPrefix("Commons")
        else { return nil }
        for end in start + 1..<min(words.count, start + 10) where words[end].lowercased().hasPrefix("licen") {
            var name = words[start...end].joined(separator: " ")
            if name.hasSuffix(".") { name.removeLast() }
            if end + 1 < words.count, let version = words[end + 1].split(separator: ".").first, Int(version) != nil {
                name += " " + (words[end + 1].hasSuffix(".") ? String(words[end + 1].dropLast()) : words[end + 1])
            }
            return name
        }
        return nil
    }
}
