/// NLM "Citing Medicine" (Vancouver) references for journal articles.
///
/// Rules kept: authors as `Family Initials`, the first six then `et al.` when there are more;
/// group authors as written; the journal's abbreviation without full stops when the record
/// has one, else its full title; `Year;Volume(Issue):Pages` with the NLM page abbreviation;
/// `[date unknown]` without a year; absent volume, issue or pages are left out with their
/// punctuation; the DOI last as `doi:…`.
enum VancouverStyle {
    static let maximumAuthors = 6

    static func reference(for source: EvidenceSource) -> String {
        var parts: [String] = []
        if let authors = authorList(source) { parts.append(CitationText.sentence(authors)) }
        parts.append(CitationText.sentence(source.title))
        if let journal = journal(source) { parts.append(CitationText.sentence(journal)) }
        parts.append(CitationText.sentence(publication(source)))
        if let doi = CitationText.bareDOI(source.doi) { parts.append("doi:\(doi)") }
        return parts.filter { $0 != "." }.joined(separator: " ")
    }

    static func authorList(_ source: EvidenceSource) -> String? {
        let names = source.authors.map(\.display).map(CitationText.trimmed).filter { !$0.isEmpty }
        guard !names.isEmpty else { return nil }
        if names.count > maximumAuthors {
            return names.prefix(maximumAuthors).joined(separator: ", ") + ", et al"
        }
        return names.joined(separator: ", ") + (source.authorsIncomplete ? ", et al" : "")
    }

    /// The journal's abbreviation without full stops (`BMJ Qual. Saf.` → `BMJ Qual Saf`).
    static func journal(_ source: EvidenceSource) -> String? {
        if let abbreviation = CitationText.field(source.journalAbbreviation) {
            return abbreviation.split(separator: " ").map { $0.filter { $0 != "." } }
                .filter { !$0.isEmpty }.joined(separator: " ")
        }
        return CitationText.field(source.journal)
    }

    /// `2016;25(9):716-25`, with whatever parts the record has.
    static func publication(_ source: EvidenceSource) -> String {
        var text = source.year.map(String.init) ?? "[date unknown]"
        let volume = CitationText.field(source.volume)
        let issue = CitationText.field(source.issue)
        if volume != nil || issue != nil { text += ";" }
        if let volume { text += volume }
        if let issue { text += "(\(issue))" }
        if let pages = CitationText.field(source.pages) { text += ":" + PageRange.nlm(pages) }
        return text
    }
}
