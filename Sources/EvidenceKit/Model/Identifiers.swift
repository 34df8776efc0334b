/// Canonical forms of the identifiers used to recognise the same paper in different files.
public enum Identifiers {
    /// A DOI without resolver prefix or `doi:` label, lowercased (DOIs are case-insensitive).
    public static func normalizedDOI(_ raw: String?) -> String? {
        guard var doi = raw?.trimmingSpaces, !doi.isEmpty else { return nil }
        let lowered = doi.lowercased()
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "doi "] {
            if lowered.hasPrefix(prefix) {
                doi = String(doi.dropFirst(prefix.count)).trimmingSpaces
                break
            }
        }
        doi = doi.lowercased()
        return doi.hasPrefix("10.") ? doi : nil
    }

    /// A PMCID as `PMC` followed by digits; bare digits are accepted.
    public static func normalizedPMCID(_ raw: String?) -> String? {
        guard let value = raw?.trimmingSpaces, !value.isEmpty else { return nil }
        let digits = value.uppercased().hasPrefix("PMC") ? String(value.dropFirst(3)) : value
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return "PMC" + digits
    }

    /// A PMID as digits only.
    public static func normalizedPMID(_ raw: String?) -> String? {
        guard let value = raw?.trimmingSpaces, !value.isEmpty, value.allSatisfy(\.isASCIIDigit) else { return nil }
        return value
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// The string without leading and trailing whitespace, without Foundation.
    var trimmingSpaces: String { String(self[...].trimmingSpaces) }
}
