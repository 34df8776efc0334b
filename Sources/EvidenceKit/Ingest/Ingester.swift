import Foundation
import GRDB

/// Reads files into the corpus: detects each file's format, parses it as a stream and
/// stores its records in one transaction per file, so a malformed or interrupted file
/// leaves the corpus as it was before that file while every other file is kept.
public struct Ingester: Sendable {
    public let database: CorpusDatabase
    /// When given, new and rewritten passages are tagged in the same transaction.
    public let tagger: (any PassageTagging)?

    public init(database: CorpusDatabase, tagger: (any PassageTagging)? = nil) {
        self.database = database
        self.tagger = tagger
    }

    /// Ingests the files and folders in `paths`; `progress` is called often (the caller
    /// throttles its display).
    public func ingest(paths: [String], progress: ((IngestProgress) -> Void)? = nil) -> IngestSummary {
        let clock = ContinuousClock()
        let started = clock.now
        var summary = IngestSummary()
        let (files, missing) = InputFiles.expand(paths)
        for path in missing {
            summary.failures.append(
                IngestSummary.Failure(path: path, line: nil, reason: "no such file or folder", message: "\(path): no such file or folder"))
        }
        let bytesTotal = files.reduce(0) { $0 + $1.size }
        var bytesBefore = 0
        for (index, file) in files.enumerated() {
            let counter = ReadProgress()
            var snapshot = IngestProgress(
                fileIndex: index, fileCount: files.count, currentPath: file.path, records: summary.records,
                bytesDone: bytesBefore, bytesTotal: bytesTotal, elapsedSeconds: 0)
            let report = { (records: Int) in
                snapshot.records = records
                snapshot.bytesDone = bytesBefore + min(counter.bytesRead, file.size)
                snapshot.elapsedSeconds = (clock.now - started).seconds
                progress?(snapshot)
            }
            report(summary.records)
            ingestFile(file.path, progress: counter, into: &summary, onRecord: report)
            bytesBefore += file.size
            summary.bytes = bytesBefore
        }
        // Fold the write-ahead log back into the database file: after a large ingest it can
        // be as big as the corpus, and every later read would have to search it.
        _ = try? database.pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        summary.seconds = (clock.now - started).seconds
        return summary
    }

    private func ingestFile(_ path: String, progress: ReadProgress, into summary: inout IngestSummary, onRecord: (Int) -> Void) {
        let parser: any RecordParser
        do {
            switch try FormatDetector.detect(path: path) {
            case .readable(let format):
                parser = Ingester.parser(for: format)
            case .notYetSupported(let name):
                summary.skipped.append(.init(path: path, reason: "\(name) is not supported yet"))
                return
            case .unknown(let reason):
                summary.skipped.append(.init(path: path, reason: "not a format evidence reads (\(reason))"))
                return
            }
        } catch {
            summary.failures.append(Ingester.failure(path: path, error: error))
            return
        }
        var fileSummary = IngestSummary()
        let recordsBefore = summary.records
        let pipeline = RecordPipeline(parser: parser, tagger: tagger, progress: progress)
        do {
            try database.pool.write { db in
                fileSummary = IngestSummary()
                var writer = CorpusWriter(db: db)
                let tagWriter = TagWriter(db: db)
                try pipeline.run(path: path) { event in
                    switch event {
                    case .record(let prepared):
                        fileSummary.records += 1
                        let (outcome, written) = try writer.store(prepared, from: path)
                        switch outcome {
                        case .new: fileSummary.newSources += 1
                        case .updated: fileSummary.updatedSources += 1
                        case .unchanged: fileSummary.unchangedSources += 1
                        }
                        if let written {
                            fileSummary.passages += written.passages.count
                            if let tagger, let tags = prepared.tags {
                                fileSummary.taggedPassages += try tagWriter.record(
                                    tags, of: written, codebookHash: tagger.codebookHash, replacing: false)
                            }
                        }
                    case .delete(let pmids):
                        fileSummary.deletedSources += try writer.delete(pmids: pmids)
                    case .skipped(let line, let reason):
                        let location = line.map { "\(path):\($0)" } ?? path
                        fileSummary.skippedRecords.append(
                            .init(path: path, line: line, reason: reason, message: "\(location): record skipped: \(reason)"))
                    }
                    onRecord(recordsBefore + fileSummary.records)
                }
                try writer.finish()
            }
        } catch {
            summary.failures.append(Ingester.failure(path: path, error: error))
            return
        }
        summary.files += 1
        summary.records += fileSummary.records
        summary.newSources += fileSummary.newSources
        summary.updatedSources += fileSummary.updatedSources
        summary.unchangedSources += fileSummary.unchangedSources
        summary.deletedSources += fileSummary.deletedSources
        summary.passages += fileSummary.passages
        summary.taggedPassages += fileSummary.taggedPassages
        summary.skippedRecords += fileSummary.skippedRecords
    }

    /// The parser for a detected format.
    public static func parser(for format: SourceFormat) -> any RecordParser {
        switch format {
        case .pubmedXML: return PubMedParser()
        case .jats: return JATSParser()
        case .plainText: return PlainTextParser()
        }
    }

    private static func failure(path: String, error: Error) -> IngestSummary.Failure {
        if let error = error as? IngestError {
            switch error {
            case .malformed(_, let line, let reason), .unsafe(_, let line, let reason):
                return .init(path: path, line: line, reason: reason, message: error.description)
            case .unreadable(_, let reason), .unknownFormat(_, let reason):
                return .init(path: path, line: nil, reason: reason, message: error.description)
            }
        }
        let reason = "\(error)"
        return .init(path: path, line: nil, reason: reason, message: "\(path): \(reason)")
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
