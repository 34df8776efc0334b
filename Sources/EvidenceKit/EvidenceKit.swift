/// EvidenceKit turns papers into an evidence map for the model of alignment
/// (Pannick, Sevdalis, Athanasiou, BMJ Qual Saf 2016).
///
/// The library is organised as the pipeline it implements:
/// - `Ingest`: format detection and streaming parsers (PubMed XML, JATS, plain text);
/// - `Text`: flattening, normalisation and sentence splitting into passages;
/// - `Tagging`: the codebook (`tags.yml`) and the tagger;
/// - `Index`: the SQLite corpus with full-text search;
/// - `Report`: search results, the evidence map and the evidence summary table.
public enum EvidenceKit {
    /// The tool's version, written into every report manifest.
    public static let version = "0.1.0"
}
