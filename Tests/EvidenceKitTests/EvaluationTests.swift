import Foundation
import Testing
@testable import EvidenceKit

@Suite("codebook evaluate")
struct EvaluationTests {
    /// Two factors, four sentences; the expected numbers are worked out by hand in the comments.
    static let codebook = """
        factors:
          - id: a
            rules:
              - terms: [alpha]
          - id: b
            rules:
              - terms: [beta]
        """

    static let gold = [
        GoldSentence(id: "s1", source: "x", text: "alpha", factors: ["a"]),          // a: TP        b: TN
        GoldSentence(id: "s2", source: "x", text: "alpha", factors: []),             // a: FP        b: TN
        GoldSentence(id: "s3", source: "y", text: "beta", factors: ["a", "b"]),      // a: FN        b: TP
        GoldSentence(id: "s4", source: "y", text: "beta gamma", factors: []),        // a: TN        b: FP
    ]

    @Test("precision, recall, F1 and kappa match a hand-computed case")
    func handComputed() throws {
        let report = Evaluator(tagger: Tagger(try Codebook(yaml: Self.codebook))).evaluate(Self.gold)
        let factors = try #require(report.groups.first { $0.group == "factors" })
        let a = try #require(factors.labels.first { $0.label == "a" })
        // a: TP 1, FP 1, FN 1, TN 1 → P = R = F1 = 0.5; po = 0.5, pe = (2·2 + 2·2)/16 = 0.5 → κ = 0.
        #expect([a.truePositives, a.falsePositives, a.falseNegatives, a.trueNegatives] as [Int] == [1, 1, 1, 1])
        #expect(a.precision == 0.5 && a.recall == 0.5 && a.f1 == 0.5)
        #expect(abs(a.kappa) < 1e-12)
        let b = try #require(factors.labels.first { $0.label == "b" })
        // b: TP 1, FP 1, FN 0, TN 2 → P 0.5, R 1, F1 2/3; po = 0.75, pe = (2·1 + 2·3)/16 = 0.5 → κ = 0.5.
        #expect([b.truePositives, b.falsePositives, b.falseNegatives, b.trueNegatives] as [Int] == [1, 1, 0, 2])
        #expect(b.precision == 0.5 && b.recall == 1)
        #expect(abs(b.f1 - 2.0 / 3.0) < 1e-12)
        #expect(abs(b.kappa - 0.5) < 1e-12)
        // micro: TP 2, FP 2, FN 1 → P 0.5, R 2/3, F1 4/7; macro F1 = (0.5 + 2/3)/2 = 7/12.
        #expect(abs(factors.micro.precision - 0.5) < 1e-12)
        #expect(abs(factors.micro.recall - 2.0 / 3.0) < 1e-12)
        #expect(abs(factors.micro.f1 - 4.0 / 7.0) < 1e-12)
        #expect(abs(factors.macroF1 - 7.0 / 12.0) < 1e-12)
    }

    @Test("false positives name the rule that fired; false negatives are listed")
    func errors() throws {
        let report = Evaluator(tagger: Tagger(try Codebook(yaml: Self.codebook))).evaluate(Self.gold)
        #expect(report.errors == [
            EvaluationError(kind: .falsePositive, sentence: "s2", text: "alpha", group: "factors", label: "a", rules: ["alpha ← a/terms"], missed: []),
            EvaluationError(kind: .falseNegative, sentence: "s3", text: "beta", group: "factors", label: "a", rules: [], missed: []),
            EvaluationError(kind: .falsePositive, sentence: "s4", text: "beta gamma", group: "factors", label: "b", rules: ["beta ← b/terms"], missed: []),
        ])
    }

    @Test("a false negative shows the matches that were found but did not count, and why")
    func missedWords() throws {
        let yaml = """
            factors:
              - id: a
                exclude: [alpha beta]
                rules:
                  - terms: [alpha]
            """
        let gold = [GoldSentence(id: "s1", source: "x", text: "alpha beta", factors: ["a"])]
        let report = Evaluator(tagger: Tagger(try Codebook(yaml: yaml))).evaluate(gold)
        #expect(report.errors.map(\.missed) == [["alpha ← a/terms (vetoed by an exclusion)"]])
    }

    @Test("the text report has a row per label with counts and scores")
    func textReport() throws {
        let report = Evaluator(tagger: Tagger(try Codebook(yaml: Self.codebook))).evaluate(Self.gold)
        let lines = report.text(showErrors: false).split(separator: "\n").map(String.init)
        #expect(lines.contains("  a                            1     1     1      0.500   0.500  0.500  0.000"))
        #expect(lines.contains("  b                            1     1     0      0.500   1.000  0.667  0.500"))
        #expect(lines.contains("  macro                                           0.500   0.750  0.583  0.250"))
    }

    @Test("the default codebook reaches the targets on the dev gold set")
    func defaultCodebookOnDev() throws {
        let gold = try GoldSentence.load(path: Fixture.path("gold/dev.jsonl"))
        #expect(gold.count == 348)
        let report = Evaluator(tagger: Tagger(.default)).evaluate(gold)
        let factors = try #require(report.groups.first { $0.group == "factors" })
        let actors = try #require(report.groups.first { $0.group == "actors" })
        let direction = try #require(report.groups.first { $0.group == "direction" })
        #expect(factors.macroF1 >= 0.75)
        #expect(factors.labels.allSatisfy { $0.f1 >= 0.55 })
        #expect(actors.micro.f1 >= 0.90)
        #expect(direction.micro.f1 >= 0.70)
    }
}
