import ArgumentParser
import EvidenceKit

struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "The evidence summary table: one row per factor, with quotes and citations.",
        discussion: """
            Each row gives the factor's name and description, the number of sources and \
            passages, barrier and facilitator passages per staff group, representative quotes \
            (the rule is printed with the table) and the citation numbers of all supporting \
            sources, followed by the numbered reference list.
            """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var codebook: CodebookOptions

    @Option(name: .long, help: "Only this factor id; repeat for several.")
    var factor: [String] = []

    @Option(name: .long, help: "md, csv, json or html.")
    var format: ReportFormat = .markdown

    @Option(name: .long, help: "Reference style: vancouver or apa.")
    var style: CitationStyle = .vancouver

    func run() throws {
        let evidence = try CorpusSearch(database: try corpus.open()).evidence()
        let table = try SummaryTable(
            sources: evidence.sources, items: evidence.items, framework: try codebook.framework(),
            factors: factor.isEmpty ? nil : factor)
        print(table.render(format, style: style), terminator: "")
    }
}
