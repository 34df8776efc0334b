import Foundation

/// One labelled sentence of a gold file (`dev.jsonl`), one JSON object a line:
/// `{"id": "d3-s2", "source": "d3", "text": "...", "factors": [...], "actors": [...], "direction": [...]}`.
public struct GoldSentence: Hashable, Codable, Sendable {
    public var id: String
    public var source: String
    public var text: String
    public var factors: [String]
    public var actors: [String]
    public var direction: [String]

    public init(id: String, source: String, text: String, factors: [String] = [], actors: [String] = [], direction: [String] = []) {
        self.id = id
        self.source = source
        self.text = text
        self.factors = factors
        self.actors = actors
        self.direction = direction
    }

    func labels(_ group: LabelGroup) -> [String] {
        switch group {
        case .factors: return factors
        case .actors: return actors
        case .direction: return direction
        }
    }
}

/// Why a gold file could not be read.
public enum GoldFileError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String)
    case badLine(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "cannot read the gold file \(path)"
        case .badLine(let path, let line, let reason): return "\(path):\(line): not a gold sentence: \(reason)"
        }
    }
}

extension GoldSentence {
    /// Reads a JSON Lines gold file; blank lines are skipped.
    public static func load(path: String) throws(GoldFileError) -> [GoldSentence] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path)
        }
        var result: [GoldSentence] = []
        let decoder = JSONDecoder()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == " " || $0 == "\r" || $0 == "\t" }) { continue }
            do {
                result.append(try decoder.decode(GoldSentence.self, from: Data(line.utf8)))
            } catch {
                throw .badLine(path: path, line: number + 1, reason: "\(error)")
            }
        }
        return result
    }
}
