import ArgumentParser
import EvidenceKit

@main
struct Evidence: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Turn quality-improvement papers into an evidence map for the model of alignment.",
        version: EvidenceKit.version,
        subcommands: [
            ReportCommand.self, IngestCommand.self, SourcesCommand.self, ShowCommand.self, StatsCommand.self,
            TagCommand.self, TagTextCommand.self, CodebookCommand.self,
            SearchCommand.self, MapCommand.self, TableCommand.self,
        ])
}
