/// Splits scientific prose into sentences, the unit the codebook tags and a reviewer quotes.
///
/// A period is a sentence end only when whitespace (or the end of the text) follows it, after
/// any closing quotes, brackets or citation markers (`engagement.” Next`, `trends.[1,2] Next`),
/// and only when the word before it is not an abbreviation (`et al.`, `Fig.`, `e.g.`, `Dr.`,
/// initials), the period is not inside balanced parentheses or brackets, and the next word
/// can open a sentence (a capital, a digit, a quote or bracket, or a gene-like name such as
/// `mRNA`). Blank lines always end a sentence; a single line break ends one after a short
/// label-only line ("Methods"). Decimals (`0.05`, `P = .03`) never split because no space
/// follows their period.
///
/// It works on an array of Unicode scalars without regular expressions, because an ingest
/// splits hundreds of thousands of sentences.
public struct SentenceSplitter: Sendable {
    /// Label-only lines have at most this many words (`Background and Objectives`).
    static let maximumLabelWords = 6

    public init() {}

    /// The sentences of `text` as ranges of Unicode-scalar offsets, in order, each without
    /// surrounding whitespace; together they cover every non-space scalar of `text`.
    public func split(_ text: String) -> [Range<Int>] {
        split(scalars: Array(text.unicodeScalars))
    }

    /// The same as `split(_:)` for text already held as scalars.
    public func split(scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var scan = Scan(scalars)
        return scan.run()
    }
}

/// One pass of the splitter over one text.
private struct Scan {
    let s: [Unicode.Scalar]
    let n: Int
    /// Number of balanced brackets open at each offset (empty when the text has none).
    let depth: [Int32]
    var ranges: [Range<Int>] = []

    init(_ scalars: [Unicode.Scalar]) {
        s = scalars
        n = scalars.count
        depth = Scan.bracketDepths(scalars)
    }

    mutating func run() -> [Range<Int>] {
        var start = skipSpace(from: 0)
        var lineStart = start
        var i = start
        while i < n {
            let c = s[i]
            if c == "\n" {
                if let next = lineBreakEnd(at: i, sentenceStart: start, lineStart: lineStart) {
                    emit(start, i)
                    start = next
                    lineStart = next
                    i = next
                    continue
                }
                lineStart = i + 1
            } else if ScalarClass.isWideTerminal(c) {
                var j = i + 1
                while j < n, ScalarClass.isClosingQuote(s[j]) || ScalarClass.isWideTerminal(s[j]) { j += 1 }
                if depthAt(j) == 0 {
                    emit(start, j)
                    start = skipSpace(from: j)
                    i = start
                    continue
                }
            } else if ScalarClass.isTerminal(c) {
                let end = candidateEnd(after: i)
                if end == n || ScalarClass.isSpace(s[end]), depthAt(end) == 0,
                    isSentenceEnd(terminal: i, end: end, sentenceStart: start)
                {
                    emit(start, end)
                    start = skipSpace(from: end)
                    if start > end, s[end..<start].contains("\n") { lineStart = start }
                    i = start
                    continue
                }
            }
            i += 1
        }
        emit(start, n)
        return ranges
    }

    // MARK: Boundaries

    /// Where a sentence ending at the terminal `i` ends: after further terminals (`?!`, `...`),
    /// closing quotes, closing brackets and a citation marker glued to the period (`.[1,2]`).
    func candidateEnd(after i: Int) -> Int {
        var j = i + 1
        while j < n {
            let c = s[j]
            if ScalarClass.isTerminal(c) || ScalarClass.isClosingQuote(c) {
                j += 1
            } else if ScalarClass.isCloseBracket(c), depthAt(j) > 0 {
                j += 1
            } else if c == "[", let close = citationEnd(from: j) {
                j = close
            } else {
                break
            }
        }
        return j
    }

