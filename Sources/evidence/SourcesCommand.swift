import ArgumentParser
import EvidenceKit
import Foundation

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "List the sources in the corpus, one row each.")

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .long, help: "table, jsonl or csv.")
    var format: ListingFormat = .table

    func run() throws {
        let sources = try CorpusReader(database: try corpus.open()).sources().map(SourceListing.init)
        switch format {
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for source in sources { print(String(decoding: try encoder.encode(source), as: UTF8.self)) }
        case .csv:
            print(SourceTable.csv(sources), terminator: "")
        case .table:
            print(SourceTable.text(sources), terminator: "")
        }
    }
}
