// Little-endian byte encoding for the store's per-SKU digests (`DailyTotalsBlock+Codec`,
// `SKUEventsCodec`, each with its layout): the field types those layouts are made of.
//
// | Type   | Size  | Encoding                                                              |
// |--------|-------|-----------------------------------------------------------------------|
// | u8     | 1     | unsigned byte                                                         |
// | i32    | 4     | signed two's complement, little-endian                                |
// | f64    | 8     | IEEE 754 binary64, bit pattern little-endian                          |
// | day    | 4     | i32: days since 1970-01-01                                            |
// | day?   | 4     | i32: a day, or -2147483648 (`Int32.min`) for none                     |
// | string | 4 + n | i32 byte count n, then n bytes of UTF-8                               |

/// Where the layouts' field types go: bytes (`ByteWriter`) or only their count (`ByteCounter`),
/// so that one encoding function both writes a value and says how many bytes it takes.
public protocol ByteSink {
    mutating func u8(_ v: UInt8)
    mutating func i32(_ v: Int32)
    mutating func f64(_ v: Double)
    mutating func day(_ d: Int)
    mutating func optionalDay(_ d: Int?)
    mutating func string(_ s: String)
}

/// Counts the bytes a `ByteWriter` would append, without writing them.
public struct ByteCounter: ByteSink, Sendable {
    public private(set) var count = 0
    public init() {}
    public mutating func u8(_ v: UInt8) { count += 1 }
    public mutating func i32(_ v: Int32) { count += 4 }
    public mutating func f64(_ v: Double) { count += 8 }
    public mutating func day(_ d: Int) { count += 4 }
    public mutating func optionalDay(_ d: Int?) { count += 4 }
    public mutating func string(_ s: String) { count += 4 + s.utf8.count }
}

/// Appends values to a byte array.
public struct ByteWriter: ByteSink, Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public mutating func u8(_ v: UInt8) { bytes.append(v) }

    public mutating func i32(_ v: Int32) {
        withUnsafeBytes(of: UInt32(bitPattern: v).littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func u64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func f64(_ v: Double) { u64(v.bitPattern) }

    /// A day number; must fit 32 bits (any date within ±5 million years does).
    public mutating func day(_ d: Int) { i32(Int32(truncatingIfNeeded: d)) }

    /// An optional day: none is written as `Int32.min` (the layouts' "day?").
    public mutating func optionalDay(_ d: Int?) { i32(d.map { Int32(truncatingIfNeeded: $0) } ?? Int32.min) }

    /// A length-prefixed UTF-8 string.
    public mutating func string(_ s: String) {
        i32(Int32(s.utf8.count))
        bytes.append(contentsOf: s.utf8)
    }

    /// Copies `range` of `source` as it is (a value already in this encoding).
    public mutating func copy(_ source: UnsafeRawBufferPointer, _ range: Range<Int>) {
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: source[range]))
    }
}

/// Reads values back from bytes written by `ByteWriter`, checking every bound.
public struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    public private(set) var offset = 0

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public var isAtEnd: Bool { offset >= bytes.count }

    @inline(__always)
    private mutating func take(_ n: Int) throws(DigestError) -> Int {
        guard n >= 0, bytes.count - offset >= n else { throw shortage(n) }
        defer { offset += n }
        return offset
    }

    /// The error of `take` (kept out of line, so that `take` inlines).
    @inline(never)
    private func shortage(_ n: Int) -> DigestError { DigestError("needs \(n) bytes at \(offset) of \(bytes.count)") }

    public mutating func u8() throws(DigestError) -> UInt8 { bytes[try take(1)] }

    public mutating func i32() throws(DigestError) -> Int32 {
        let at = try take(4)
        return Int32(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
    }

    public mutating func u64() throws(DigestError) -> UInt64 {
        let at = try take(8)
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    public mutating func f64() throws(DigestError) -> Double { Double(bitPattern: try u64()) }

    public mutating func day() throws(DigestError) -> Int { Int(try i32()) }

    public mutating func optionalDay() throws(DigestError) -> Int? {
        let v = try i32()
        return v == Int32.min ? nil : Int(v)
    }

    /// A count written with `i32`, checked to be plausible for the bytes left.
    public mutating func count(minimumBytesEach: Int) throws(DigestError) -> Int {
        let n = Int(try i32())
        guard n >= 0, n * max(minimumBytesEach, 0) <= bytes.count - offset else { throw DigestError("bad count \(n) at \(offset)") }
        return n
    }

    /// Skips `n` bytes.
    public mutating func skip(_ n: Int) throws(DigestError) { _ = try take(n) }

    /// Skips a string written with `ByteWriter.string`.
    public mutating func skipString() throws(DigestError) {
        let n = try count(minimumBytesEach: 1)
        _ = try take(n)
    }

    /// Where a string written with `ByteWriter.string` lies, its byte count included.
    public mutating func stringRange() throws(DigestError) -> Range<Int> {
        let start = offset
        try skipString()
        return start..<offset
    }

    /// A string written with `ByteWriter.string`.
    public mutating func string() throws(DigestError) -> String {
        let n = try count(minimumBytesEach: 1)
        let at = try take(n)
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
    }
}
