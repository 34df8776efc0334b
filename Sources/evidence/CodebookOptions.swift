import ArgumentParser
import EvidenceKit
import Foundation

/// The `--codebook` option of every command that tags or names factors: the file given,
/// else `./tags.yml` when there is one, else the codebook built into the tool.
struct CodebookOptions: ParsableArguments {
    @Option(name: .long, help: "The codebook (default: ./tags.yml when present, else the built-in one).")
    var codebook: String?

    func load() throws -> Codebook {
        do {
            return try Codebook.resolve(
                explicitPath: codebook, currentDirectory: FileManager.default.currentDirectoryPath)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func tagger() throws -> Tagger { Tagger(try load()) }

    func framework() throws -> Framework { try load().framework }
}
