/// APA 7th edition references for journal articles, as plain text (no italics).
///
/// Rules kept: `Family, I. I.` for people, group names as written; all authors up to 20,
/// with `&` before the last; past 20 the first 19, an ellipsis and the last author; without
/// authors the title takes their place; `(n.d.)` without a year; full page ranges with an en
/// dash; the DOI as `https://doi.org/…`. Titles keep the capitalisation of the source:
/// converting to sentence case would mangle proper nouns and acronyms.
enum APAStyle {
    static let maximumAuthors = 20

    static func reference(for source: EvidenceSource) -> String {
        var parts: [String] = []
        let date = "(\(source.year.map(String.init) ?? "n.d."))."
        if let authors = authorList(source) {
            parts.append(CitationText.sentence(authors))
            parts.append(date)
            parts.append(CitationText.sentence(source.title))
        } else {
            parts.append(CitationText.sentence(source.title))
            parts.append(date)
        }
        if let container = container(source) { parts.append(CitationText.sentence(container)) }
        if let doi = CitationText.bareDOI(source.doi) { parts.append("https://doi.org/\(doi)") }
        return parts.filter { $0 != "." }.joined(separator: " ")
    }

    static func name(_ author: Author) -> String {
        if author.isGroup, let collective = author.collective { return CitationText.trimmed(collective) }
        let family = CitationText.trimmed(author.family ?? "")
        let initials = (author.initials ?? "").map { "\($0)." }.joined(separator: " ")
        if family.isEmpty { return initials }
        return initials.isEmpty ? family : "\(family), \(initials)"
    }

    static func authorList(_ source: EvidenceSource) -> String? {
        let names = source.authors.map(name).filter { !$0.isEmpty }
        guard let last = names.last else { return nil }
        if source.authorsIncomplete { return names.joined(separator: ", ") + ", et al." }
        switch names.count {
        case 1: return last
        case 2...maximumAuthors: return names.dropLast().joined(separator: ", ") + ", & " + last
        default: return names.prefix(maximumAuthors - 1).joined(separator: ", ") + ", . . . " + last
        }
    }

    /// `Journal, 25(9), 716–725`, with whatever parts the record has.
    static func container(_ source: EvidenceSource) -> String? {
        guard let journal = CitationText.field(source.journal) ?? CitationText.field(source.journalAbbreviation)
        else { return nil }
        var text = journal
        let volume = CitationText.field(source.volume)
        let issue = CitationText.field(source.issue)
        if volume != nil || issue != nil { text += ", " + (volume ?? "") + (issue.map { "(\($0))" } ?? "") }
        if let pages = CitationText.field(source.pages) { text += ", " + PageRange.full(pages) }
        return text
    }
}
