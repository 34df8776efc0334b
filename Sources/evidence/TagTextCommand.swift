import ArgumentParser
import EvidenceKit
import Foundation

/// `evidence tag-text`: the tagger as a filter, for use without a corpus and from other programs.
struct TagTextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag-text",
        abstract: "Tag text from stdin: one passage per line, or JSON Lines with id and text.",
        discussion: """
            Writes one JSON object per input line, in order: {"id", "factors", "actors", "direction", "matches"}. \
            Plain lines get their line number as id. JSON input may add "source" to tag consecutive lines together.
            """)

    @Option(help: "The codebook (default: ./tags.yml when present, else the built-in one).")
    var codebook: String?

    func run() throws {
        let book: Codebook
        book = try Codebook.resolve(explicitPath: codebook, currentDirectory: FileManager.default.currentDirectoryPath)
        let tagger = Tagger(book)
        var inputs: [TagText.Input] = []
        var lineNumber = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            do {
                if let input = try TagText.parse(line: line, lineNumber: lineNumber) { inputs.append(input) }
            } catch {
                throw StdinError(message: "stdin \(error.description)")
            }
            // Plain lines have no source and can be written as soon as they are read.
            if inputs.count >= 256 && inputs.allSatisfy({ $0.source == nil }) {
                for output in TagText.jsonLines(for: inputs, tagger: tagger) { print(output) }
                inputs.removeAll(keepingCapacity: true)
            }
        }
        for output in TagText.jsonLines(for: inputs, tagger: tagger) { print(output) }
    }
}

/// A bad input line: reported as `Error: stdin line N: …` without the usage text.
struct StdinError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
