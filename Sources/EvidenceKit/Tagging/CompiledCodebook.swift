/// A codebook turned into integer-indexed tables for the tagger: one term automaton for all
/// terms of all rules, exclusions, contexts and cues, plus small per-label descriptions.
/// A class, so that each tagging run holds it with one reference instead of one per table.
final class CompiledCodebook: Sendable {
    enum Action: Sendable, Equatable {
        case keep
        case drop
        case flip
        case direction(Int)
    }

    struct Context: Sendable {
        var level: ContextRequirement.Level
        var termSet: Int32
        var labels: [Int]
    }

    struct Label: Sendable {
        var id: String
        var group: LabelGroup
        var threshold: Double
        var rules: [Int]
        var excludeSet: Int32
        var context: [Context]
        var negated: Action
        var hedged: Action
        var opposite: Int
        var scope: Scope
    }

    enum RuleKind: Sendable {
        case terms(Int32)
        case all([Int32], within: Int)
        case regex(RegexBox)
    }

    struct Rule: Sendable {
        var name: String
        var label: Int
        var kind: RuleKind
        var weight: Double
        var scope: Scope
    }

    /// What the per-passage loop needs of a label, without strings or arrays, so that reading
    /// it costs no reference counting.
    struct LabelPlan: Sendable {
        var group: LabelGroup
        var threshold: Double
        /// The label's rules are `rules[ruleStart..<ruleEnd]` (a label's rules are contiguous).
        var ruleStart: Int
        var ruleEnd: Int
        var excludeSet: Int32
        var negated: Action
        var hedged: Action
        var opposite: Int
        /// Whether the label has a section or kind scope to check.
        var scoped: Bool
        var hasContext: Bool
    }

    enum RulePlanKind: Sendable {
        case terms
        case all
        case regex
    }

    /// What the per-passage loop needs of a rule, without strings or arrays.
    struct RulePlan: Sendable {
        var kind: RulePlanKind
        /// The term set of a `terms` rule.
        var termSet: Int32
        /// The term sets of an `all` rule are `allSets[setStart..<setEnd]`.
        var setStart: Int
        var setEnd: Int
        var within: Int32
        var weight: Double
        var scoped: Bool
    }

    /// A scope with its section names lower-cased once, at compile time.
    struct LowerScope: Sendable {
        var sections: [String]
        var kinds: [PassageKind]
    }

    struct Cues: Sendable {
        var window: Int
        var before: Int32
        var after: Int32
        var terminators: Int32
    }

    let automaton: TermAutomaton
    let labels: [Label]
    let rules: [Rule]
    let labelPlans: [LabelPlan]
    let rulePlans: [RulePlan]
    let labelScopes: [LowerScope]
    let ruleScopes: [LowerScope]
    /// The term sets of all `all` rules, one run per rule (`RulePlan.setStart..<setEnd`).
    let allSets: [Int32]
    /// The ids of the labels and the names of the rules, for results and explanations.
    let labelIDs: [String]
    let ruleNames: [String]
    /// Labels worth evaluating when a term set has hits, flattened: the labels of term set `s` are
    /// `termSetLabels[termSetLabelStart[s]..<termSetLabelStart[s + 1]]`.
    let termSetLabels: [Int32]
    let termSetLabelStart: [Int32]
    /// Labels with a regex rule: evaluated for every passage.
    let regexLabels: [Int]
    let negation: Cues
    let hedging: Cues
    let skipSections: [String]
    let sectionWeights: [(String, Double)]
    /// `skipSections` and the names of `sectionWeights` as bytes, for ASCII section names.
    let skipSectionBytes: [[UInt8]]
    let sectionWeightBytes: [[UInt8]]
    let usesSections: Bool
    /// Whether some label has a paragraph-level context requirement.
    let needsParagraphs: Bool
    /// The label groups in the order they are decided (`LabelGroup.rank`).
    let groupOrder: [LabelGroup]

