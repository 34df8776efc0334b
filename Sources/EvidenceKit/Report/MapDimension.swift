/// What the columns of an evidence map stand for (`evidence map --by`).
public enum MapDimension: String, Codable, Sendable, CaseIterable {
    /// Staff groups of the framework, then "No staff group stated".
    case actor
    /// Barrier, facilitator, then "Neither (descriptive)".
    case direction
    /// One column per cited source, in reference-list order.
    case source
    /// Publication years in ascending order, then `n.d.`.
    case year
    /// The outermost section of the passage (`Results` for `Results > Barriers`), or the
    /// part of the paper when it has none (`Abstract`), in order of first appearance.
    case section

    /// The plural noun a heading uses ("Factors by staff group").
    public var heading: String {
        switch self {
        case .actor: "staff group"
        case .direction: "direction"
        case .source: "source"
        case .year: "year"
        case .section: "section"
        }
    }
}

/// A column of an evidence map or a staff-group column of a summary table.
public struct ReportColumn: Hashable, Codable, Sendable {
    /// A stable id: an actor or direction id, a source id, a year, a section key, or `none`.
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }

    /// The id of the column for passages that name no staff group, or report no direction.
    public static let noneID = "none"
}

extension PassageKind {
    /// The name of this part of a paper as a section heading.
    var sectionName: String {
        switch self {
        case .title: "Title"
        case .abstract: "Abstract"
        case .body: "Body text"
        case .caption: "Caption"
        }
    }
}

extension Passage {
    /// The outermost section heading, or the part of the paper when there is none.
    var topSection: String {
        let outer = section.split(separator: ">", maxSplits: 1).first.map { CitationText.trimmed(String($0)) } ?? ""
        return outer.isEmpty ? kind.sectionName : outer
    }

    /// The section as a reader should see it: the full path, or the part of the paper.
    var displaySection: String {
        let trimmed = CitationText.trimmed(section)
        return trimmed.isEmpty ? kind.sectionName : trimmed
    }
}
