import Foundation

/// The files of a one-shot report, written all or nothing: everything is first written into
/// a staging folder beside the output folder and only moved into place when every file was
/// written, so a failure never leaves a half-written report.
public struct ReportBundle: Sendable {
    public let table: SummaryTable
    public let map: EvidenceMap
    public let style: CitationStyle

    public init(table: SummaryTable, map: EvidenceMap, style: CitationStyle) {
        self.table = table
        self.map = map
        self.style = style
    }

    /// The report's files by name, manifest excluded.
    public var files: [(name: String, contents: String)] {
        var files: [(String, String)] = []
        for format in [ReportFormat.markdown, .csv, .html] {
            files.append(("summary-table.\(format.fileExtension)", table.render(format, style: style)))
        }
        for format in [ReportFormat.markdown, .csv, .html] {
            files.append(("evidence-map.\(format.fileExtension)", map.render(format, style: style)))
        }
        files.append(("references.txt", table.references.text(style: style)))
        files.append(("references.ris", table.references.ris()))
        return files
    }

    /// Writes the files and `manifest` into `directory` (created when missing); returns the
    /// paths written.
    @discardableResult
    public func write(to directory: URL, manifest: (_ fileNames: [String]) -> ReportManifest) throws -> [String] {
        let manager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(directory.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            defer { try? manager.removeItem(at: staging) }
            var names: [String] = []
            for (name, contents) in files {
                try Data(contents.utf8).write(to: staging.appendingPathComponent(name))
                names.append(name)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let manifestData = try encoder.encode(manifest(names + ["manifest.json"]))
            try manifestData.write(to: staging.appendingPathComponent("manifest.json"))
            names.append("manifest.json")
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            var written: [String] = []
            for name in names {
                let target = directory.appendingPathComponent(name)
                if manager.fileExists(atPath: target.path) {
                    _ = try manager.replaceItemAt(target, withItemAt: staging.appendingPathComponent(name))
                } else {
                    try manager.moveItem(at: staging.appendingPathComponent(name), to: target)
                }
                written.append(target.path)
            }
            return written
        } catch {
            throw ReportError.cannotWrite(path: directory.path, reason: "\(error.localizedDescription)")
        }
    }
}
