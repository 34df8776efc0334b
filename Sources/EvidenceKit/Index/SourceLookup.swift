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

    /// The identifier columns in order of reliability; the title key comes after them.
    private static let identifierColumns = ["pmid", "doi", "pmcid"]

    /// The statement for each combination of present keys (bit 0 PMID, 1 DOI, 2 PMCID,
    /// 3 title), made once: an ingest looks up every record.
    private static let statements: [String] = (0..<16).map(statement(for:))

    /// Nil when the record has nothing to be matched on.
    init?(keys: SourceKeys) {
        let titleKey = keys.titleKey.count >= SourceKeys.minimumTitleKeyLength ? keys.titleKey : nil
        let identifiers = [keys.pmid, keys.doi, keys.pmcid]
        var pattern = 0
        for (bit, value) in (identifiers + [titleKey]).enumerated() where value != nil { pattern |= 1 << bit }
        guard pattern != 0 else { return nil }
        sql = SourceLookup.statements[pattern]
        let present = identifiers.compactMap { $0 }
        arguments = StatementArguments(present + (titleKey.map { [$0] } ?? []) + present)
    }

    /// Seeks for the present keys, then the agreement of every present identifier; the
    /// arguments are the present keys in order, then the present identifiers again.
    private static func statement(for pattern: Int) -> String {
        let present = identifierColumns.indices.filter { pattern & (1 << $0) != 0 }.map { identifierColumns[$0] }
        var seeks = present.indices.map { position in seek(present[position], without: Array(present[..<position])) }
        if pattern & 0b1000 != 0 { seeks.append(seek("title_key", without: present)) }
        let agreements = present.map { "(\($0) IS NULL OR \($0) = ?)" }
        return """
            SELECT id, pmid, doi, pmcid, title_key, year FROM (\(seeks.joined(separator: " UNION ALL ")))
            \(agreements.isEmpty ? "" : "WHERE " + agreements.joined(separator: " AND "))
            ORDER BY id LIMIT 16
            """
    }

    /// One index seek; `INDEXED BY` because without statistics SQLite may prefer the
    /// `pmid IS NULL` side, which is every source of a full-text-only corpus.
    private static func seek(_ column: String, without earlier: [String]) -> String {
        let conditions = ["\(column) = ?"] + earlier.map { "\($0) IS NULL" }
        return "SELECT id, pmid, doi, pmcid, title_key, year FROM source INDEXED BY source_\(column) WHERE "
            + conditions.joined(separator: " AND ")
    }
}