    init(_ codebook: Codebook) {
        var builder = TermAutomaton.Builder()
        let compiler = TermCompiler(extraSpellings: codebook.spellings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        var setsByKey: [String: Int32] = [:]
        var labelsForSet: [Int32: Set<Int>] = [:]

        func termSet(_ terms: [Term], caseSensitive: Bool) -> Int32 {
            if terms.isEmpty { return -1 }
            let key = (caseSensitive ? "1" : "0") + terms.map(\.text).joined(separator: "\u{1}")
            if let existing = setsByKey[key] { return existing }
            let id = builder.newTermSet()
            setsByKey[key] = id
            for term in terms {
                guard let sequences = try? compiler.compile(term.text, caseSensitive: caseSensitive) else { continue }
                for sequence in sequences { builder.add(sequence, termSet: id, caseSensitive: caseSensitive) }
            }
            return id
        }

        let all = codebook.allLabels
        var index: [String: Int] = [:]
        for (i, label) in all.enumerated() where index[label.id] == nil { index[label.id] = i }
        func resolve(_ action: ModifierAction) -> Action {
            switch action {
            case .keep: return .keep
            case .drop: return .drop
            case .flip: return .flip
            case .direction(let id): return index[id].map { .direction($0) } ?? .keep
            }
        }

        var labels: [Label] = []
        var rules: [Rule] = []
        var regexLabels: [Int] = []
        var usesSections = !codebook.sections.skip.isEmpty || !codebook.sections.weights.isEmpty
        for (labelIndex, definition) in all.enumerated() {
            var ruleIndices: [Int] = []
            if !definition.scope.isUnrestricted { usesSections = true }
            for rule in definition.rules {
                if !rule.scope.isUnrestricted { usesSections = true }
                let kind: RuleKind
                switch rule.kind {
                case .terms(let terms):
                    let set = termSet(terms, caseSensitive: rule.caseSensitive)
                    labelsForSet[set, default: []].insert(labelIndex)
                    kind = .terms(set)
                case .all(let groups, let within):
                    let sets = groups.map { termSet($0, caseSensitive: rule.caseSensitive) }
                    for set in sets { labelsForSet[set, default: []].insert(labelIndex) }
                    kind = .all(sets, within: within)
                case .regex(let pattern):
                    guard let box = RegexBox(pattern, caseSensitive: rule.caseSensitive) else { continue }
                    if !regexLabels.contains(labelIndex) { regexLabels.append(labelIndex) }
                    kind = .regex(box)
                }
                ruleIndices.append(rules.count)
                rules.append(Rule(name: "\(definition.id)/\(rule.id)", label: labelIndex, kind: kind, weight: rule.weight, scope: rule.scope))
            }
            let contexts = definition.context.map { requirement -> Context in
                var ids: [Int] = []
                for name in requirement.labels {
                    switch name {
                    case "any-actor": ids += all.indices.filter { all[$0].group == .actors }
                    case "any-factor": ids += all.indices.filter { all[$0].group == .factors }
                    default: if let i = index[name] { ids.append(i) }
                    }
                }
                return Context(level: requirement.level, termSet: termSet(requirement.terms, caseSensitive: false), labels: ids)
            }
            labels.append(Label(
                id: definition.id, group: definition.group, threshold: definition.threshold, rules: ruleIndices,
                excludeSet: termSet(definition.exclude, caseSensitive: false), context: contexts,
                negated: resolve(definition.negated), hedged: resolve(definition.hedged),
                opposite: definition.opposite.flatMap { index[$0] } ?? -1, scope: definition.scope))
        }
        func cues(_ settings: CueSettings) -> Cues {
            Cues(window: settings.window, before: termSet(settings.before, caseSensitive: false),
                 after: termSet(settings.after, caseSensitive: false),
                 terminators: termSet(settings.terminators, caseSensitive: false))
        }
        negation = cues(codebook.negation)
        hedging = cues(codebook.hedging)
        automaton = TermAutomaton(builder)
        var byTermSet = [[Int]](repeating: [], count: automaton.termSetCount)
        for (set, labelSet) in labelsForSet where set >= 0 { byTermSet[Int(set)] = labelSet.sorted() }
        var flatLabels: [Int32] = []
        var labelStarts: [Int32] = [0]
        for list in byTermSet {
            flatLabels += list.map { Int32($0) }
            labelStarts.append(Int32(flatLabels.count))
        }
        termSetLabels = flatLabels
        termSetLabelStart = labelStarts
        var allSets: [Int32] = []
        rulePlans = rules.map { rule in
            var plan = RulePlan(
                kind: .terms, termSet: -1, setStart: 0, setEnd: 0, within: 0, weight: rule.weight,
                scoped: !rule.scope.isUnrestricted)
            switch rule.kind {
            case .terms(let set):
                plan.termSet = set
            case .all(let sets, let within):
                plan.kind = .all
                plan.setStart = allSets.count
                allSets += sets
                plan.setEnd = allSets.count
                plan.within = Int32(clamping: within)
            case .regex:
                plan.kind = .regex
            }
            return plan
        }
        self.allSets = allSets
        labelPlans = labels.map { label in
            LabelPlan(
                group: label.group, threshold: label.threshold, ruleStart: label.rules.first ?? 0,
                ruleEnd: label.rules.last.map { $0 + 1 } ?? 0, excludeSet: label.excludeSet, negated: label.negated,
                hedged: label.hedged, opposite: label.opposite, scoped: !label.scope.isUnrestricted,
                hasContext: !label.context.isEmpty)
        }
        func lower(_ scope: Scope) -> LowerScope { LowerScope(sections: scope.sections.map { $0.lowercased() }, kinds: scope.kinds) }
        labelScopes = labels.map { lower($0.scope) }
        labelIDs = labels.map(\.id)
        ruleNames = rules.map(\.name)
        ruleScopes = rules.map { lower($0.scope) }
        self.labels = labels
        self.rules = rules
        self.regexLabels = regexLabels
        skipSections = codebook.sections.skip.map { $0.lowercased() }
        sectionWeights = codebook.sections.weights.sorted { $0.key < $1.key }.map { ($0.key.lowercased(), $0.value) }
        skipSectionBytes = skipSections.map { Array($0.utf8) }
        sectionWeightBytes = sectionWeights.map { Array($0.0.utf8) }
        self.usesSections = usesSections
        needsParagraphs = labels.contains { $0.context.contains { $0.level == .paragraph } }
        groupOrder = LabelGroup.allCases.sorted { $0.rank < $1.rank }
    }
}

/// A compiled regular expression; `Regex` values are immutable, so sharing one is safe.
final class RegexBox: @unchecked Sendable {
    let regex: Regex<AnyRegexOutput>

    init?(_ pattern: String, caseSensitive: Bool) {
        guard let regex = try? Regex(pattern) else { return nil }
        self.regex = caseSensitive ? regex : regex.ignoresCase()
    }
}
