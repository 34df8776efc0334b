extension EvidenceSource {
    /// The short in-text label a reviewer recognises: `Pannick 2016` for one author,
    /// `Jha and Epstein 2010` for two, `Pannick et al. 2016` for three or more (or when the
    /// author list is incomplete); a group author by its whole name; without authors the
    /// first four words of the title; `n.d.` without a year.
    public var citationLabel: String {
        "\(citationNames) \(year.map(String.init) ?? "n.d.")"
    }

    private var citationNames: String {
        let names = authors.map(\.citationName).filter { !$0.isEmpty }
        guard let first = names.first else { return titleWords }
        if authorsIncomplete || names.count > 2 { return "\(first) et al." }
        if names.count == 2 { return "\(first) and \(names[1])" }
        return first
    }

    private var titleWords: String {
        let words = title.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return "Untitled" }
        let shown = words.prefix(4).joined(separator: " ")
        guard words.count > 4 else { return shown.trimmingTrailing(".") }
        return shown.trimmingTrailing(".,:;") + "\u{2026}"
    }
}

extension Author {
    /// The name used in an in-text citation: the family name, or a group's whole name.
    var citationName: String {
        if isGroup, let collective { return CitationText.trimmed(collective) }
        return CitationText.trimmed(family ?? display)
    }
}

extension String {
    func trimmingTrailing(_ characters: String) -> String {
        var result = Substring(self)
        while let last = result.last, characters.contains(last) { result.removeLast() }
        return String(result)
    }
}
