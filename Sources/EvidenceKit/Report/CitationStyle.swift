/// The reference-list styles a report can use.
public enum CitationStyle: String, Codable, Sendable, CaseIterable {
    /// NLM/Vancouver (ICMJE), the medical journals' default: `Pannick S, Sevdalis N,
    /// Athanasiou T. Title. BMJ Qual Saf. 2016;25(9):716-25. doi:…`.
    case vancouver
    /// APA 7th edition: `Pannick, S., Sevdalis, N., & Athanasiou, T. (2016). Title.
    /// Journal, 25(9), 716–725. https://doi.org/…`.
    case apa

    /// The reference of `source` in this style, as plain text.
    public func reference(for source: EvidenceSource) -> String {
        switch self {
        case .vancouver: VancouverStyle.reference(for: source)
        case .apa: APAStyle.reference(for: source)
        }
    }
}

/// Small text helpers shared by the citation styles.
enum CitationText {
    /// `text` trimmed, ending with a full stop unless it already ends a sentence.
    static func sentence(_ text: String) -> String {
        let trimmed = trimmed(text)
        guard let last = trimmed.last else { return trimmed }
        return ".?!".contains(last) ? trimmed : trimmed + "."
    }

    /// `text` without surrounding white space.
    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// A present, non-blank field, trimmed.
    static func field(_ text: String?) -> String? {
        guard let text else { return nil }
        let value = trimmed(text)
        return value.isEmpty ? nil : value
    }

    /// A DOI without a resolver or `doi:` prefix, as citation styles re-add their own.
    static func bareDOI(_ doi: String?) -> String? {
        guard var value = field(doi) else { return nil }
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"] {
            if value.lowercased().hasPrefix(prefix) {
                value = String(value.dropFirst(prefix.count))
                break
            }
        }
        return value.isEmpty ? nil : value
    }
}
