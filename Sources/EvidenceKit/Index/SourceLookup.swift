import GRDB

/// The statement that finds the sources an incoming record may be a copy of.
///
/// Each identifier the record has is one index seek, tried in order of reliability (PMID,
/// DOI, PMCID, then a title long enough to be specific). A source that shares a later
/// identifier but has an earlier one is either found by that earlier one or contradicts
/// the record, so each seek asks for sources without the earlier identifiers (`IS NULL`),
/// which the composite indexes of migration v3 answer without reading rows: the many
/// copies of a DOI under other PMIDs, or of a common title, cost nothing. Sources that
/// contradict the record on any identifier are left out.
struct SourceLookup {
    let sql: String
    let arguments: StatementArguments

    /// Nil when the record has nothing to be matched on.
    init?(keys: SourceKeys) {
        let titleKey = keys.titleKey.count >= SourceKeys.minimumTitleKeyLength ? keys.titleKey : nil
        let identifiers = [("pmid", keys.pmid), ("doi", keys.doi), ("pmcid", keys.pmcid)].compactMap { column, value in
            value.map { (column, $0) }
        }
        var seeks: [String] = []
        var values: [String] = []
        for (position, (column, value)) in identifiers.enumerated() {
            seeks.append(SourceLookup.seek(column, without: identifiers[..<position].map(\.0)))
            values.append(value)
        }
        if let titleKey {
            seeks.append(SourceLookup.seek("title_key", without: identifiers.map(\.0)))
            values.append(titleKey)
        }
        guard !seeks.isEmpty else { return nil }
        let agreements = identifiers.map { column, _ in "(\(column) IS NULL OR \(column) = ?)" }
        sql = """
            SELECT id, pmid, doi, pmcid, title_key, year FROM (\(seeks.joined(separator: " UNION ALL ")))
            \(agreements.isEmpty ? "" : "WHERE " + agreements.joined(separator: " AND "))
            ORDER BY id LIMIT 16
            """
        arguments = StatementArguments(values + identifiers.map(\.1))
    }

    /// One index seek; `INDEXED BY` because without statistics SQLite may prefer the
    /// `pmid IS NULL` side, which is every source of a full-text-only corpus.
    private static func seek(_ column: String, without earlier: [String]) -> String {
        let conditions = ["\(column) = ?"] + earlier.map { "\($0) IS NULL" }
        return "SELECT id, pmid, doi, pmcid, title_key, year FROM source INDEXED BY source_\(column) WHERE "
            + conditions.joined(separator: " AND ")
    }
}
