import Foundation

/// What has been read of one `article` or `sub-article` so far; turned into a
/// `SourceRecord` once the article's end (or its first sub-article) is reached.
struct JATSArticleDraft {
    /// One `abstract` element: its type, its own title and its blocks (sections relative to it).
    struct Abstract {
        var type: String?
        var title: String?
        var blocks: [TextBlock]
    }

    /// Abstract types that tease rather than summarise; used only when nothing else exists.
    static let teaserAbstractTypes: Set<String> = ["teaser", "toc", "graphical", "summary-for-lay"]

    let line: Int
    var articleType: String?
    var language: String?
    var pmid: String?
    var pmcid: String?
    var doi: String?
    var title: String?
    var subtitle: String?
    var authors: [Author] = []
    var journal: String?
    var isoAbbreviation: String?
    var nlmAbbreviation: String?
    var otherAbbreviation: String?
    /// The year of the best publication date so far and its rank (lower is better).
    var year: (rank: Int, value: Int)?
    var volume: String?
    var issue: String?
    var fpage: String?
    var lpage: String?
    var elocation: String?
    var licence: String?
    var keywords: [String] = []
    var abstracts: [Abstract] = []
    var body: [TextBlock] = []
    var references: [String] = []

    init(line: Int) {
        self.line = line
    }

    /// Keeps the year a citation needs: the issue's (print or collection) date, which goes
    /// with the volume and pages, then the combined or generic publication date, then the
    /// electronic one; the PMC release date last. (An article published online in December
    /// 2012 in volume 24, 2013, is cited as 2013;24.)
    mutating func offerYear(_ value: Int, pubType: String?, dateType: String?, format: String?) {
        let rank: Int
        if pubType == "ppub" || pubType == "collection" || dateType == "collection"
            || (dateType == "pub" && format == "print")
        {
            rank = 0
        } else if pubType == "epub" || (dateType == "pub" && format == "electronic") {
            rank = 2
        } else if pubType == "pub" || dateType == "pub" || pubType == "epub-ppub" {
            rank = 1
        } else if pubType == "pmc-release" || dateType == "pmc-release" {
            rank = 4
        } else {
            rank = 3
        }
        if let current = year, current.rank <= rank { return }
        year = (rank, value)
    }

    /// The full title: the article title, and the subtitle after ": " when there is one.
    var fullTitle: String {
        let main = title ?? ""
        guard let subtitle, !subtitle.isEmpty else { return main }
        guard !main.isEmpty else { return subtitle }
        if let last = main.unicodeScalars.last, ":.?!".unicodeScalars.contains(last) {
            return "\(main) \(subtitle)"
        }
        return "\(main): \(subtitle)"
    }

    /// `fpage-lpage`, a single page when they agree, else the electronic location id.
    var pages: String? {
        if let fpage, !fpage.isEmpty {
            guard let lpage, !lpage.isEmpty, lpage != fpage else { return fpage }
            return "\(fpage)-\(lpage)"
        }
        return elocation
    }

    /// Title, the main abstract and further abstracts, then the body, in reading order.
    var blocks: [TextBlock] {
        var result: [TextBlock] = []
        let title = fullTitle
        if !title.isEmpty { result.append(TextBlock(kind: .title, text: title)) }
        for block in orderedAbstractBlocks() { result.append(block) }
        result.append(contentsOf: body)
        return result
    }

    /// The main abstract first (its own title dropped: it is usually just "Abstract"), then
    /// the other non-teaser abstracts, their sections prefixed with their title or type.
    private func orderedAbstractBlocks() -> [TextBlock] {
        let isTeaser = { (abstract: Abstract) in
            abstract.type.map { JATSArticleDraft.teaserAbstractTypes.contains($0) } ?? false
        }
        var candidates = abstracts.filter { !isTeaser($0) && !$0.blocks.isEmpty }
        if candidates.isEmpty, let first = abstracts.first(where: { !$0.blocks.isEmpty }) {
            candidates = [first]
        }
        guard !candidates.isEmpty else { return [] }
        let mainIndex = candidates.firstIndex { $0.type == nil || $0.type == "abstract" } ?? 0
        var result = candidates[mainIndex].blocks
        for (index, abstract) in candidates.enumerated() where index != mainIndex {
            let prefix = abstract.title ?? abstract.type ?? ""
            for var block in abstract.blocks {
                if !prefix.isEmpty {
                    block.section = block.section.isEmpty ? prefix : "\(prefix) > \(block.section)"
                }
                result.append(block)
            }
        }
        return result
    }

    /// The record, with what the article does not give taken from `parent` (a sub-article's
    /// enclosing article): journal, year, volume, issue, licence and language, never ids.
    func record(inheriting parent: SourceRecord?) -> SourceRecord {
        SourceRecord(
            format: .jats, pmid: pmid, pmcid: pmcid, doi: doi, title: fullTitle, authors: authors,
            journal: journal ?? parent?.journal,
            journalAbbreviation: isoAbbreviation ?? nlmAbbreviation ?? otherAbbreviation
                ?? parent?.journalAbbreviation,
            year: year?.value ?? parent?.year,
            volume: volume ?? parent?.volume,
            issue: issue ?? parent?.issue,
            pages: pages,
            language: language ?? parent?.language,
            publicationTypes: articleType.map { [$0] } ?? [],
            keywords: keywords,
            licence: licence ?? parent?.licence,
            blocks: blocks,
            references: references)
    }
}

/// Normalisation of identifiers as JATS files write them.
enum JATSIdentifier {
    /// `PMC123456` from `123456`, `pmc123456` or `PMC123456`; nil when there are no digits.
    static func pmcid(_ raw: String) -> String? {
        var digits = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if digits.lowercased().hasPrefix("pmc") { digits.removeFirst(3) }
        guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            return nil
        }
        return "PMC" + digits
    }

    /// The DOI without a resolver or `doi:` prefix; nil when it is not a DOI.
    static func doi(_ raw: String) -> String? {
        var value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = value.lowercased()
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
        where lowered.hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        return value.hasPrefix("10.") ? value : nil
    }

    /// The first run of four digits in a date's text (`2012`, `Spring 2012`).
    static func year(_ raw: String) -> Int? {
        var run = 0
        var value = 0
        for scalar in raw.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                run += 1
                value = value * 10 + Int(scalar.value - 48)
                if run == 4 { return value }
            } else {
                run = 0
                value = 0
            }
        }
        return nil
    }
}
