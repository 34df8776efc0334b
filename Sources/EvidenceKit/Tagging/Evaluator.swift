/// Agreement of one label between the codebook and the gold labels.
public struct LabelScore: Hashable, Codable, Sendable {
    public var label: String
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int
    public var trueNegatives: Int
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Cohen's kappa of the two yes/no codings over all sentences.
    public var kappa: Double

    /// Scores from the 2×2 table. With no gold and no predicted positives, precision,
    /// recall and F1 are 1 (nothing to find, nothing wrongly found); otherwise an empty
    /// denominator gives 0. Kappa is 1 when expected agreement is already perfect.
    public init(label: String, tp: Int, fp: Int, fn: Int, tn: Int) {
        self.label = label
        truePositives = tp
        falsePositives = fp
        falseNegatives = fn
        trueNegatives = tn
        if tp + fp + fn == 0 {
            precision = 1; recall = 1; f1 = 1
        } else {
            precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
            recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
            f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
        let n = Double(tp + fp + fn + tn)
        if n == 0 {
            kappa = 1
        } else {
            let observed = Double(tp + tn) / n
            let expected = (Double(tp + fp) * Double(tp + fn) + Double(fn + tn) * Double(fp + tn)) / (n * n)
            kappa = expected >= 1 ? 1 : (observed - expected) / (1 - expected)
        }
    }
}

/// Scores of one label group (factors, actors or direction).
public struct GroupScore: Hashable, Codable, Sendable {
    public var group: String
    public var labels: [LabelScore]
    /// Pooled counts over the group's labels.
    public var micro: LabelScore
    public var macroPrecision: Double
    public var macroRecall: Double
    public var macroF1: Double
    public var macroKappa: Double
}

/// A disagreement with the gold labels, with what explains it.
public struct EvaluationError: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case falsePositive = "false-positive"
        case falseNegative = "false-negative"
    }

    public var kind: Kind
    public var sentence: String
    public var text: String
    public var group: String
    public var label: String
    /// For a false positive, the rules that fired with the words they matched
    /// (`managers ← managers/terms`).
    public var rules: [String]
    /// For a false negative, matches that were found but did not count, and why; empty when
    /// no rule matched any word.
    public var missed: [String]
}

/// The result of `evidence codebook evaluate`.
public struct EvaluationReport: Hashable, Codable, Sendable {
    public var codebook: String
    public var sentences: Int
    public var groups: [GroupScore]
    public var errors: [EvaluationError]
}

/// Compares a tagger with gold sentences.
public struct Evaluator: Sendable {
    public let tagger: Tagger

    public init(tagger: Tagger) { self.tagger = tagger }

