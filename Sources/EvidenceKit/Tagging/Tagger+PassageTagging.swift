/// The tagger is what the ingester and `evidence tag` apply to the corpus; the codebook's
/// hash tells them which sources are already tagged with this very codebook.
extension Tagger: PassageTagging {
    public var codebookHash: String { codebook.hash }
}

extension Codebook {
    /// The factors and actors of the codebook, in its order, as report labels.
    public var framework: Framework {
        Framework(
            factors: factors.map { FrameworkLabel(id: $0.id, name: $0.name, description: $0.description) },
            actors: actors.map { FrameworkLabel(id: $0.id, name: $0.name, description: $0.description) })
    }
}
