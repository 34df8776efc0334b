import Foundation

/// The bibliographic part of a record as stored in `source.metadata`: JSON without the
/// text, which lives in the paragraph and passage tables.
///
/// Encoding writes the JSON directly, with the keys Foundation's encoder would write in
/// sorted order and absent values left out, so `decode` reads it with the synthesised
/// `Decodable`. `JSONEncoder` cost a twentieth of a baseline-sized ingest.
enum MetadataCoding {
    static func encode(_ record: SourceRecord) -> String {
        var members: [(String, JSONValue)] = [
            ("authorListIncomplete", .bool(record.authorListIncomplete)),
            ("authors", .array(record.authors.map(author))),
            ("blocks", .array([])),
        ]
        func add(_ key: String, _ value: String?) {
            if let value { members.append((key, .string(value))) }
        }
        add("doi", record.doi)
        add("format", record.format.rawValue)
        add("issue", record.issue)
        add("journal", record.journal)
        add("journalAbbreviation", record.journalAbbreviation)
        members.append(("keywords", .strings(record.keywords)))
        add("language", record.language)
        add("licence", record.licence)
        members.append(("meshHeadings", .strings(record.meshHeadings)))
        add("pages", record.pages)
        add("pmcid", record.pmcid)
        add("pmid", record.pmid)
        members.append(("publicationTypes", .strings(record.publicationTypes)))
        members.append(("references", .array([])))
        add("title", record.title)
        add("volume", record.volume)
        if let year = record.year { members.append(("year", .int(year))) }
        return JSONValue.object(members).serialized()
    }

    static func decode(_ json: String) throws -> SourceRecord {
        try JSONDecoder().decode(SourceRecord.self, from: Data(json.utf8))
    }

    private static func author(_ author: Author) -> JSONValue {
        let fields = [
            ("collective", author.collective), ("family", author.family), ("given", author.given),
            ("initials", author.initials),
        ]
        return .object(fields.compactMap { key, value in value.map { (key, JSONValue.string($0)) } })
    }
}
