/// Applies a codebook to passages.
///
/// Compile once (`Tagger(codebook)`), then call `tag(source:)` for each source: the passages
/// of one source are tagged together so that paragraph- and source-level context
/// requirements can look at the neighbouring passages. A `Tagger` is an immutable value and
/// can be shared between threads.
public struct Tagger: Sendable {
    public let codebook: Codebook
    let compiled: CompiledCodebook
    private let runs: TagRunPool

    public init(_ codebook: Codebook) {
        self.codebook = codebook
        self.compiled = CompiledCodebook(codebook)
        runs = TagRunPool(compiled: compiled)
    }

    /// Tags all passages of one source; the result has one entry per passage, in order.
    public func tag(source passages: [Passage]) -> [PassageTags] {
        runs.withRun(passages: passages, explain: false) { $0.tags() }
    }

    /// Tags a free-standing piece of text as a one-passage source.
    public func tag(text: String) -> PassageTags {
        let passage = Passage(kind: .body, section: "", paragraph: 0, index: 0, text: text, start: 0, end: text.unicodeScalars.count)
        return tag(source: [passage])[0]
    }

    /// A match that was found but did not count, and why: what `evaluate` shows for a false
    /// negative.
    struct Rejection: Hashable {
        var label: String
        var rule: String
        var text: String
        var reason: String
    }

    struct Explained {
        var tags: PassageTags
        var rejections: [Rejection]
    }

    /// Tags a source and says, per passage, which matches did not count and why.
    func tagExplained(source passages: [Passage], explain: Bool) -> [Explained] {
        runs.withRun(passages: passages, explain: explain) { run in
            let tags = run.tags()
            return passages.indices.map { Explained(tags: tags[$0], rejections: explain ? run.rejections[$0] : []) }
        }
    }
}
