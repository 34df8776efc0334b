import ArgumentParser
import EvidenceKit
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Corpus statistics: sources by format and year, passages, size.")

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .long, help: "text or json.")
    var format: IngestCommand.SummaryFormat = .text

    func run() throws {
        let database = try corpus.open()
        let stats = try CorpusReader(database: database).statistics()
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(stats), as: UTF8.self))
            return
        }
        print("Corpus: \(database.path) (\((Double(stats.databaseBytes) / 1_000_000).oneDecimal) MB)")
        print("Sources: \(stats.sources) from \(stats.files) file(s)")
        for (format, count) in stats.sourcesByFormat.sorted(by: { $0.key < $1.key }) {
            print("  \(format): \(count)")
        }
        print("Sources by year:")
        for (year, count) in stats.sourcesByYear.sorted(by: { $0.key < $1.key }) {
            print("  \(year): \(count)")
        }
        print("Paragraphs: \(stats.paragraphs)")
        print("Passages: \(stats.passages) (\(stats.taggedPassages) tagged)")
        for (kind, count) in stats.passagesByKind.sorted(by: { $0.key < $1.key }) {
            print("  \(kind): \(count)")
        }
        print("References: \(stats.references)")
    }
}