    /// The end of a numeric citation marker starting at `[` (`[1,2]`, `[3-5]`), if it is one.
    func citationEnd(from open: Int) -> Int? {
        var j = open + 1
        var digits = 0
        while j < n, j - open < 40 {
            let c = s[j]
            if ScalarClass.isDigit(c) {
                digits += 1
            } else if c == "]" {
                return digits > 0 ? j + 1 : nil
            } else if !(c == "," || c == "-" || c == " " || c == "\u{2013}" || c == "\u{2012}") {
                return nil
            }
            j += 1
        }
        return nil
    }

    /// Whether the terminal at `i`, whose candidate sentence ends at `end`, really ends a sentence.
    func isSentenceEnd(terminal i: Int, end: Int, sentenceStart: Int) -> Bool {
        let next = skipSpace(from: end)
        if next >= n { return true }
        let first = firstLetter(from: next)
        guard first < n else { return true }
        let opener = s[first]
        let nextIsNumber = ScalarClass.isDigit(opener)

        if s[i] == "." {
            let wordStart = tokenStart(before: i)
            if wordStart < i {
                switch classify(word: wordStart..<i, sentenceStart: sentenceStart) {
                case .never:
                    return false
                case .beforeNumber:
                    if nextIsNumber { return false }
                case .ambiguous:
                    return isSentenceOpener(at: first)
                case .word:
                    break
                }
            }
        }
        if ScalarClass.isUpper(opener) || nextIsNumber { return true }
        if ScalarClass.isLower(opener) { return isGeneLike(at: first) }
        return !ScalarClass.isLetter(opener) || s[i] != "."
    }

    /// A label-only line ("Methods") or a blank line ends a sentence at the line break `i`;
    /// returns where the next sentence starts, or nil when the line break is inside a sentence.
    func lineBreakEnd(at i: Int, sentenceStart: Int, lineStart: Int) -> Int? {
        let next = skipSpace(from: i)
        var newlines = 0
        for k in i..<next where s[k] == "\n" { newlines += 1 }
        if newlines >= 2 || next >= n { return next }
        guard sentenceStart >= lineStart, depthAt(i) == 0 else { return nil }
        var last = i
        while last > sentenceStart, ScalarClass.isSpace(s[last - 1]) { last -= 1 }
        guard last > sentenceStart else { return nil }
        let tail = s[last - 1]
        if tail == ":" || tail == "," || tail == ";" || tail == "-" || ScalarClass.isTerminal(tail) { return nil }
        guard ScalarClass.isUpper(s[sentenceStart]) else { return nil }
        var words = 1
        for k in sentenceStart..<last where ScalarClass.isSpace(s[k]) {
            words += 1
            if words > SentenceSplitter.maximumLabelWords { return nil }
        }
        let first = firstLetter(from: next)
        guard first < n, ScalarClass.isUpper(s[first]) || ScalarClass.isDigit(s[first]) else { return nil }
        return next
    }

    // MARK: Words

    enum WordClass { case never, beforeNumber, ambiguous, word }

    /// How far the period after `word` can be trusted as a sentence end.
    func classify(word: Range<Int>, sentenceStart: Int) -> WordClass {
        var lower = ""
        var letters = 0
        var dots = 0
        var allDigitsAndDots = true
        for k in word {
            let c = s[k]
            if c == "." { dots += 1 } else if !ScalarClass.isDigit(c) { allDigitsAndDots = false }
            if ScalarClass.isLetter(c) { letters += 1 }
            lower.unicodeScalars.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
        }
        if allDigitsAndDots {
            // "2.1. Notations", "1. Introduction": a section or list number opening the sentence.
            return word.lowerBound == sentenceStart ? .never : .word
        }
        if Abbreviations.never.contains(lower) { return .never }
        if Abbreviations.beforeNumber.contains(lower) { return .beforeNumber }
        if Abbreviations.ambiguous.contains(lower) { return .ambiguous }
        if letters == 1, word.count == 1 { return .ambiguous }
        if dots > 0, isInitialism(word) { return .ambiguous }
        return .word
    }

