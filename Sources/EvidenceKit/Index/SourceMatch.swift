/// How an incoming record is recognised as a paper the corpus already has.
///
/// Identifiers are tried in order of reliability: PMID, DOI, PMCID, then the normalised
/// title with a compatible year. A match is refused when the two carry different values
/// of the same identifier (an erratum with its own PMID is another paper even if the
/// titles agree), and a title match needs a title long enough to be specific.
struct SourceKeys: Sendable {
    var pmid: String?
    var doi: String?
    var pmcid: String?
    var titleKey: String
    var year: Int?

    /// Titles shorter than this (in key characters) never match on their own: "Editorial",
    /// "POSTERS" or "Correction" name many papers.
    static let minimumTitleKeyLength = 24

    init(record: SourceRecord) {
        pmid = Identifiers.normalizedPMID(record.pmid)
        doi = Identifiers.normalizedDOI(record.doi)
        pmcid = Identifiers.normalizedPMCID(record.pmcid)
        titleKey = TitleKey.make(record.title)
        year = record.year
    }

    init(pmid: String?, doi: String?, pmcid: String?, titleKey: String, year: Int?) {
        self.pmid = pmid
        self.doi = doi
        self.pmcid = pmcid
        self.titleKey = titleKey
        self.year = year
    }

    /// Whether the two carry contradicting identifiers.
    func conflicts(with other: SourceKeys) -> Bool {
        func differ(_ a: String?, _ b: String?) -> Bool {
            if let a, let b { return a != b }
            return false
        }
        return differ(pmid, other.pmid) || differ(doi, other.doi) || differ(pmcid, other.pmcid)
    }

    /// The strength of the match with an existing source's keys (lower is stronger), or
    /// nil when they are not the same paper.
    func matchRank(against existing: SourceKeys) -> Int? {
        if conflicts(with: existing) { return nil }
        if let pmid, pmid == existing.pmid { return 0 }
        if let doi, doi == existing.doi { return 1 }
        if let pmcid, pmcid == existing.pmcid { return 2 }
        let yearsAgree = year == nil || existing.year == nil || year == existing.year
        if titleKey.count >= SourceKeys.minimumTitleKeyLength, titleKey == existing.titleKey, yearsAgree {
            return 3
        }
        return nil
    }
}
