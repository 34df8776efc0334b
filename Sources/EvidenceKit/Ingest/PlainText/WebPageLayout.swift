import Foundation

/// A saved web page of an abstract (a publisher's page, a literature site's page), copied as
/// text: the paper's metadata and abstract among page furniture ("Download PDF", "Request
/// Permissions", ratings, site menus in another language, funders).
///
/// The heuristics follow how such pages look, not one paper: the title is the first line of
/// prose-like length; authors are a numbered list of names right after it (affiliation marks
/// dropped); field labels on their own line ("Journal", "Keywords", "期刊", "关键词") introduce
/// their value on the next lines; bullet lists are keywords; the abstract is the long prose.
enum WebPageLayout {
    enum Field { case journal, keywords, authors, abstract, ignored }

    /// Field labels as pages print them on their own line, lower-cased, without a colon.
    static let fieldLabels: [String: Field] = [
        "journal": .journal, "source": .journal, "期刊": .journal, "刊名": .journal,
        "keywords": .keywords, "key words": .keywords, "关键词": .keywords, "关键字": .keywords,
        "authors": .authors, "作者": .authors, "abstract": .abstract, "摘要": .abstract,
        "publisher": .ignored, "出版社": .ignored, "funding": .ignored, "funders": .ignored,
        "资金": .ignored, "基金": .ignored, "affiliations": .ignored, "references": .ignored,
    ]

    /// Beginnings of short furniture lines (menus, buttons, counters), lower-cased.
    static let furniturePrefixes: [String] = [
        "download pdf", "download", "article text", "request permissions", "statistics from", "view full text",
        "view pdf", "full text", "pdf", "share", "cite this", "citation tools", "article info", "article metrics",
        "rights and permissions", "email alerts", "print", "tweet", "altmetric", "responses", "related articles",
        "back to top", "see:", "permissions", "sign in", "log in", "subscribe", "export citation", "google scholar",
        "crossref", "read more", "show more", "open in a new tab", "previous article", "next article", "article",
    ]

    /// Beginnings of boilerplate prose that is not the abstract, lower-cased.
    static let boilerplate: [String] = [
        "if you wish to reuse", "this is an open access article", "correspondence to", "copyright", "©",
        "we use cookies", "competing interests", "provenance and peer review", "funding", "contributors",
    ]

    // MARK: Detection

    /// How strongly `lines` look like a saved page rather than a bare title and abstract.
    static func pageScore(_ lines: [TextLine]) -> Int {
        var furniture = 0, foreign = 0, numbered = 0, labels = 0, bullets = 0
        for line in lines where !line.isBlank {
            let text = line.trimmed
            if isFurniture(text) { furniture += 1 }
            if isMostlyCJK(text) { foreign += 1 }
            if listItem(text) != nil { numbered += 1 }
            if fieldLabels[labelKey(text)] != nil { labels += 1 }
            if bulletItem(text) != nil { bullets += 1 }
        }
        return (furniture > 0 ? 2 : 0) + (foreign > 0 ? 2 : 0) + (numbered >= 2 ? 1 : 0) + (labels > 0 ? 1 : 0)
            + (bullets >= 2 ? 1 : 0)
    }

    // MARK: Extraction

