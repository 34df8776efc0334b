/// Page ranges as the two styles write them: NLM drops the repeated leading digits of the
/// last page (`716-725` → `716-25`), APA writes both pages in full with an en dash
/// (`716-25` → `716–725`). Sources give either form, so both directions are needed.
enum PageRange {
    /// The NLM form: `716-725` → `716-25`, `S12-S19` → `S12-9`, `12-12` → `12`.
    static func nlm(_ pages: String) -> String {
        map(pages, separator: "-") { first, last in
            guard let split = numeric(first, last) else { return "\(first)-\(last)" }
            let (prefix, a, b) = split
            guard a.count == b.count else { return "\(first)-\(last)" }
            let shared = zip(a, b).prefix { $0 == $1 }.count
            if shared == a.count { return first }
            return "\(prefix)\(a)-\(b.dropFirst(shared))"
        }
    }

    /// The full form with `dash` between pages: `716-25` → `716–725`.
    static func full(_ pages: String, dash: String = "\u{2013}") -> String {
        map(pages, separator: dash) { first, last in
            "\(first)\(dash)\(expandedLast(first: first, last: last))"
        }
    }

    /// The first and (expanded) last page of the first range, as RIS `SP`/`EP` want them.
    static func bounds(_ pages: String) -> (first: String, last: String?) {
        let range = ranges(pages).first ?? (pages, nil)
        guard let last = range.last else { return (range.first, nil) }
        return (range.first, expandedLast(first: range.first, last: last))
    }

    private static func expandedLast(first: String, last: String) -> String {
        guard let (prefix, a, b) = numeric(first, last), b.count < a.count else { return last }
        return prefix + a.prefix(a.count - b.count) + b
    }

    /// Splits `first` and `last` into a shared non-digit prefix and their digits; `nil` when
    /// either is not "prefix + digits" (roman numerals, `e123`-style ids with other prefixes).
    private static func numeric(_ first: String, _ last: String) -> (String, String, String)? {
        let prefix = String(first.prefix { !$0.isASCIIDigit })
        let a = String(first.dropFirst(prefix.count))
        var b = Substring(last)
        if !prefix.isEmpty, b.hasPrefix(prefix) { b = b.dropFirst(prefix.count) }
        guard !a.isEmpty, !b.isEmpty, a.allSatisfy(\.isASCIIDigit), b.allSatisfy(\.isASCIIDigit) else {
            return nil
        }
        return (prefix, a, String(b))
    }

    /// Applies `transform` to each `first-last` range of a list such as `716-25, 730`.
    private static func map(
        _ pages: String, separator: String, _ transform: (String, String) -> String
    ) -> String {
        ranges(pages).map { range in
            guard let last = range.last else { return range.first }
            return transform(range.first, last)
        }.joined(separator: ", ")
    }

    private static func ranges(_ pages: String) -> [(first: String, last: String?)] {
        pages.split(separator: ",").compactMap { part in
            let pieces = part.split(whereSeparator: { "-\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}".contains($0) })
                .map { CitationText.trimmed(String($0)) }
                .filter { !$0.isEmpty }
            guard let first = pieces.first else { return nil }
            return (first, pieces.count > 1 ? pieces[pieces.count - 1] : nil)
        }
    }
}

