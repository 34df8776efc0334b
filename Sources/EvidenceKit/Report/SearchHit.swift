/// One passage found by `evidence search`, ready to print in any of its formats.
public struct SearchHit: Hashable, Sendable {
    /// The corpus id of the source.
    public var sourceID: Int64
    /// The in-text label of the source (`Pannick et al. 2016`).
    public var citation: String
    public var section: String
    public var text: String
    public var factors: [String]
    public var actors: [String]
    public var direction: [String]
    /// Relevance (higher is better) when the search had words; `nil` when it had none.
    public var score: Double?
    /// The matched words in `text`, as Unicode-scalar offsets; highlighted on a terminal.
    public var matches: [Range<Int>]

    public init(
        sourceID: Int64, citation: String, section: String, text: String, factors: [String] = [],
        actors: [String] = [], direction: [String] = [], score: Double? = nil, matches: [Range<Int>] = []
    ) {
        self.sourceID = sourceID
        self.citation = citation
        self.section = section
        self.text = text
        self.factors = factors
        self.actors = actors
        self.direction = direction
        self.score = score
        self.matches = matches
    }

    /// A hit for `item` of `source`, cited by its label.
    public init(item: EvidenceItem, source: EvidenceSource, score: Double? = nil, matches: [Range<Int>] = []) {
        self.init(
            sourceID: source.id, citation: source.citationLabel, section: item.passage.displaySection,
            text: item.passage.text, factors: item.tags.factors, actors: item.tags.actors,
            direction: item.tags.direction, score: score, matches: matches)
    }

    /// One JSON Lines record (no line end) with the fields `source`, `citation`, `section`,
    /// `text`, `factors`, `actors`, `direction`, `score`, in that order.
    public var jsonLine: String {
        JSONValue.object([
            ("source", .int(Int(sourceID))),
            ("citation", .string(citation)),
            ("section", .string(section)),
            ("text", .string(text)),
            ("factors", .strings(factors)),
            ("actors", .strings(actors)),
            ("direction", .strings(direction)),
            ("score", score.map(JSONValue.double) ?? .null),
        ]).serialized()
    }

    /// The CSV header record that goes before `csvRecord`s (with the byte order mark).
    public static var csvHeader: String {
        CSVText.byteOrderMark
            + CSVText.record(["source", "citation", "section", "text", "factors", "actors", "direction", "score"])
    }

    /// One CSV record with its CRLF end; lists are joined with `; `.
    public var csvRecord: String {
        CSVText.record([
            String(sourceID), citation, section, text, factors.joined(separator: "; "),
            actors.joined(separator: "; "), direction.joined(separator: "; "), score.map { "\($0)" } ?? "",
        ])
    }

    /// One line for the terminal: `Pannick et al. 2016 · Abstract · text [factors | actors | direction]`.
    /// With `highlight`, matched words are bold (ANSI). Control characters from the paper
    /// become spaces, so a passage cannot send escape sequences to the terminal.
    public func tableLine(highlight: Bool) -> String {
        let shownText = highlight
            ? TerminalText.bold(TerminalText.sanitized(text), ranges: matches)
            : TerminalText.sanitized(text)
        func list(_ values: [String]) -> String { values.isEmpty ? "-" : values.joined(separator: ", ") }
        var line = "\(TerminalText.sanitized(citation)) · \(TerminalText.sanitized(section)) · \(shownText)"
        line += " [\(list(factors)) | \(list(actors)) | \(list(direction))]"
        if let score { line += " (score \((score * 100).rounded() / 100))" }
        return line
    }
}

/// Text for a terminal.
public enum TerminalText {
    static let boldOn = "\u{1B}[1m"
    static let boldOff = "\u{1B}[22m"

    /// Control characters (C0, DEL, C1, line and paragraph separators) replaced by spaces,
    /// one for one, so that scalar offsets still hold.
    public static func sanitized(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
                ? " " : scalar
        }))
    }

    /// `text` with the scalar ranges `ranges` in ANSI bold; overlapping ranges are merged and
    /// ranges past the end are clipped.
    public static func bold(_ text: String, ranges: [Range<Int>]) -> String {
        let scalars = Array(text.unicodeScalars)
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let clipped = max(0, range.lowerBound)..<min(scalars.count, range.upperBound)
            guard !clipped.isEmpty else { continue }
            if let last = merged.last, clipped.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, clipped.upperBound)
            } else {
                merged.append(clipped)
            }
        }
        var result = String.UnicodeScalarView()
        var position = 0
        for range in merged {
            result.append(contentsOf: scalars[position..<range.lowerBound])
            result.append(contentsOf: boldOn.unicodeScalars)
            result.append(contentsOf: scalars[range])
            result.append(contentsOf: boldOff.unicodeScalars)
            position = range.upperBound
        }
        result.append(contentsOf: scalars[position...])
        return String(result)
    }

    /// Removes the markers that SQLite FTS5 `highlight()` put around matches and returns
    /// the plain text with the matched ranges (Unicode-scalar offsets). Choose markers that
    /// cannot occur in text, such as U+E000 and U+E001.
    public static func unmark(_ marked: String, open: Unicode.Scalar, close: Unicode.Scalar) -> (text: String, matches: [Range<Int>]) {
        var text = String.UnicodeScalarView()
        var matches: [Range<Int>] = []
        var start: Int?
        var count = 0
        for scalar in marked.unicodeScalars {
            if scalar == open {
                start = count
            } else if scalar == close {
                if let begin = start, begin < count { matches.append(begin..<count) }
                start = nil
            } else {
                text.append(scalar)
                count += 1
            }
        }
        return (String(text), matches)
    }
}
