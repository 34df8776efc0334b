/// What the ingester needs of a tagger: labels for the passages of one source, and a
/// fingerprint of the codebook so that unchanged passages are not tagged again.
public protocol PassageTagging: Sendable {
    var codebookHash: String { get }
    func tag(source passages: [Passage]) -> [PassageTags]
}
