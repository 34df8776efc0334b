import Foundation
import Testing

@testable import EvidenceKit

/// The gold development set as report inputs: sources `dN` get id N, each labelled sentence
/// `dN-sM` becomes passage M-1 of an abstract with its gold labels as tags.
struct GoldCorpus {
    let sources: [EvidenceSource]
    let items: [EvidenceItem]

    static func load() throws -> GoldCorpus {
        let sources = try lines("gold/dev-sources.jsonl").map(source)
        let items = try lines("gold/dev.jsonl").map(item)
        return GoldCorpus(sources: sources.sorted { $0.id < $1.id }, items: items)
    }

    func source(_ name: String) throws -> EvidenceSource {
        try #require(sources.first { $0.id == GoldCorpus.id(name) })
    }

    private static func lines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: Fixture.path(path), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    static func id(_ name: String) -> Int64 { Int64(name.dropFirst()) ?? -1 }

    private static func source(_ json: [String: Any]) throws -> EvidenceSource {
        let parsed = authors(json["authors"] as? String)
        return EvidenceSource(
            id: id(try #require(json["id"] as? String)), authors: parsed.authors,
            authorsIncomplete: parsed.incomplete, title: try #require(json["title"] as? String),
            journal: json["journal"] as? String, year: json["year"] as? Int, doi: json["doi"] as? String,
            pmid: json["pmid"] as? String, pmcid: json["pmcid"] as? String)
    }

    private static func item(_ json: [String: Any]) throws -> EvidenceItem {
        let sentence = try #require(json["id"] as? String)
        let suffix = sentence.components(separatedBy: "-s").last ?? ""
        let number = try #require(Int(suffix))
        let text = try #require(json["text"] as? String)
        return EvidenceItem(
            sourceID: id(try #require(json["source"] as? String)),
            passage: Passage(
                kind: .abstract, section: "", paragraph: 0, index: number - 1, text: text,
                start: 0, end: text.unicodeScalars.count),
            tags: PassageTags(
                factors: json["factors"] as? [String] ?? [], actors: json["actors"] as? [String] ?? [],
                direction: json["direction"] as? [String] ?? []))
    }

    /// Reads the author strings of the gold metadata, which come in the forms their pages
    /// used: `Perreira TA, Perrier L`, `Lianne Jeffs, Alyssa Indar`, `Werner, Rachel M.;
    /// Kolstad, Jonathan T.`, `Spurgeon, P., Clark, J.`, `Conway, James`, `Pauline Pariser et al.`.
    static func authors(_ text: String?) -> (authors: [Author], incomplete: Bool) {
        guard var text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return ([], false) }
        var incomplete = false
        if text.hasSuffix(" et al.") {
            incomplete = true
            text = String(text.dropLast(" et al.".count))
        }
        func words(_ part: String) -> [String] {
            part.components(separatedBy: " ").filter { !$0.isEmpty && $0 != "Jr." && $0 != "Jr" }
        }
        if text.contains(";") {
            let authors = text.split(separator: ";").map { part -> Author in
                let pieces = String(part).split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return Author(family: pieces[0], given: pieces.count > 1 ? words(pieces[1]).joined(separator: " ") : nil)
            }
            return (authors, incomplete)
        }
        let parts = text.components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }
        func isInitials(_ part: String) -> Bool {
            part.contains(".") && part.split(whereSeparator: { $0 == "." || $0 == " " }).allSatisfy { $0.count == 1 }
        }
        let oddParts = stride(from: 1, to: parts.count, by: 2).map { parts[$0] }
        let singleWords = parts.allSatisfy { !$0.contains(" ") }
        if parts.count % 2 == 0, oddParts.allSatisfy(isInitials) || (parts.count == 2 && singleWords) {
            let authors = stride(from: 0, to: parts.count, by: 2).map { index -> Author in
                let given = parts[index + 1]
                return isInitials(given)
                    ? Author(family: parts[index], initials: given.filter(\.isLetter))
                    : Author(family: parts[index], given: given)
            }
            return (authors, incomplete)
        }
        let authors = parts.map { part -> Author in
            let tokens = words(part)
            if tokens.count > 1, let last = tokens.last, last.count <= 3, last.allSatisfy(\.isUppercase) {
                return Author(family: tokens.dropLast().joined(separator: " "), initials: last)
            }
            return Author(family: tokens.last ?? part, given: tokens.dropLast().joined(separator: " "))
        }
        return (authors, incomplete)
    }
}

@Suite("Gold corpus as report input")
struct RenderGoldCorpusTests {
    @Test("all 44 sources and 348 sentences load, with ids from their names")
    func loadsEverything() throws {
        let corpus = try GoldCorpus.load()
        #expect(corpus.sources.count == 44)
        #expect(corpus.items.count == 348)
        #expect(corpus.sources.first?.id == 1)
        #expect(corpus.sources.last?.id == 44)
        let first = try #require(corpus.items.first)
        #expect(first.sourceID == 1)
        #expect(first.passage.index == 0)
        #expect(first.tags.factors == ["clinical-engagement"])
    }

    @Test("author strings in every layout of the gold metadata become family names and initials")
    func parsesAuthorLayouts() throws {
        let corpus = try GoldCorpus.load()
        #expect(try corpus.source("d1").authors.map(\.display)
            == ["Perreira TA", "Perrier L", "Prokopy M", "Neves-Mera L", "Persaud DD"])
        #expect(try corpus.source("d2").authors.prefix(2).map(\.display) == ["Jeffs L", "Indar A"])
        #expect(try corpus.source("d14").authors.map(\.display)
            == ["Werner RM", "Kolstad JT", "Stuart EA", "Polsky D"])
        #expect(try corpus.source("d26").authors.map(\.display) == ["Spurgeon P", "Clark J", "Wathes R"])
        #expect(try corpus.source("d37").authors.map(\.display) == ["Conway J"])
        #expect(try corpus.source("d15").authors.map(\.display) == ["Weiner BJ", "Shortell SM", "Alexander J"])
        #expect(try corpus.source("d21").authors.map(\.display)
            == ["Provost SM", "Lanham HJ", "Leykum LK", "McDaniel RR", "Pugh J"])
        let pariser = try corpus.source("d28")
        #expect(pariser.authors.map(\.display) == ["Pariser P"])
        #expect(pariser.authorsIncomplete)
        #expect(try corpus.source("d27").authors.isEmpty)
    }
}
