import Foundation

/// `evidence tag-text`: tags lines of text without a corpus, one JSON object per input.
///
/// Input lines are plain text (the id is the 1-based line number) or JSON objects with
/// `text` and optionally `id` (any JSON value, echoed as given) and `source` (consecutive
/// lines with the same source are tagged together, so source-level context works). Blank
/// lines are skipped but still counted.
public enum TagText {
    /// One input passage.
    public struct Input: Sendable, Equatable {
        /// The id as JSON text (`12` or `"d3-s2"`).
        public var idJSON: String
        public var text: String
        public var source: String?
    }

    /// Why an input line could not be used.
    public struct InputError: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Parses one input line (`lineNumber` is 1-based); nil for a blank line.
    public static func parse(line: String, lineNumber: Int) throws(InputError) -> Input? {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        guard trimmed.hasPrefix("{") else { return Input(idJSON: String(lineNumber), text: line, source: nil) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
            throw InputError(line: lineNumber, reason: "starts with `{` but is not a JSON object")
        }
        guard let text = object["text"] as? String else {
            throw InputError(line: lineNumber, reason: "the JSON object has no string `text`")
        }
        var idJSON = String(lineNumber)
        if let id = object["id"] {
            if let string = id as? String {
                idJSON = jsonString(string)
            } else if let number = id as? NSNumber {
                idJSON = number.stringValue
            } else {
                throw InputError(line: lineNumber, reason: "`id` must be a string or a number")
            }
        }
        return Input(idJSON: idJSON, text: text, source: object["source"] as? String)
    }

    /// Tags `inputs`, grouping consecutive inputs of the same `source`, and returns one JSON
    /// line per input, in order.
    public static func jsonLines(for inputs: [Input], tagger: Tagger) -> [String] {
        var lines: [String] = []
        var start = 0
        while start < inputs.count {
            var end = start + 1
            if let source = inputs[start].source {
                while end < inputs.count && inputs[end].source == source { end += 1 }
            }
            let group = Array(inputs[start..<end])
            let passages = group.enumerated().map { i, input in
                Passage(kind: .body, section: "", paragraph: 0, index: i, text: input.text, start: 0, end: input.text.unicodeScalars.count)
            }
            for (input, tags) in zip(group, tagger.tag(source: passages)) { lines.append(jsonLine(id: input.idJSON, tags: tags)) }
            start = end
        }
        return lines
    }

    /// `{"id": ..., "factors": [...], "actors": [...], "direction": [...], "matches": [...]}`
    /// with the keys in this order.
    public static func jsonLine(id idJSON: String, tags: PassageTags) -> String {
        func list(_ items: [String]) -> String { "[" + items.map(jsonString).joined(separator: ",") + "]" }
        let matches = tags.matches.map { match in
            "{\"rule\":\(jsonString(match.rule)),\"label\":\(jsonString(match.label)),\"text\":\(jsonString(match.text)),\"start\":\(match.start),\"end\":\(match.end)}"
        }
        return "{\"id\":\(idJSON),\"factors\":\(list(tags.factors)),\"actors\":\(list(tags.actors)),\"direction\":\(list(tags.direction)),\"matches\":[\(matches.joined(separator: ","))]}"
    }

    /// A JSON string literal, written by the same encoder as every other JSON output.
    static func jsonString(_ s: String) -> String {
        JSONValue.string(s).serialized()
    }
}
