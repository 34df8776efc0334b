import Testing
@testable import EvidenceKit

@Suite("codebook check")
struct CodebookCheckTests {
    func messages(_ fixture: String) -> [String] {
        let path = Fixture.path("codebooks/\(fixture)")
        return CodebookChecker.check(path: path).map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }
    }

    @Test("every error names line and column and says what is wrong")
    func errorsWithLocations() {
        #expect(messages("broken.yml") == [
            "6:5: error: unknown key 'treshold' in a factor; did you mean 'threshold'?",
            "8:39: error: '' in rule 'clinical-engagement/terms': the term is empty, so it can never match",
            "8:43: error: 'manag*er' in rule 'clinical-engagement/terms': `*` is allowed only at the end of a word (`manag*`)",
            "9:16: error: invalid regular expression '(unclosed': expected ')'",
            "10:16: error: the regular expression 'x*' matches the empty string; empty matches are ignored, so make at least one part required",
            "11:9: error: duplicate id 'clinical-engagement' (first defined at line 5)",
            "12:14: error: unknown id 'senior-staff' in the context of 'clinical-engagement'",
            "12:38: error: unknown list 'qii' in the context of factor 'clinical-engagement'; did you mean 'qi'?",
            "16:9: error: `negated: flip` of 'facilitator' needs an `opposite` direction",
        ])
    }

    @Test("diagnostics print as file:line:column: severity: message")
    func diagnosticFormat() {
        let diagnostic = CodebookDiagnostic(file: "tags.yml", line: 6, column: 5, severity: .error, message: "unknown key 'treshold'")
        #expect(diagnostic.description == "tags.yml:6:5: error: unknown key 'treshold'")
    }

    @Test("warnings alone leave the codebook usable")
    func warningsOnly() throws {
        #expect(messages("warnings-only.yml") == [
            "3:16: warning: threshold 0.0 of factor 'resources-capacity' is not positive, so any single match counts, even one with weight 0",
            "5:33: warning: 'time' is listed twice in rule 'resources-capacity/terms'",
            "5:39: warning: the wildcard 'ti*' in 'ti*' matches very many words",
            "6:5: warning: factor 'intervention-fit' has no rules, so it is never given",
        ])
        let codebook = try Codebook.load(path: Fixture.path("codebooks/warnings-only.yml"))
        #expect(codebook.factors.map(\.id) == ["resources-capacity", "intervention-fit"])
    }

    @Test("a duplicated YAML key is an error, not a silent overwrite")
    func duplicateKey() {
        #expect(messages("duplicate-key.yml") == [
            "3:5: error: duplicate key 'rules' in the same mapping; the second would silently replace the first",
        ])
    }

    @Test("a YAML syntax error is reported at its line and column")
    func syntaxError() {
        let diagnostics = CodebookChecker.check(yaml: "factors:\n  - id: x\n    rules: [terms: [a\n", file: "bad.yml")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.line == 4)
        #expect(diagnostics.first?.message.hasPrefix("YAML syntax:") == true)
    }

    @Test("loading an invalid codebook throws every error")
    func invalidThrows() {
        #expect(throws: CodebookError.self) { try Codebook.load(path: Fixture.path("codebooks/broken.yml")) }
        do {
            _ = try Codebook.load(path: Fixture.path("codebooks/broken.yml"))
        } catch {
            guard case .invalid(let diagnostics) = error else {
                Issue.record("expected .invalid, got \(error)")
                return
            }
            #expect(diagnostics.filter { $0.severity == .error }.count == 9)
        }
    }

    @Test("a label can only require labels decided before it")
    func forwardReference() {
        let yaml = """
            actors:
              - id: managers
                context: {labels: [barrier]}
                rules:
                  - terms: [manager]
            direction:
              - id: barrier
                rules:
                  - terms: [barrier]
            """
        let messages = CodebookChecker.check(yaml: yaml, file: "t.yml").map(\.message)
        #expect(messages == ["the context of 'managers' names 'barrier', but only labels decided earlier can be required (actors, then factors, then direction)"])
    }
}
