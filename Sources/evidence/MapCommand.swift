import ArgumentParser
import EvidenceKit

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "The evidence map: factors by staff group, direction, source, year or section.",
        discussion: """
            Each cell holds the number of sources and passages and the numbers of the sources \
            it cites, keyed to the reference list below the map. Empty cells are gaps in the \
            evidence and are marked GAP. HTML is one self-contained file: a heat map whose \
            cells list their quotes when clicked.
            """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var codebook: CodebookOptions

    @Option(name: .long, help: "Columns: actor, direction, source, year or section.")
    var by: MapDimension = .actor

    @Option(name: .long, help: "md, csv, json or html.")
    var format: ReportFormat = .markdown

    @Option(name: .long, help: "Reference style: vancouver or apa.")
    var style: CitationStyle = .vancouver

    func run() throws {
        let evidence = try CorpusSearch(database: try corpus.open()).evidence()
        let map = try EvidenceMap(
            sources: evidence.sources, items: evidence.items, framework: try codebook.framework(), by: by)
        print(map.render(format, style: style), terminator: "")
    }
}

extension MapDimension: ExpressibleByArgument {}
extension CitationStyle: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
