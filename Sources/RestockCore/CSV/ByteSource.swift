/// Where a `CSVScanner` gets its bytes from, a chunk at a time.
protocol ByteSource: AnyObject {
    /// Reads up to `count` (> 0) bytes into `buffer`; returns how many, 0 at the end.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(CSVError) -> Int
}

extension ReadableFile: ByteSource {}

/// Bytes in memory handed out at most `limit` at a time, so that tests and the fuzzer can
/// put chunk boundaries (and short reads) anywhere without touching the file system.
final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private let limit: Int
    private var offset = 0

    init(_ bytes: [UInt8], limit: Int) {
        self.bytes = bytes
        self.limit = max(limit, 1)
    }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(CSVError) -> Int {
        let n = min(count, limit, bytes.count - offset)
        if n > 0 {
            bytes.withUnsafeBytes { source in
                buffer.copyMemory(from: source.baseAddress! + offset, byteCount: n)
            }
            offset += n
        }
        return n
    }
}
