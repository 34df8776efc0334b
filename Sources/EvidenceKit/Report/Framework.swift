/// A factor or a staff group of the coding framework, with the words a reader sees.
public struct FrameworkLabel: Hashable, Codable, Sendable {
    /// The stable id used in tags (`clinical-engagement`).
    public var id: String
    public var name: String
    public var description: String

    public init(id: String, name: String, description: String = "") {
        self.id = id
        self.name = name
        self.description = description
    }
}

/// The factors and staff groups a map or table is laid out by, in framework order.
///
/// Rows and columns come from the framework rather than from the data so that a factor or
/// staff group without evidence still shows up: that empty row is the finding.
public struct Framework: Hashable, Codable, Sendable {
    public var factors: [FrameworkLabel]
    public var actors: [FrameworkLabel]

    public init(factors: [FrameworkLabel], actors: [FrameworkLabel]) {
        self.factors = factors
        self.actors = actors
    }

    /// The factor with this id, if the framework has it.
    public func factor(_ id: String) -> FrameworkLabel? { factors.first { $0.id == id } }

    /// The factors with these ids, in the order given; throws on an id the framework lacks.
    public func factors(_ ids: [String]) throws(ReportError) -> [FrameworkLabel] {
        var result: [FrameworkLabel] = []
        for id in ids {
            guard let label = factor(id) else {
                throw .unknownFactor(id: id, known: factors.map(\.id))
            }
            if !result.contains(label) { result.append(label) }
        }
        return result
    }
}
