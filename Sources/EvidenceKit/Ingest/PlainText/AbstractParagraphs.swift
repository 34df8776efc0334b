/// Turns the abstract lines of a plain-text record into text blocks, recognising the labels
/// of structured abstracts so that each block carries its section (`Background`, `METHODS`).
///
/// Paragraphs are separated by blank lines; the lines of one paragraph are joined with a
/// space (hard-wrapped text). A label may open a paragraph ("Background: ...") or stand on its
/// own line ("Methods"); either way it becomes the section of the text that follows, until
/// the next label, and is removed from the text.
enum AbstractParagraphs {
    static func blocks(_ lines: ArraySlice<TextLine>) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var section = ""
        var text: [Substring] = []

        func flush() {
            if !text.isEmpty {
                blocks.append(TextBlock(kind: .abstract, section: section, text: text.joined(separator: " ")))
            }
            text = []
        }

        for line in lines {
            let trimmed = line.trimmed
            if trimmed.isEmpty {
                flush()
            } else if let label = labelLine(trimmed) {
                flush()
                section = label
            } else if text.isEmpty, let (label, rest) = inlineLabel(trimmed) {
                section = label
                text.append(rest)
            } else {
                text.append(trimmed)
            }
        }
        flush()
        return blocks
    }

    /// The label of a line that holds only a label ("Methods", "RESULTS:", "Background and
    /// Objectives"), without a trailing colon.
    static func labelLine(_ line: Substring) -> String? {
        var label = line
        if label.hasSuffix(":") { label = label.dropLast() }
        guard let last = label.unicodeScalars.last, !ScalarClass.isTerminal(last), last != ",", last != ";",
            isLabel(label)
        else { return nil }
        return String(label)
    }

    /// A label opening a paragraph ("Background: Daily huddles ..."), and the text after it.
    static func inlineLabel(_ line: Substring) -> (String, Substring)? {
        guard let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 60 else {
            return nil
        }
        let label = line[..<colon]
        let rest = line[line.index(after: colon)...].drop(while: { $0 == " " || $0 == "\t" })
        guard !rest.isEmpty, isLabel(label) else { return nil }
        return (String(label), rest)
    }

    /// Whether `text` reads as a section label: at most five words, starting with a capital,
    /// and either in capitals or starting with a word that structured abstracts use.
    static func isLabel(_ text: Substring) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard (1...5).contains(words.count), text.count <= 50, let first = words.first,
            let initial = first.unicodeScalars.first, ScalarClass.isUpper(initial)
        else { return false }
        guard text.unicodeScalars.allSatisfy({ ScalarClass.isLetter($0) || $0 == " " || $0 == "-" || $0 == "&" || $0 == "/" })
        else { return false }
        if !text.unicodeScalars.contains(where: ScalarClass.isLower) { return true }
        return labelWords.contains(first.lowercased())
    }

    /// First words of the section labels of structured abstracts.
    static let labelWords: Set<String> = [
        "abstract", "background", "introduction", "aim", "aims", "objective", "objectives", "purpose",
        "context", "rationale", "methods", "method", "methodology", "design", "setting", "settings",
        "participants", "patients", "population", "interventions", "intervention", "measurements",
        "main", "outcome", "outcomes", "results", "result", "findings", "conclusion", "conclusions",
        "discussion", "implications", "summary", "limitations", "significance", "importance", "trial",
        "evidence", "relevance", "data", "study", "review", "exposure", "exposures", "approach",
        "materials", "case", "observations", "comparison", "question", "hypothesis", "synopsis",
    ]
}
