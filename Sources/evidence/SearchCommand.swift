import ArgumentParser
import EvidenceKit
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find evidence by words, factor, staff group, direction, section, year or source.",
        discussion: """
            WORDS use full-text search: plain words, "a phrase" (quote it for the shell), \
            prefix* and AND / OR / NOT in capitals; results are ranked by relevance (bm25). \
            Without WORDS, passages are listed by source and position.

            Examples:
              evidence search --factor middle-manager-role --direction barrier
              evidence search 'engag* AND physician*' --factor clinical-engagement --year 2010-2020
            """)

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: "Words to search for (FTS5 syntax).")
    var words: [String] = []

    @Option(name: .long, help: "A factor id; repeat it to require several.")
    var factor: [String] = []

    @Option(name: .long, help: "A staff group (actor) id; repeat it to require several.")
    var actor: [String] = []

    @Option(name: .long, help: "barrier or facilitator.")
    var direction: DirectionFilter?

    @Option(name: .long, help: "A part of the section name (case-insensitive), e.g. results.")
    var section: String?

    @Option(name: .long, help: "A year or a range, e.g. 2016 or 2010-2016.")
    var year: String?

    @Option(name: .long, help: "Only passages of this source id.")
    var source: Int64?

    @Option(name: .long, help: "At most this many results.")
    var limit: Int?

    @Option(name: .long, help: "table, jsonl or csv.")
    var format: ListingFormat = .table

    enum DirectionFilter: String, ExpressibleByArgument, CaseIterable { case barrier, facilitator }

    func validate() throws {
        if let year, SearchQuery.parseYears(year) == nil {
            throw ValidationError("--year takes a year or a range such as 2010-2016, not '\(year)'")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let query = SearchQuery(
            words: words.isEmpty ? nil : words.joined(separator: " "), factors: factor, actors: actor,
            direction: direction?.rawValue, section: section, years: year.flatMap(SearchQuery.parseYears),
            sourceID: source, limit: limit)
        let hits: [SearchHit]
        do {
            hits = try CorpusSearch(database: try corpus.open()).search(query).map(\.hit)
        } catch let error as SearchError {
            throw ValidationError(error.description)
        }
        switch format {
        case .jsonl:
            for hit in hits { print(hit.jsonLine) }
        case .csv:
            print(SearchHit.csvHeader + hits.map(\.csvRecord).joined(), terminator: "")
        case .table:
            let highlight = isatty(STDOUT_FILENO) == 1
            for hit in hits { print(hit.tableLine(highlight: highlight)) }
            StandardError.write("\(hits.count) passage(s)\n")
        }
    }
}
