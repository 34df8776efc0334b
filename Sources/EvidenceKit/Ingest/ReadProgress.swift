/// How far the parser of the file in progress has read, in bytes of the file as stored
/// (compressed bytes for `.gz`), so that progress and ETA work inside one large file.
///
/// The ingester publishes a counter as a task-local value; readers that support it
/// (`XMLStreamReader`) update it as they consume input. No global state is involved.
public final class ReadProgress: @unchecked Sendable {
    /// Bytes consumed of the current file. Written by the reader, read by the same thread.
    public internal(set) var bytesRead: Int = 0

    public init() {}

    @TaskLocal static var current: ReadProgress?
}
