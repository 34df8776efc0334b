import Foundation

/// A parsed `tags.yml`: the factors, actors and direction cues of the alignment model, each
/// with the rules that give evidence for it.
///
/// A codebook is plain data. `Tagger` compiles it once into automata; the corpus stores
/// `hash` next to every tag so that re-tagging can be skipped when the codebook did not change.
public struct Codebook: Hashable, Sendable {
    /// Where the codebook came from: a file path, or `built-in default`.
    public var origin: String
    /// SHA-256 of the YAML bytes (lower-case hex). Changes whenever the file changes.
    public var hash: String
    public var factors: [LabelDefinition]
    public var actors: [LabelDefinition]
    public var directions: [LabelDefinition]
    /// Named term lists, included in term lists as `$name`.
    public var lists: [String: [Term]]
    public var negation: CueSettings
    public var hedging: CueSettings
    public var sections: SectionSettings
    /// Extra spelling pairs (`theatre: theater`) on top of the built-in British/American ones.
    public var spellings: [String: String]

    public init(
        origin: String, hash: String, factors: [LabelDefinition] = [], actors: [LabelDefinition] = [],
        directions: [LabelDefinition] = [], lists: [String: [Term]] = [:], negation: CueSettings = CueSettings(),
        hedging: CueSettings = CueSettings(), sections: SectionSettings = SectionSettings(), spellings: [String: String] = [:]
    ) {
        self.origin = origin
        self.hash = hash
        self.factors = factors
        self.actors = actors
        self.directions = directions
        self.lists = lists
        self.negation = negation
        self.hedging = hedging
        self.sections = sections
        self.spellings = spellings
    }

    /// All labels in evaluation order: actors, then factors, then direction. A label may only
    /// require labels of an earlier group or its own (see `ContextRequirement.labels`).
    public var allLabels: [LabelDefinition] { actors + factors + directions }

    public func label(id: String) -> LabelDefinition? { allLabels.first { $0.id == id } }
}

/// The three kinds of label the alignment model gives a passage.
public enum LabelGroup: String, Codable, Sendable, CaseIterable {
    case actors
    case factors
    case direction

    /// The order in which labels are decided; context requirements may look back, not forward.
    var rank: Int {
        switch self {
        case .actors: return 0
        case .factors: return 1
        case .direction: return 2
        }
    }
}

/// A position in the YAML file, so that a researcher can find the rule a message is about.
public struct SourceLocation: Hashable, Codable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One factor, actor or direction cue.
public struct LabelDefinition: Hashable, Sendable {
    public var id: String
    public var group: LabelGroup
    public var name: String
    public var description: String
    public var rules: [Rule]
    /// Terms that veto any match of this label they overlap (`data manager` for `managers`).
    public var exclude: [Term]
    /// All of these must hold for the label to count.
    public var context: [ContextRequirement]
    /// The label is given when the summed weight of its surviving matches reaches this.
    public var threshold: Double
    /// What a negation cue near a match does.
    public var negated: ModifierAction
    /// What a hedging cue near a match does.
    public var hedged: ModifierAction
    /// For direction cues: the direction a negated match flips to (`barrier` for `facilitator`).
    public var opposite: String?
    public var scope: Scope
    public var location: SourceLocation?

    public init(
        id: String, group: LabelGroup, name: String = "", description: String = "", rules: [Rule] = [],
        exclude: [Term] = [], context: [ContextRequirement] = [], threshold: Double = 1, negated: ModifierAction = .keep,
        hedged: ModifierAction = .keep, opposite: String? = nil, scope: Scope = Scope(), location: SourceLocation? = nil
    ) {
        self.id = id
        self.group = group
        self.name = name
        self.description = description
        self.rules = rules
        self.exclude = exclude
        self.context = context
        self.threshold = threshold
        self.negated = negated
        self.hedged = hedged
        self.opposite = opposite
        self.scope = scope
        self.location = location
    }
}

/// What happens to a match that stands in the window of a negation or hedging cue.
public enum ModifierAction: Hashable, Sendable {
    /// The match counts as usual ("lack of managerial support" is still about managers).
    case keep
    /// The match is discarded ("no physician was involved" is not evidence of involvement).
    case drop
    /// The match counts for the label's `opposite` instead (direction cues).
    case flip
    /// The match counts, and also gives this direction ("lack of engagement" is a barrier).
    case direction(String)
}

/// Where a rule or label applies: passage kinds and section names.
public struct Scope: Hashable, Sendable {
    /// Section names (case-insensitive, matched as a substring of the passage's section);
    /// empty means every section.
    public var sections: [String]
    /// Passage kinds; empty means every kind.
    public var kinds: [PassageKind]
    public init(sections: [String] = [], kinds: [PassageKind] = []) {
        self.sections = sections
        self.kinds = kinds
    }

    public var isUnrestricted: Bool { sections.isEmpty && kinds.isEmpty }
}

/// A term as written in the codebook, with the place it was written.
public struct Term: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation?
    public init(_ text: String, location: SourceLocation? = nil) {
        self.text = text
        self.location = location
    }
}

/// One rule of a label.
public struct Rule: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Any of these terms or phrases.
        case terms([Term])
        /// One term of every group, all within `within` words of each other
        /// (`near` is the two-group case).
        case all([[Term]], within: Int)
        /// A regular expression over the passage text.
        case regex(String)
    }

    /// Unique within its label; the evidence names it as `label/id`.
    public var id: String
    public var kind: Kind
    public var weight: Double
    public var caseSensitive: Bool
    public var scope: Scope
    public var location: SourceLocation?

    public init(id: String, kind: Kind, weight: Double = 1, caseSensitive: Bool = false, scope: Scope = Scope(), location: SourceLocation? = nil) {
        self.id = id
        self.kind = kind
        self.weight = weight
        self.caseSensitive = caseSensitive
        self.scope = scope
        self.location = location
    }
}

/// "This label counts only if ... occurs in the same sentence, paragraph or source."
public struct ContextRequirement: Hashable, Sendable {
    public enum Level: String, Hashable, Sendable, CaseIterable {
        case sentence
        case paragraph
        case source
    }

    public var level: Level
    /// Any of these terms satisfies the requirement.
    public var terms: [Term]
    /// Any of these labels (given in the same scope) satisfies it; `any-actor` and
    /// `any-factor` stand for every label of that group.
    public var labels: [String]
    public var location: SourceLocation?

    public init(level: Level = .sentence, terms: [Term] = [], labels: [String] = [], location: SourceLocation? = nil) {
        self.level = level
        self.terms = terms
        self.labels = labels
        self.location = location
    }
}

/// NegEx-style cues: words before or after a match, within `window` words, with no
/// terminator (`but`, `however`, `;`) in between.
public struct CueSettings: Hashable, Sendable {
    public var window: Int
    public var before: [Term]
    public var after: [Term]
    public var terminators: [Term]
    public init(window: Int = 4, before: [Term] = [], after: [Term] = [], terminators: [Term] = []) {
        self.window = window
        self.before = before
        self.after = after
        self.terminators = terminators
    }
}

/// Codebook-wide section handling: sections to skip and weights for the others.
public struct SectionSettings: Hashable, Sendable {
    /// Passages in these sections are never tagged (`references`).
    public var skip: [String]
    /// Match weights by section (`results: 1.5`); sections not listed weigh 1.
    public var weights: [String: Double]
    public init(skip: [String] = [], weights: [String: Double] = [:]) {
        self.skip = skip
        self.weights = weights
    }
}
