import Foundation

/// Normalisations shared by the plain-text layouts, so that ids compare equal across sources.
enum BibliographicValues {
    /// A DOI without resolver or `doi:` prefix and without trailing punctuation; nil when the
    /// value is not a DOI (it must start with `10.` and contain a `/`).
    static func doi(_ value: Substring) -> String? {
        var doi = value.trimmingSpaces
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:", "DOI:"] {
            if doi.lowercased().hasPrefix(prefix.lowercased()) {
                doi = doi.dropFirst(prefix.count).trimmingSpaces
            }
        }
        while let last = doi.last, ".,;)]".contains(last) { doi = doi.dropLast() }
        guard doi.hasPrefix("10."), doi.contains("/"), !doi.contains(" ") else { return nil }
        return String(doi)
    }

    /// The first DOI written anywhere in `text` ("DOI: 10.1136/bmjqs-2015-004453").
    static func findDOI(in text: Substring) -> String? {
        var search = text[...]
        while let range = search.range(of: "10.") {
            let candidate = search[range.lowerBound...].prefix(while: { !$0.isWhitespace })
            if let doi = doi(candidate) { return doi }
            search = search[range.upperBound...]
        }
        return nil
    }

    /// A PMCID in its canonical form, `PMC` followed by digits.
    static func pmcid(_ value: Substring) -> String? {
        let trimmed = value.trimmingSpaces
        let digits = trimmed.uppercased().hasPrefix("PMC") ? trimmed.dropFirst(3) : trimmed
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return "PMC" + digits
    }

    /// A PMID: digits only.
    static func pmid(_ value: Substring) -> String? {
        let trimmed = value.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit) else { return nil }
        return String(trimmed)
    }

    /// A publication year between 1000 and 2999.
    static func year(_ value: Substring) -> Int? {
        let trimmed = value.trimmingSpaces
        guard trimmed.count == 4, trimmed.allSatisfy(\.isASCIIDigit), let year = Int(trimmed),
            (1000...2999).contains(year)
        else { return nil }
        return year
    }

    /// Values of a `;`-separated list, trimmed, empty ones dropped.
    static func list(_ value: Substring, separator: Character = ";") -> [String] {
        value.split(separator: separator).map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
    }
}

