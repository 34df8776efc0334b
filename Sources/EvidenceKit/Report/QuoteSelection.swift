/// How a summary table picks its representative quotes for a factor. The rule is fixed and
/// stated in every rendered table, so that a reader can check that quotes were not
/// cherry-picked and the same corpus always gives the same quotes.
enum QuoteSelection {
    /// The rule in words, as rendered in the notes of a summary table.
    static let rule = """
        Representative quotes (up to three per factor) are chosen one at a time; each pick \
        takes the first passage by these criteria, in order: (1) from a source not yet quoted \
        for the factor; (2) reports a direction (barrier or facilitator) not yet shown among \
        the chosen quotes; (3) reports any direction; (4) comes from the abstract or body \
        text rather than a caption or title; (5) comes from a results, findings, discussion \
        or conclusion section; (6) matches more codebook cues for the factor; (7) is 60 to 300 \
        characters long; (8) is shorter; (9) comes from the source earlier in the reference \
        list, then earlier in that source.
        """

    /// Sections whose passages report findings rather than background or methods.
    static let findingSections = ["result", "finding", "discussion", "conclusion"]

    /// The positions in `items` of at most `limit` quotes for `factor` among `candidates`
    /// (positions in `items`, already in reading order).
    static func choose(
        factor: String, candidates: [Int], items: [EvidenceItem], limit: Int
    ) -> [Int] {
        let keyed = candidates.enumerated().map { rank, index in
            Candidate(index: index, item: items[index], factor: factor, rank: rank)
        }
        var chosen: [Candidate] = []
        var remaining = keyed
        while chosen.count < limit, !remaining.isEmpty {
            let quotedSources = Set(chosen.map(\.item.sourceID))
            let shownDirections = Set(chosen.flatMap(\.directions))
            var best = 0
            for position in remaining.indices.dropFirst()
            where remaining[position].precedes(remaining[best], quotedSources, shownDirections) {
                best = position
            }
            chosen.append(remaining.remove(at: best))
        }
        return chosen.map(\.index)
    }

    struct Candidate {
        let index: Int
        let item: EvidenceItem
        let directions: Set<String>
        let kindRank: Int
        let sectionRank: Int
        let cues: Int
        let lengthRank: Int
        let length: Int
        let rank: Int

        init(index: Int, item: EvidenceItem, factor: String, rank: Int) {
            self.index = index
            self.item = item
            self.rank = rank
            directions = Set(item.tags.direction.filter { $0 == Direction.barrier || $0 == Direction.facilitator })
            switch item.passage.kind {
            case .abstract, .body: kindRank = 0
            case .caption: kindRank = 1
            case .title: kindRank = 2
            }
            let section = item.passage.section.lowercased()
            sectionRank = QuoteSelection.findingSections.contains { section.contains($0) } ? 0 : 1
            cues = item.tags.matches.filter { $0.label == factor }.count
            length = item.passage.text.unicodeScalars.count
            lengthRank = (60...300).contains(length) ? 0 : 1
        }

        /// Whether this candidate goes before `other` given what is already chosen.
        func precedes(_ other: Candidate, _ quotedSources: Set<Int64>, _ shownDirections: Set<String>) -> Bool {
            func key(_ candidate: Candidate) -> [Int] {
                [
                    quotedSources.contains(candidate.item.sourceID) ? 1 : 0,
                    candidate.directions.subtracting(shownDirections).isEmpty ? 1 : 0,
                    candidate.directions.isEmpty ? 1 : 0,
                    candidate.kindRank,
                    candidate.sectionRank,
                    -candidate.cues,
                    candidate.lengthRank,
                    candidate.length,
                    candidate.rank,
                ]
            }
            return key(self).lexicographicallyPrecedes(key(other))
        }
    }
}
