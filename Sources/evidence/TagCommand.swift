import ArgumentParser
import EvidenceKit
import Foundation

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Apply the codebook to the whole corpus.",
        discussion: """
            Sources already tagged with the same codebook (same file hash) are skipped, so \
            re-running is cheap; --force tags everything again. `evidence ingest` tags new \
            passages by itself.
            """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var codebook: CodebookOptions

    @Flag(name: .long, help: "Tag every source again, even when nothing changed.")
    var force = false

    @Option(name: .long, help: "Summary format: text or json.")
    var format: IngestCommand.SummaryFormat = .text

    func run() throws {
        Interruption.exitOnSignals()
        let tagger = try codebook.tagger()
        let summary = try CorpusTagging(database: try corpus.open()).tagCorpus(with: tagger, force: force)
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
            return
        }
        print(
            """
            Codebook: \(tagger.codebook.origin) (\(tagger.codebookHash.prefix(12)))
            Tagged \(summary.sourcesTagged) source(s), \(summary.passagesTagged) passage(s), \
            \(summary.passagesWithLabels) with labels; \(summary.sourcesSkipped) source(s) already up to date.
            """)
    }
}
