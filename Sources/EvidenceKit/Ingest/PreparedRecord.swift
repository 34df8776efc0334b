/// A parsed record with everything that can be worked out without the corpus: its keys,
/// fingerprint, passages, labels and stored metadata.
///
/// Preparing is half the work of an ingest and needs no database, so `RecordPipeline` does
/// it on a second core while the first one writes. A record that turns out to be unchanged
/// was tagged for nothing; that costs a re-ingest some CPU but no time on two cores.
struct PreparedRecord: Sendable {
    var record: SourceRecord
    var keys: SourceKeys
    var contentHash: String
    var richness: Int
    /// The sentence passages of `record.blocks`, in order.
    var passages: [Passage]
    /// The labels of `passages`, in the same order; nil when the ingest does not tag.
    var tags: [PassageTags]?
    /// `record` as stored in `source.metadata`.
    var metadata: String

    init(_ record: SourceRecord, tagger: (any PassageTagging)?) {
        self.record = record
        keys = SourceKeys(record: record)
        contentHash = record.contentHash
        richness = record.richness
        passages = PassageBuilder.passages(for: record)
        tags = tagger?.tag(source: passages)
        metadata = MetadataCoding.encode(record)
    }
}

/// A parse event with its record prepared.
enum PreparedEvent: Sendable {
    case record(PreparedRecord)
    case delete(pmids: [String])
    case skipped(line: Int?, reason: String)

    init(_ event: ParseEvent, tagger: (any PassageTagging)?) {
        switch event {
        case .record(let record): self = .record(PreparedRecord(record, tagger: tagger))
        case .delete(let pmids): self = .delete(pmids: pmids)
        case .skipped(let line, let reason): self = .skipped(line: line, reason: reason)
        }
    }

    /// The UTF-8 bytes of the record's text, the measure of the memory it holds.
    var textBytes: Int {
        guard case .record(let prepared) = self else { return 0 }
        return prepared.record.textBytes
    }
}
