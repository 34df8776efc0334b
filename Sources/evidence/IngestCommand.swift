import ArgumentParser
import EvidenceKit
import Foundation

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read PubMed XML, JATS full text and plain-text abstracts into the corpus.",
        discussion: """
            Files and folders (recursive) are read; .gz files are inflated on the fly. The format \
            is detected from the content. Each file is stored in one transaction: a malformed file \
            is reported with its line and nothing of it is stored, and the exit status is non-zero \
            when any file failed.
            """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var codebook: CodebookOptions

    @Argument(help: "Files or folders to ingest.")
    var paths: [String]

    @Flag(name: .long, help: "No progress display.")
    var quiet = false

    @Option(name: .long, help: "Summary format: text or json.")
    var format: SummaryFormat = .text

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        Interruption.exitOnSignals()
        let database = try corpus.open()
        let ingester = Ingester(database: database, tagger: try codebook.tagger())
        let display = ProgressDisplay(quiet: quiet)
        let summary = ingester.ingest(paths: paths, progress: display.update)
        display.finish()
        try IngestCommand.printSummary(summary, format: format, to: .standardOutput)
        if !summary.succeeded { throw ExitCode(1) }
    }

    enum Stream { case standardOutput, standardError }

    /// Prints skipped files and failures to standard error, and the summary to `stream`.
    static func printSummary(_ summary: IngestSummary, format: SummaryFormat, to stream: Stream) throws {
        let emit: (String) -> Void = { text in
            if stream == .standardOutput { print(text) } else { StandardError.write(text + "\n") }
        }
        for skip in summary.skipped {
            StandardError.write("skipped \(skip.path): \(skip.reason)\n")
        }
        for record in summary.skippedRecords {
            StandardError.write("warning: \(record.message)\n")
        }
        for failure in summary.failures {
            StandardError.write("error: \(failure.message)\n")
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            emit(String(decoding: try encoder.encode(summary), as: UTF8.self))
        case .text:
            let megabytes = Double(summary.bytes) / 1_000_000
            emit(
                """
                Ingested \(summary.files) file(s), \(summary.records) record(s) in \(summary.seconds.oneDecimal) s \
                (\(megabytes.oneDecimal) MB).
                Sources: \(summary.newSources) new, \(summary.updatedSources) updated, \
                \(summary.unchangedSources) unchanged, \(summary.deletedSources) deleted.
                Passages written: \(summary.passages) (\(summary.taggedPassages) tagged).
                Skipped: \(summary.skipped.count) file(s), \(summary.skippedRecords.count) record(s). \
                Failed: \(summary.failures.count) file(s).
                """)
        }
    }
}
