/// A fast 64-bit hash of a byte stream, written here: it fingerprints an input file's whole
/// content, so that a re-export with the same name, size and modification time but a
/// changed byte is read again (README, "Reliability").
///
/// The construction is xxHash64's (Yann Collet, <https://github.com/Cyan4973/xxHash>,
/// `doc/xxhash_spec.md`): four lanes each take every fourth 8-byte little-endian word with
/// `acc = rotl(acc + word x P2, 31) x P1`, the lanes are merged, the last bytes mixed in and
/// the result avalanched. Each round is a bijection of its lane for a fixed word, so one
/// changed word always changes its lane; two contents collide with a chance of about 2^-64.
/// The four independent lanes run at several bytes per cycle. It is not byte-compatible
/// with xxHash64 (no seed, the tail is mixed per byte), and not a cryptographic hash.
public struct ContentHash: Sendable {
    static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var a: UInt64 = p1 &+ p2
    private var b: UInt64 = p2
    private var c: UInt64 = 0
    private var d: UInt64 = 0 &- p1
    /// Bytes of a block of 32 not yet hashed (fewer than 32).
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    public init() {}

    /// Adds `bytes` to the stream.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var start = 0
        if !pending.isEmpty {
            let take = min(32 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            start = take
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { blocks($0) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = (bytes.count - start) / 32 * 32
        blocks(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + whole)]))
        pending.append(contentsOf: bytes[(start + whole)...])
    }

    /// The hash of everything added.
    public func finish() -> UInt64 {
        var h = (a << 1 | a >> 63) &+ (b << 7 | b >> 57) &+ (c << 12 | c >> 52) &+ (d << 18 | d >> 46)
        for lane in [a, b, c, d] {
            h = (h ^ Self.round(0, lane)) &* Self.p1 &+ Self.p4
        }
        h &+= length
        for byte in pending {
            h ^= UInt64(byte) &* Self.p5
            h = (h << 11 | h >> 53) &* Self.p1
        }
        h ^= h >> 33
        h &*= Self.p2
        h ^= h >> 29
        h &*= Self.p3
        h ^= h >> 32
        return h
    }

    /// The hash of `bytes` alone.
    public static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.update($0) }
        return hash.finish()
    }

    @inline(__always)
    private static func round(_ acc: UInt64, _ word: UInt64) -> UInt64 {
        let x = acc &+ word &* p2
        return (x << 31 | x >> 33) &* p1
    }

    /// Hashes whole blocks of 32 bytes (`bytes.count` is a multiple of 32).
    private mutating func blocks(_ bytes: UnsafeRawBufferPointer) {
        var a = self.a, b = self.b, c = self.c, d = self.d
        var i = 0
        let n = bytes.count
        while i < n {
            a = Self.round(a, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            b = Self.round(b, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
            c = Self.round(c, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
            d = Self.round(d, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
            i += 32
        }
        self.a = a; self.b = b; self.c = c; self.d = d
    }
}