    static func record(_ lines: [TextLine], path: String) throws -> SourceRecord {
        let content = lines.filter { !$0.isBlank }
        var used = Set<Int>()
        var record = SourceRecord(format: .plainText, title: "")

        // Labelled fields: the label line, then its value lines up to the next blank line.
        var index = 0
        while index < lines.count {
            let text = lines[index].trimmed
            guard let field = fieldLabels[labelKey(text)] else {
                index += 1
                continue
            }
            used.insert(lines[index].number)
            var valueIndex = index + 1
            while valueIndex < lines.count, lines[valueIndex].isBlank { valueIndex += 1 }
            var values: [TextLine] = []
            while valueIndex < lines.count, !lines[valueIndex].isBlank, fieldLabels[labelKey(lines[valueIndex].trimmed)] == nil {
                values.append(lines[valueIndex])
                valueIndex += 1
            }
            if field != .abstract && field != .authors {
                values.forEach { used.insert($0.number) }
            }
            apply(field, values: values, to: &record, used: &used)
            index = valueIndex
        }

        // Ids, citation details and keywords written inline ("DOI: 10...", "卷 25, 期 9, 页码 716-725").
        for line in content {
            let text = line.trimmed
            if record.doi == nil, text.lowercased().hasPrefix("doi"), let doi = BibliographicValues.findDOI(in: text) {
                record.doi = doi
                used.insert(line.number)
            }
            if citationDetails(text, into: &record) { used.insert(line.number) }
            if record.keywords.isEmpty, let (key, value) = HeaderLayout.split(text), ["keywords", "key words"].contains(key.lowercased()) {
                record.keywords = BibliographicValues.list(value, separator: value.contains(";") ? ";" : ",")
                used.insert(line.number)
            }
        }

        // Title, then the numbered author list right after it.
        guard let titlePosition = content.firstIndex(where: { isTitleLike($0.trimmed) && !used.contains($0.number) }) else {
            throw IngestError.malformed(path: path, line: nil, reason: "no title found in this saved web page")
        }
        record.title = String(content[titlePosition].trimmed)
        used.insert(content[titlePosition].number)
        var position = titlePosition + 1
        var authors: [Author] = []
        while position < content.count, let item = listItem(content[position].trimmed), let name = personName(item) {
            authors.append(name)
            used.insert(content[position].number)
            position += 1
        }
        if !authors.isEmpty { record.authors = authors }

        // Bullet lists of short items are keywords; a Creative Commons line gives the licence.
        var bulletRun: [(Int, Substring)] = []
        for line in content + [TextLine(number: -1, text: "")] {
            if let item = bulletItem(line.trimmed), item.split(separator: " ").count <= 8 {
                bulletRun.append((line.number, item))
                continue
            }
            if bulletRun.count >= 2, record.keywords.isEmpty {
                record.keywords = bulletRun.map { String($0.1) }
                bulletRun.forEach { used.insert($0.0) }
            }
            bulletRun = []
        }
        for line in content where record.licence == nil {
            if let licence = licence(in: line.trimmed) {
                record.licence = licence
                used.insert(line.number)
            }
        }

        // The abstract: the remaining long prose lines.
        record.blocks = [TextBlock(kind: .title, text: record.title)]
        for line in content where !used.contains(line.number) && isAbstractProse(line.trimmed) {
            if let (label, rest) = AbstractParagraphs.inlineLabel(line.trimmed) {
                record.blocks.append(TextBlock(kind: .abstract, section: label, text: String(rest)))
            } else {
                record.blocks.append(TextBlock(kind: .abstract, text: String(line.trimmed)))
            }
        }
        return record
    }

    static func apply(_ field: Field, values: [TextLine], to record: inout SourceRecord, used: inout Set<Int>) {
        guard let first = values.first?.trimmed else { return }
        switch field {
        case .journal:
            record.journal = String(first)
        case .keywords:
            let joined = values.map { String($0.trimmed) }.joined(separator: "; ")
            record.keywords = BibliographicValues.list(Substring(joined), separator: joined.contains(";") ? ";" : ",")
        case .authors:
            let names = values.flatMap { line in line.trimmed.split(separator: ",").compactMap { personName($0) } }
            if !names.isEmpty {
                record.authors = names
                values.forEach { used.insert($0.number) }
            }
        case .abstract, .ignored:
            break
        }
    }

    /// Volume, issue and pages written as labelled parts of one line: "Volume 25, Issue 9,
    /// Pages 716-725" or "卷 25, 期 9, 页码 716-725". Returns whether the line held them.
    static func citationDetails(_ text: Substring, into record: inout SourceRecord) -> Bool {
        var found = false
        for part in text.split(separator: ",") {
            let words = part.split(separator: " ")
            guard words.count == 2 else { continue }
            let label = words[0].lowercased().trimming(":.")
            let value = String(words[1])
            guard value.first?.isASCIIDigit == true else { continue }
            switch label {
            case "volume", "vol", "卷": record.volume = value
            case "issue", "no", "number", "期": record.issue = value
            case "pages", "pp", "页码", "页": record.pages = value
            default: continue
            }
            found = true
        }
        return found
    }

