import ArgumentParser
import EvidenceKit
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The main job in one command: ingest, tag, and write the summary table, map and references.",
        discussion: """
            Ingests PATHs (if given), tags the corpus with the codebook, and writes into the \
            output folder: summary-table.{md,csv,html}, evidence-map.{md,csv,html}, \
            references.txt, references.ris (for Zotero and other reference managers) and \
            manifest.json (tool version, codebook hash, corpus counts, date). The summary \
            table is printed. Files are written all or nothing.
            """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var codebook: CodebookOptions

    @Argument(help: "Files or folders to ingest first.")
    var paths: [String] = []

    @Option(name: .long, help: "The folder to write the report into.")
    var out: String

    @Option(name: .long, help: "Map columns: actor, direction, source, year or section.")
    var by: MapDimension = .actor

    @Option(name: .long, help: "Reference style: vancouver or apa.")
    var style: CitationStyle = .vancouver

    @Flag(name: .long, help: "No progress display.")
    var quiet = false

    func run() throws {
        Interruption.exitOnSignals()
        let database = try corpus.open()
        let book = try codebook.load()
        let tagger = Tagger(book)
        var failed = false
        if !paths.isEmpty {
            let display = ProgressDisplay(quiet: quiet)
            let summary = Ingester(database: database, tagger: tagger).ingest(paths: paths, progress: display.update)
            display.finish()
            try IngestCommand.printSummary(summary, format: .text, to: .standardError)
            failed = !summary.succeeded
        }
        let tagged = try CorpusTagging(database: database).tagCorpus(with: tagger)
        StandardError.write("Tagged \(tagged.sourcesTagged) source(s); \(tagged.sourcesSkipped) already up to date.\n")
        let evidence = try CorpusSearch(database: database).evidence()
        let framework = book.framework
        let table = try SummaryTable(sources: evidence.sources, items: evidence.items, framework: framework)
        let map = try EvidenceMap(sources: evidence.sources, items: evidence.items, framework: framework, by: by)
        let statistics = try CorpusReader(database: database).statistics()
        let bundle = ReportBundle(table: table, map: map, style: style)
        let written = try bundle.write(to: URL(fileURLWithPath: out)) { files in
            ReportManifest(
                createdAt: Date(), codebook: .init(source: book.origin, hash: book.hash),
                corpus: .init(
                    path: database.path, sources: statistics.sources, passages: statistics.passages,
                    taggedPassages: statistics.taggedPassages, sourcesInReport: table.references.entries.count,
                    passagesInReport: map.passageCount),
                inputs: paths, citationStyle: style, mapBy: by, files: files)
        }
        print(table.render(.markdown, style: style), terminator: "")
        StandardError.write("Wrote \(written.count) files into \(out)/\n")
        if failed { throw ExitCode(1) }
    }
}
