extension ReferenceList {
    /// The references as RIS, which Zotero, EndNote and Mendeley import.
    ///
    /// One `TY  - JOUR` record per source in list order, tags as the RIS specification
    /// writes them (`TAG  - value`), CRLF line ends, `ER  - ` closing each record. Authors
    /// are `Family, Given` (or `Family, I.`), group authors as written; `T2` has the journal
    /// and `JO` its abbreviation; the PMID is the accession number `AN` and, with the PMCID,
    /// repeated in a note so that it survives importers that drop `AN`.
    public func ris() -> String {
        var text = ""
        for entry in entries {
            for (tag, value) in RISRecord.fields(of: entry.source) {
                text += "\(tag)  - \(RISRecord.clean(value))\r\n"
            }
            text += "ER  - \r\n\r\n"
        }
        return text
    }
}

enum RISRecord {
    static func fields(of source: EvidenceSource) -> [(String, String)] {
        var fields: [(String, String)] = [("TY", "JOUR")]
        for author in source.authors {
            if let name = name(author) { fields.append(("AU", name)) }
        }
        fields.append(("TI", CitationText.trimmed(source.title)))
        let journal = CitationText.field(source.journal)
        let abbreviation = CitationText.field(source.journalAbbreviation)
        if let title = journal ?? abbreviation { fields.append(("T2", title)) }
        if let short = abbreviation ?? journal { fields.append(("JO", short)) }
        if let year = source.year { fields.append(("PY", String(year))) }
        if let volume = CitationText.field(source.volume) { fields.append(("VL", volume)) }
        if let issue = CitationText.field(source.issue) { fields.append(("IS", issue)) }
        if let pages = CitationText.field(source.pages) {
            let bounds = PageRange.bounds(pages)
            fields.append(("SP", bounds.first))
            if let last = bounds.last { fields.append(("EP", last)) }
        }
        if let doi = CitationText.bareDOI(source.doi) { fields.append(("DO", doi)) }
        let pmid = CitationText.field(source.pmid)
        let pmcid = CitationText.field(source.pmcid)
        if let pmid { fields.append(("AN", pmid)) }
        let ids = [pmid.map { "PMID: \($0)" }, pmcid.map { "PMCID: \($0)" }].compactMap { $0 }
        if !ids.isEmpty { fields.append(("N1", ids.joined(separator: "; "))) }
        return fields
    }

    static func name(_ author: Author) -> String? {
        if author.isGroup { return author.collective.flatMap(CitationText.field) }
        guard let family = CitationText.field(author.family) else { return CitationText.field(author.display) }
        if let given = CitationText.field(author.given) { return "\(family), \(given)" }
        if let initials = CitationText.field(author.initials) {
            return "\(family), " + initials.map { "\($0)." }.joined(separator: " ")
        }
        return family
    }

    /// A value on one line: RIS has no continuation lines, so line breaks become spaces.
    static func clean(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
                ? " " : scalar
        }))
    }
}
