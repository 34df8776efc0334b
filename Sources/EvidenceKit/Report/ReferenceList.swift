/// The numbered reference list of a report, shared by its map, table and reference files so
/// that `[3]` means the same paper everywhere.
///
/// Numbering rule (Vancouver's "order of first citation", made deterministic): read the
/// factors in framework order; for each factor, the sources with a passage tagged with it,
/// in the order the `sources` argument lists them; a source takes the next number the first
/// time it appears. Sources that support none of the factors are not listed.
public struct ReferenceList: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var number: Int
        public var source: EvidenceSource
        /// The in-text label (`Pannick et al. 2016`).
        public var label: String
    }

    public private(set) var entries: [Entry]
    private var numbers: [Int64: Int]

    /// The sources cited by `items` for `factors`, numbered by the rule above.
    public init(sources: [EvidenceSource], items: [EvidenceItem], factors: [FrameworkLabel]) throws(ReportError) {
        let byID = try ReferenceList.index(sources)
        var factorsOfSource: [Int64: Set<String>] = [:]
        for item in items {
            guard byID[item.sourceID] != nil else {
                throw .unknownSource(sourceID: item.sourceID, passageIndex: item.passage.index)
            }
            factorsOfSource[item.sourceID, default: []].formUnion(item.tags.factors)
        }
        var ordered: [EvidenceSource] = []
        var seen: Set<Int64> = []
        for factor in factors {
            for source in sources where !seen.contains(source.id) {
                if factorsOfSource[source.id]?.contains(factor.id) == true {
                    seen.insert(source.id)
                    ordered.append(source)
                }
            }
        }
        self.init(ordered: ordered)
    }

    /// A list numbered in the order given (1, 2, …).
    public init(ordered sources: [EvidenceSource]) {
        entries = sources.enumerated().map { offset, source in
            Entry(number: offset + 1, source: source, label: source.citationLabel)
        }
        numbers = Dictionary(entries.map { ($0.source.id, $0.number) }, uniquingKeysWith: { first, _ in first })
    }

    /// The reference number of a source, if the list cites it.
    public func number(of sourceID: Int64) -> Int? { numbers[sourceID] }

    /// The entry of a source, if the list cites it.
    public func entry(of sourceID: Int64) -> Entry? { numbers[sourceID].map { entries[$0 - 1] } }

    /// The numbered references, one line each (`1. Pannick S, …`), as `references.txt` holds them.
    public func text(style: CitationStyle) -> String {
        entries.map { "\($0.number). \(style.reference(for: $0.source))\n" }.joined()
    }

    static func index(_ sources: [EvidenceSource]) throws(ReportError) -> [Int64: EvidenceSource] {
        var byID: [Int64: EvidenceSource] = [:]
        for source in sources {
            guard byID[source.id] == nil else { throw .duplicateSource(id: source.id) }
            byID[source.id] = source
        }
        return byID
    }
}

/// Citation numbers written compactly: `[1, 3–5, 8]`, as journals print them.
enum CitationNumbers {
    static func compact(_ numbers: [Int]) -> String {
        let sorted = Array(Set(numbers)).sorted()
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            if end - index >= 2 {
                parts.append("\(sorted[index])\u{2013}\(sorted[end])")
            } else {
                parts.append(contentsOf: sorted[index...end].map(String.init))
            }
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