    /// "CC BY 4.0" from a line that grants a Creative Commons licence.
    static func licence(in text: Substring) -> String? {
        guard let start = text.range(of: "CC BY") else {
            return text.lowercased().contains("creative commons") ? String(text) : nil
        }
        let licence = text[start.lowerBound...].prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == " " })
        return String(Substring(licence).trimmingSpaces)
    }

    // MARK: Line classes

    static func labelKey(_ text: Substring) -> String {
        (text.hasSuffix(":") ? text.dropLast() : text).lowercased()
    }

    static func isFurniture(_ text: Substring) -> Bool {
        let lower = text.lowercased()
        let words = text.split(separator: " ").count
        if words <= 4, furniturePrefixes.contains(where: { lower.hasPrefix($0) }) { return true }
        if boilerplate.contains(where: { lower.hasPrefix($0) }) { return true }
        // Counters and scores: "4.5", "-", "4.5 Article".
        if words <= 2, let first = text.split(separator: " ").first,
            first.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" })
        {
            return true
        }
        return false
    }

    /// A line written mostly in CJK scripts: on a page whose paper is in English, site text.
    static func isMostlyCJK(_ text: Substring) -> Bool {
        var cjk = 0, latin = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3000...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF: cjk += 1
            default: if ScalarClass.isLetter(scalar) { latin += 1 }
            }
        }
        return cjk > latin
    }

    static func isTitleLike(_ text: Substring) -> Bool {
        let words = text.split(separator: " ").count
        guard words >= 3, words <= 60, !isFurniture(text), !isMostlyCJK(text), listItem(text) == nil,
            bulletItem(text) == nil, let last = text.unicodeScalars.last
        else { return false }
        return last != "." && last != ","
    }

    static func isAbstractProse(_ text: Substring) -> Bool {
        guard text.split(separator: " ").count >= 20, !isFurniture(text), !isMostlyCJK(text), listItem(text) == nil,
            bulletItem(text) == nil, let last = text.unicodeScalars.last, ScalarClass.isTerminal(last)
        else { return false }
        let lower = text.lowercased()
        return !["creative commons", "licen", "permission", "cookies", "rightslink"].contains(where: { lower.contains($0) })
    }

    /// The text of a numbered list item ("1. Samuel Pannick1,").
    static func listItem(_ text: Substring) -> Substring? {
        let digits = text.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = text.dropFirst(digits.count)
        guard rest.first == "." || rest.first == ")" else { return nil }
        let item = rest.dropFirst()
        guard item.first == " " || item.first == "\t" else { return nil }
        return item.trimmingSpaces
    }

    /// The text of a bullet item ("• Management").
    static func bulletItem(_ text: Substring) -> Substring? {
        guard let first = text.first, "•·▪◦‣∙*–-".contains(first) else { return nil }
        let item = text.dropFirst()
        guard item.first == " " || item.first == "\t" else { return nil }
        let value = item.trimmingSpaces
        return value.isEmpty ? nil : value
    }

    /// A person's name from an author-list item: "Samuel Pannick1," → Pannick S; nil when the
    /// item is not a name (an affiliation, a funder).
    static func personName(_ item: Substring) -> Author? {
        var name = item.trimmingSpaces
        while let last = name.last, last.isASCIIDigit || ",*†‡§¶#".contains(last) || last == " " { name = name.dropLast() }
        let words = name.split(separator: " ")
        guard (2...4).contains(words.count) else { return nil }
        for word in words {
            guard let initial = word.unicodeScalars.first else { return nil }
            let particle = AuthorNames.particles.contains(String(word))
            guard ScalarClass.isUpper(initial) || particle,
                word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." })
            else { return nil }
        }
        return AuthorNames.parse(name)
    }
}

extension String {
    func trimming(_ set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
