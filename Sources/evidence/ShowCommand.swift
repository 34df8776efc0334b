import ArgumentParser
import EvidenceKit
import Foundation

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one source: its metadata and its passages.")

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: "The source id (see `evidence sources`).")
    var id: Int64

    @Option(name: .long, help: "text or jsonl.")
    var format: ShowFormat = .text

    enum ShowFormat: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    struct PassageLine: Encodable {
        var source: Int64
        var section: String
        var kind: String
        var index: Int
        var paragraph: Int
        var start: Int
        var end: Int
        var text: String
    }

    func run() throws {
        let (source, passages, references) = try CorpusReader(database: try corpus.open()).source(id: id)
        let listing = SourceListing(source)
        switch format {
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(listing), as: UTF8.self))
            for stored in passages {
                let passage = stored.passage
                let line = PassageLine(
                    source: source.id, section: passage.section, kind: passage.kind.rawValue, index: passage.index,
                    paragraph: passage.paragraph, start: passage.start, end: passage.end, text: passage.text)
                print(String(decoding: try encoder.encode(line), as: UTF8.self))
            }
        case .text:
            print(SourceTable.details(listing, metadata: source.metadata))
            var lastHeading = ""
            for stored in passages {
                let passage = stored.passage
                let heading = passage.section.isEmpty ? passage.kind.rawValue : "\(passage.kind.rawValue): \(passage.section)"
                if heading != lastHeading {
                    print("\n[\(heading)]")
                    lastHeading = heading
                }
                print("  \(passage.index). \(passage.text)")
            }
            if !references.isEmpty {
                print("\n[references]")
                for (number, reference) in references.enumerated() { print("  \(number + 1). \(reference)") }
            }
        }
    }
}
