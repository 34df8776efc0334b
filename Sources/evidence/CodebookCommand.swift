import ArgumentParser
import EvidenceKit
import Foundation

/// `evidence codebook check|evaluate`.
struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Check a codebook (tags.yml) or measure it against gold-labelled sentences.",
        subcommands: [Check.self, Evaluate.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a codebook; errors name file, line and column.",
            discussion: "Without FILE, checks ./tags.yml when present, else the built-in default. Exits 1 on errors; warnings alone exit 0.")

        @Argument(help: "The codebook to check.")
        var file: String?

        func run() throws {
            let diagnostics: [CodebookDiagnostic]
            let name: String
            let local = FileManager.default.currentDirectoryPath + "/tags.yml"
            if let file {
                name = file
                diagnostics = CodebookChecker.check(path: file)
            } else if FileManager.default.fileExists(atPath: local) {
                name = "tags.yml"
                diagnostics = CodebookChecker.check(path: "tags.yml")
            } else {
                name = "built-in default"
                diagnostics = CodebookChecker.check(yaml: Codebook.defaultYAML, file: name)
            }
            for diagnostic in diagnostics { print(diagnostic) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            print("\(name): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            if errors > 0 { throw ExitCode.failure }
        }
    }

    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Precision, recall, F1 and Cohen's kappa of the codebook on gold sentences (JSON Lines).")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text
            case json
        }

        @Argument(help: "Gold sentences, one JSON object a line (id, source, text, factors, actors, direction).")
        var gold: String

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @Option(help: "The codebook (default: ./tags.yml when present, else the built-in one).")
        var codebook: String?

        @Flag(help: "Leave out the list of disagreements in text output.")
        var noErrors = false

        func run() throws {
            let book: Codebook
            book = try Codebook.resolve(explicitPath: codebook, currentDirectory: FileManager.default.currentDirectoryPath)
            let sentences: [GoldSentence]
            sentences = try GoldSentence.load(path: gold)
            let report = Evaluator(tagger: Tagger(book)).evaluate(sentences)
            switch format {
            case .text:
                print(report.text(showErrors: !noErrors), terminator: "")
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            }
        }
    }
}
