/// The evidence map: factors of the framework against staff groups (or directions, sources,
/// years, sections), with the sources and passages behind each cell.
///
/// Counting rules: only passages tagged with at least one framework factor count; a passage
/// counts once in the row of each of its factors and once in each column it belongs to (a
/// passage on clinical staff and middle managers counts in both columns); "sources" are
/// distinct sources. A cell without passages is a gap, and every renderer marks it as one.
public struct EvidenceMap: Sendable {
    public struct Cell: Hashable, Sendable {
        public var sourceCount: Int
        public var passageCount: Int
        /// Reference numbers of the cell's sources, ascending.
        public var citations: [Int]
        /// Positions in `items` of the cell's passages, in reference then passage order.
        public var itemIndices: [Int]
        /// No evidence at all: a gap in the literature (or in the corpus).
        public var isGap: Bool { passageCount == 0 }
    }

    public struct Row: Hashable, Sendable {
        public var factor: FrameworkLabel
        /// One cell per column, in column order.
        public var cells: [Cell]
        /// All passages of the factor, whatever their column.
        public var total: Cell
    }

    public let dimension: MapDimension
    public let columns: [ReportColumn]
    public let rows: [Row]
    public let references: ReferenceList
    /// The passages the map was built from; cells point into this array.
    public let items: [EvidenceItem]

    /// Builds the map of `items` (passages of `sources`) with one row per framework factor.
    public init(
        sources: [EvidenceSource], items: [EvidenceItem], framework: Framework, by dimension: MapDimension = .actor
    ) throws(ReportError) {
        let references = try ReferenceList(sources: sources, items: items, factors: framework.factors)
        self.dimension = dimension
        self.references = references
        self.items = items
        let factorIDs = Set(framework.factors.map(\.id))
        let order = EvidenceOrder(items: items, references: references)
        let counted = order.sortedIndices.filter { items[$0].tags.factors.contains(where: factorIDs.contains) }
        let columns = EvidenceMap.columns(
            dimension, framework: framework, references: references, items: counted.map { items[$0] })
        self.columns = columns
        let columnIndex = Dictionary(columns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let actorIDs = Set(framework.actors.map(\.id))

        rows = framework.factors.map { factor in
            var cells = Array(repeating: CellBuilder(), count: columns.count)
            var total = CellBuilder()
            for index in counted where items[index].tags.factors.contains(factor.id) {
                let item = items[index]
                total.add(index, item)
                let year = references.entry(of: item.sourceID)?.source.year
                for key in EvidenceMap.columnKeys(of: item, dimension, actorIDs: actorIDs, year: year) {
                    if let column = columnIndex[key] { cells[column].add(index, item) }
                }
            }
            return Row(
                factor: factor, cells: cells.map { $0.cell(references) }, total: total.cell(references))
        }
    }

    /// The columns an item belongs to under `dimension`.
    static func columnKeys(
        of item: EvidenceItem, _ dimension: MapDimension, actorIDs: Set<String>, year: Int?
    ) -> [String] {
        switch dimension {
        case .actor:
            let actors = item.tags.actors.filter(actorIDs.contains)
            return actors.isEmpty ? [ReportColumn.noneID] : actors
        case .direction:
            var keys: [String] = []
            if item.isBarrier { keys.append(Direction.barrier) }
            if item.isFacilitator { keys.append(Direction.facilitator) }
            return keys.isEmpty ? [ReportColumn.noneID] : keys
        case .source: return [String(item.sourceID)]
        case .year: return [yearKey(year)]
        case .section: return [item.passage.topSection.lowercased()]
        }
    }

    static func yearKey(_ year: Int?) -> String { year.map(String.init) ?? "n.d." }

    static func columns(
        _ dimension: MapDimension, framework: Framework, references: ReferenceList, items: [EvidenceItem]
    ) -> [ReportColumn] {
        switch dimension {
        case .actor:
            return framework.actors.map { ReportColumn(id: $0.id, label: $0.name) }
                + [ReportColumn(id: ReportColumn.noneID, label: "No staff group stated")]
        case .direction:
            return [
                ReportColumn(id: Direction.barrier, label: "Barrier"),
                ReportColumn(id: Direction.facilitator, label: "Facilitator"),
                ReportColumn(id: ReportColumn.noneID, label: "Neither (descriptive)"),
            ]
        case .source:
            return references.entries.map { ReportColumn(id: String($0.source.id), label: "[\($0.number)] \($0.label)") }
        case .year:
            let years = Set(items.compactMap { references.entry(of: $0.sourceID) }.map(\.source.year))
            let known = years.compactMap { $0 }.sorted().map { ReportColumn(id: String($0), label: String($0)) }
            return known + (years.contains(nil) ? [ReportColumn(id: yearKey(nil), label: "n.d.")] : [])
        case .section:
            var seen: Set<String> = []
            var result: [ReportColumn] = []
            for item in items {
                let label = item.passage.topSection
                if seen.insert(label.lowercased()).inserted {
                    result.append(ReportColumn(id: label.lowercased(), label: label))
                }
            }
            return result
        }
    }
}

/// The counts of one cell while a map or table is built.
struct CellBuilder {
    var sources: Set<Int64> = []
    var indices: [Int] = []

    mutating func add(_ index: Int, _ item: EvidenceItem) {
        sources.insert(item.sourceID)
        indices.append(index)
    }

    func cell(_ references: ReferenceList) -> EvidenceMap.Cell {
        EvidenceMap.Cell(
            sourceCount: sources.count, passageCount: indices.count,
            citations: sources.compactMap(references.number(of:)).sorted(), itemIndices: indices)
    }
}

/// The reading order of passages in every report: by reference number, then by position in
/// the source; sources outside the reference list last, by id.
struct EvidenceOrder {
    let sortedIndices: [Int]

    init(items: [EvidenceItem], references: ReferenceList) {
        sortedIndices = items.indices.sorted { a, b in
            let x = items[a]
            let y = items[b]
            let rx = references.number(of: x.sourceID) ?? Int.max
            let ry = references.number(of: y.sourceID) ?? Int.max
            if rx != ry { return rx < ry }
            if x.sourceID != y.sourceID { return x.sourceID < y.sourceID }
            if x.passage.index != y.passage.index { return x.passage.index < y.passage.index }
            return a < b
        }
    }
}
