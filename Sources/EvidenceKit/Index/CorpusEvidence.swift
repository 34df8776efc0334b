/// The bridge from the corpus to reports: stored sources and tagged passages as the
/// citable sources and evidence items that maps, tables and search hits are made of.
extension CorpusSearch {
    /// Every tagged passage (only those with one of `factors` when given) and its sources,
    /// in corpus order.
    public func evidence(factors: [String] = []) throws -> (sources: [EvidenceSource], items: [EvidenceItem]) {
        let passages = try taggedPassages(factors: factors)
        var seen = Set<Int64>()
        var sources: [EvidenceSource] = []
        for passage in passages where seen.insert(passage.source.id).inserted {
            sources.append(EvidenceSource(stored: passage.source))
        }
        return (sources, passages.map(\.item))
    }
}

extension EvidencePassage {
    /// The passage as an item of evidence for reports.
    public var item: EvidenceItem {
        EvidenceItem(sourceID: source.id, passage: passage, tags: tags)
    }

    /// The passage as a search hit, cited by its source's label.
    public var hit: SearchHit {
        SearchHit(
            item: item, source: EvidenceSource(stored: source), score: highlights.isEmpty && score == 0 ? nil : score,
            matches: highlights)
    }
}

extension EvidenceSource {
    /// The citable part of a stored source.
    public init(stored: StoredSource) {
        self.init(id: stored.id, record: stored.metadata)
    }
}
