import EvidenceKit
import Foundation

/// Shows ingest progress: a live line redrawn at most ten times a second on a terminal,
/// one plain line every few seconds when standard error is a file or pipe, nothing with
/// `--quiet`.
final class ProgressDisplay {
    private let enabled: Bool
    private let live: Bool
    private let interval: Double
    private var lastShown = -1.0
    private var lastLength = 0

    init(quiet: Bool) {
        enabled = !quiet
        live = StandardError.isTerminal
        interval = StandardError.isTerminal ? 0.1 : 5
    }

    func update(_ progress: IngestProgress) {
        guard enabled, progress.elapsedSeconds - lastShown >= interval else { return }
        lastShown = progress.elapsedSeconds
        let line = progress.line
        if live {
            let padding = String(repeating: " ", count: max(0, lastLength - line.count))
            StandardError.write("\r" + line + padding)
            lastLength = line.count
        } else if progress.elapsedSeconds > 0 {
            StandardError.write(line + "\n")
        }
    }

    func finish() {
        if enabled, live, lastLength > 0 {
            StandardError.write("\r" + String(repeating: " ", count: lastLength) + "\r")
        }
    }
}