    /// Tags the sentences source by source (as the corpus would, one abstract paragraph per
    /// source) and scores every label of the codebook and every label in the gold data.
    public func evaluate(_ gold: [GoldSentence]) -> EvaluationReport {
        var order: [String] = []
        var bySource: [String: [Int]] = [:]
        for (i, sentence) in gold.enumerated() {
            if bySource[sentence.source] == nil { order.append(sentence.source) }
            bySource[sentence.source, default: []].append(i)
        }
        var predicted = [PassageTags](repeating: PassageTags(), count: gold.count)
        var rejections = [[Tagger.Rejection]](repeating: [], count: gold.count)
        for source in order {
            let indices = bySource[source] ?? []
            var offset = 0
            let passages = indices.enumerated().map { position, i -> Passage in
                let length = gold[i].text.unicodeScalars.count
                defer { offset += length + 1 }
                return Passage(kind: .abstract, section: "abstract", paragraph: 0, index: position, text: gold[i].text, start: offset, end: offset + length)
            }
            for (i, explained) in zip(indices, tagger.tagExplained(source: passages, explain: true)) {
                predicted[i] = explained.tags
                rejections[i] = explained.rejections
            }
        }
        var groups: [GroupScore] = []
        var errors: [EvaluationError] = []
        for group in [LabelGroup.factors, .actors, .direction] {
            let defined: [String]
            switch group {
            case .factors: defined = tagger.codebook.factors.map(\.id)
            case .actors: defined = tagger.codebook.actors.map(\.id)
            case .direction: defined = tagger.codebook.directions.map(\.id)
            }
            var labels = defined
            for sentence in gold { for label in sentence.labels(group) where !labels.contains(label) { labels.append(label) } }
            var scores: [LabelScore] = []
            for label in labels {
                var tp = 0, fp = 0, fn = 0, tn = 0
                for (i, sentence) in gold.enumerated() {
                    let inGold = sentence.labels(group).contains(label)
                    let tags = predicted[i]
                    let inPrediction = (group == .factors ? tags.factors : group == .actors ? tags.actors : tags.direction).contains(label)
                    switch (inGold, inPrediction) {
                    case (true, true): tp += 1
                    case (false, true):
                        fp += 1
                        let rules = tags.matches.filter { $0.label == label }.map { "\($0.text) ← \($0.rule)" }
                        errors.append(EvaluationError(kind: .falsePositive, sentence: sentence.id, text: sentence.text, group: group.rawValue, label: label, rules: rules, missed: []))
                    case (true, false):
                        fn += 1
                        let missed = rejections[i].filter { $0.label == label }.map { "\($0.text) ← \($0.rule) (\($0.reason))" }
                        errors.append(EvaluationError(kind: .falseNegative, sentence: sentence.id, text: sentence.text, group: group.rawValue, label: label, rules: [], missed: missed))
                    case (false, false): tn += 1
                    }
                }
                scores.append(LabelScore(label: label, tp: tp, fp: fp, fn: fn, tn: tn))
            }
            let micro = LabelScore(
                label: "micro", tp: scores.map(\.truePositives).reduce(0, +), fp: scores.map(\.falsePositives).reduce(0, +),
                fn: scores.map(\.falseNegatives).reduce(0, +), tn: scores.map(\.trueNegatives).reduce(0, +))
            let count = Double(max(scores.count, 1))
            groups.append(GroupScore(
                group: group.rawValue, labels: scores, micro: micro,
                macroPrecision: scores.map(\.precision).reduce(0, +) / count,
                macroRecall: scores.map(\.recall).reduce(0, +) / count,
                macroF1: scores.map(\.f1).reduce(0, +) / count,
                macroKappa: scores.map(\.kappa).reduce(0, +) / count))
        }
        return EvaluationReport(codebook: tagger.codebook.origin, sentences: gold.count, groups: groups, errors: errors)
    }
}

extension EvaluationReport {
    /// A plain-text table per group, then the disagreements.
    public func text(showErrors: Bool = true) -> String {
        var lines: [String] = ["Codebook \(codebook), \(sentences) sentences", ""]
        func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }
        func number(_ x: Double) -> String {
            let scaled = Int((x * 1000).rounded())
            let sign = scaled < 0 ? "-" : ""
            let magnitude = abs(scaled)
            let fraction = String(magnitude % 1000)
            return "\(sign)\(magnitude / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
        }
        for group in groups {
            lines.append(pad(group.group, 26) + "    tp    fp    fn  precision  recall     F1   kappa")
            for score in group.labels + [group.micro] {
                let counts = [score.truePositives, score.falsePositives, score.falseNegatives]
                    .map { String(repeating: " ", count: max(0, 6 - String($0).count)) + String($0) }.joined()
                lines.append("  " + pad(score.label, 24) + counts + "      " + number(score.precision) + "   " + number(score.recall) + "  " + number(score.f1) + "  " + number(score.kappa))
            }
            lines.append("  " + pad("macro", 24) + String(repeating: " ", count: 18) + "      " + number(group.macroPrecision) + "   " + number(group.macroRecall) + "  " + number(group.macroF1) + "  " + number(group.macroKappa))
            lines.append("")
        }
        if showErrors && !errors.isEmpty {
            lines.append("Disagreements (\(errors.count))")
            for error in errors {
                let kind = error.kind == .falsePositive ? "FP" : "FN"
                lines.append("\(kind) \(error.label) [\(error.sentence)] \(error.text)")
                for rule in error.rules { lines.append("     fired: \(rule)") }
                for missed in error.missed { lines.append("     dropped: \(missed)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
