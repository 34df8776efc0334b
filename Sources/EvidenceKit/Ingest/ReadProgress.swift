import Foundation

/// How far the parser of the file in progress has read, in bytes of the file as stored
/// (compressed bytes for `.gz`), so that progress and ETA work inside one large file.
///
/// The ingester publishes a counter as a task-local value; readers that support it
/// (`XMLStreamReader`) update it as they consume input. The parser runs on its own thread
/// while the ingester reports progress, hence the lock. No global state is involved.
public final class ReadProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = 0

    public init() {}

    /// Bytes consumed of the current file.
    public internal(set) var bytesRead: Int {
        get { lock.withLock { bytes } }
        set { lock.withLock { bytes = newValue } }
    }

    @TaskLocal static var current: ReadProgress?
}
