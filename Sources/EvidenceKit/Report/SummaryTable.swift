/// The evidence summary table of a narrative review: per factor, how much evidence there is,
/// for which staff groups it reports barriers and facilitators, and what it says.
///
/// Counting rules are those of `EvidenceMap`; a passage on two staff groups counts for both,
/// and a passage that reports both directions counts as a barrier and as a facilitator.
/// Quotes follow `SummaryTable.quoteRule`.
public struct SummaryTable: Sendable {
    /// Barrier and facilitator passages of one factor for one staff group.
    public struct StaffCounts: Hashable, Sendable {
        public var group: ReportColumn
        public var barriers: Int
        public var facilitators: Int
    }

    /// A quote with the citation that goes with it.
    public struct Quote: Hashable, Sendable {
        public var item: EvidenceItem
        public var citationNumber: Int
        public var citationLabel: String
    }

    public struct Row: Hashable, Sendable {
        public var factor: FrameworkLabel
        public var sourceCount: Int
        public var passageCount: Int
        /// One entry per staff group of `SummaryTable.staffGroups`, in that order.
        public var staff: [StaffCounts]
        public var quotes: [Quote]
        /// Reference numbers of every source with a passage on the factor, ascending.
        public var citations: [Int]
    }

    /// The rule that picks the quotes, stated in the notes of every rendering.
    public static let quoteRule = QuoteSelection.rule

    /// Framework staff groups, then "No staff group stated".
    public let staffGroups: [ReportColumn]
    public let rows: [Row]
    public let references: ReferenceList

    /// The table of `items` (passages of `sources`): one row per factor of `factors` (ids;
    /// all framework factors when `nil`), with up to `quotesPerRow` quotes each.
    public init(
        sources: [EvidenceSource], items: [EvidenceItem], framework: Framework,
        factors factorIDs: [String]? = nil, quotesPerRow: Int = 3
    ) throws(ReportError) {
        let factors = try factorIDs.map { ids throws(ReportError) in try framework.factors(ids) } ?? framework.factors
        let references = try ReferenceList(sources: sources, items: items, factors: factors)
        self.references = references
        let groups = framework.actors.map { ReportColumn(id: $0.id, label: $0.name) }
            + [ReportColumn(id: ReportColumn.noneID, label: "No staff group stated")]
        staffGroups = groups
        let actorIDs = Set(framework.actors.map(\.id))
        let order = EvidenceOrder(items: items, references: references).sortedIndices

        rows = factors.map { factor in
            let indices = order.filter { items[$0].tags.factors.contains(factor.id) }
            var staff = groups.map { StaffCounts(group: $0, barriers: 0, facilitators: 0) }
            let groupIndex = Dictionary(groups.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            for index in indices {
                let item = items[index]
                for key in EvidenceMap.columnKeys(of: item, .actor, actorIDs: actorIDs, year: nil) {
                    guard let position = groupIndex[key] else { continue }
                    if item.isBarrier { staff[position].barriers += 1 }
                    if item.isFacilitator { staff[position].facilitators += 1 }
                }
            }
            let quotes = QuoteSelection.choose(
                factor: factor.id, candidates: indices, items: items, limit: quotesPerRow
            ).compactMap { index -> Quote? in
                guard let entry = references.entry(of: items[index].sourceID) else { return nil }
                return Quote(item: items[index], citationNumber: entry.number, citationLabel: entry.label)
            }
            let sourceIDs = Set(indices.map { items[$0].sourceID })
            return Row(
                factor: factor, sourceCount: sourceIDs.count, passageCount: indices.count, staff: staff,
                quotes: quotes, citations: sourceIDs.compactMap(references.number(of:)).sorted())
        }
    }
}
