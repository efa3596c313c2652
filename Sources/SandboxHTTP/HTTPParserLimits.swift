/// Sizes past which a request is refused rather than buffered.
public struct HTTPParserLimits: Sendable, Equatable {
    /// The request line alone; past it the answer is 414.
    public var maxRequestLineBytes: Int
    /// Request line plus header fields plus the blank line; past it the answer is 431.
    public var maxHeaderBlockBytes: Int
    /// The decoded body; past it the answer is 413.
    public var maxBodyBytes: Int

    public init(maxRequestLineBytes: Int = 8 * 1024, maxHeaderBlockBytes: Int = 16 * 1024, maxBodyBytes: Int = 1024 * 1024) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBlockBytes = maxHeaderBlockBytes
        self.maxBodyBytes = maxBodyBytes
    }
}
