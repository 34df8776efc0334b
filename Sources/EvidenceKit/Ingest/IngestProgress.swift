/// A snapshot of a running ingest, for progress displays.
public struct IngestProgress: Sendable {
    public var fileIndex: Int
    public var fileCount: Int
    public var currentPath: String
    public var records: Int
    /// Bytes of input (as stored on disk) consumed so far, over all files.
    public var bytesDone: Int
    public var bytesTotal: Int
    public var elapsedSeconds: Double

    /// Megabytes per second of input so far.
    public var megabytesPerSecond: Double {
        elapsedSeconds > 0 ? Double(bytesDone) / 1_000_000 / elapsedSeconds : 0
    }

    /// Estimated seconds left, from the rate so far; nil until there is a rate.
    public var secondsRemaining: Double? {
        guard bytesDone > 0, elapsedSeconds > 0.2, bytesTotal >= bytesDone else { return nil }
        return Double(bytesTotal - bytesDone) / (Double(bytesDone) / elapsedSeconds)
    }
}