    /// Single letters joined by periods (`U.S`, `J.R`), the shape of initials and country codes.
    func isInitialism(_ word: Range<Int>) -> Bool {
        var k = word.lowerBound
        while k < word.upperBound {
            guard ScalarClass.isLetter(s[k]) else { return false }
            k += 1
            if k < word.upperBound {
                guard s[k] == "." else { return false }
                k += 1
            }
        }
        return true
    }

    /// The start of the word ending at `end`, after any opening brackets or quotes.
    func tokenStart(before end: Int) -> Int {
        var k = end
        while k > 0, !ScalarClass.isSpace(s[k - 1]) { k -= 1 }
        while k < end, ScalarClass.isOpenBracket(s[k]) || ScalarClass.isOpeningQuote(s[k]) { k += 1 }
        return k
    }

    /// The first scalar at or after `k` that is not an opening quote or bracket.
    func firstLetter(from k: Int) -> Int {
        var j = k
        while j < n, ScalarClass.isOpenBracket(s[j]) || ScalarClass.isOpeningQuote(s[j]) { j += 1 }
        return j
    }

    /// Whether the word at `k` is one that typically opens a sentence (`The`, `We`, `However`).
    func isSentenceOpener(at k: Int) -> Bool {
        guard ScalarClass.isUpper(s[k]) else { return false }
        var word = ""
        var j = k
        while j < n, ScalarClass.isLetter(s[j]), j - k < 20 {
            word.unicodeScalars.append(contentsOf: s[j].properties.lowercaseMapping.unicodeScalars)
            j += 1
        }
        return Abbreviations.sentenceOpeners.contains(word)
    }

    /// A lower-case word that is a name, not a continuation: `mRNA`, `p53`, `miR-21`, `eGFR`.
    func isGeneLike(at k: Int) -> Bool {
        var j = k + 1
        while j < n, !ScalarClass.isSpace(s[j]) {
            if ScalarClass.isUpper(s[j]) || ScalarClass.isDigit(s[j]) { return true }
            j += 1
        }
        return false
    }

    // MARK: Helpers

    func skipSpace(from k: Int) -> Int {
        var j = k
        while j < n, ScalarClass.isSpace(s[j]) { j += 1 }
        return j
    }

    func depthAt(_ k: Int) -> Int32 {
        depth.isEmpty || k >= depth.count ? 0 : depth[k]
    }

    mutating func emit(_ start: Int, _ end: Int) {
        var e = end
        while e > start, ScalarClass.isSpace(s[e - 1]) { e -= 1 }
        if e > start { ranges.append(start..<e) }
    }

    /// Depth of balanced brackets at each offset. An unmatched bracket (a list's `1)`, a
    /// stray `(`) counts for nothing, so it cannot swallow the rest of the text; a blank line
    /// closes every bracket still open.
    static func bracketDepths(_ s: [Unicode.Scalar]) -> [Int32] {
        guard s.contains(where: { ScalarClass.isOpenBracket($0) }) else { return [] }
        var diff = [Int32](repeating: 0, count: s.count + 1)
        var stack: [(Int, Unicode.Scalar)] = []
        var k = 0
        while k < s.count {
            let c = s[k]
            if ScalarClass.isOpenBracket(c) {
                stack.append((k, c))
            } else if ScalarClass.isCloseBracket(c) {
                if let top = stack.last, ScalarClass.matches(open: top.1, close: c) {
                    stack.removeLast()
                    diff[top.0 + 1] += 1
                    diff[k + 1] -= 1
                }
            } else if c == "\n", !stack.isEmpty {
                var j = k + 1
                while j < s.count, s[j] == " " || s[j] == "\t" || s[j] == "\r" { j += 1 }
                if j < s.count, s[j] == "\n" { stack.removeAll() }
            }
            k += 1
        }
        var depth = [Int32](repeating: 0, count: s.count + 1)
        var running: Int32 = 0
        for k in 0...s.count {
            running += diff[k]
            depth[k] = running
        }
        return depth
    }
}
