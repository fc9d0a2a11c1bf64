/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): the seeded generator of the reorder-point simulation, so that the same
/// inputs always give the same reorder point.
/// The generator is the project's one `SplitMix64`, started from the seed as given.
struct PolicyRandom: Sendable {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(state: seed) }

    /// The next 64 random bits.
    mutating func next() -> UInt64 { generator.next() }

    /// The bits that the `ahead`-th call of `next()` from here would return (1 is the next
    /// one), without drawing them: SplitMix64's outputs are a function of a counter, so
    /// draws can be read out of order and skipped.
    @inline(__always)
    func peek(_ ahead: UInt64) -> UInt64 {
        SplitMix64.mix(generator.state &+ ahead &* SplitMix64.golden)
    }

    /// Moves on by `count` draws, as `count` calls of `next()` would.
    @inline(__always)
    mutating func skip(_ count: UInt64) {
        generator = SplitMix64(state: generator.state &+ count &* SplitMix64.golden)
    }
}

/// FNV-1a (64-bit) over the inputs of one SKU: the seed of its `PolicyRandom`.
struct PolicyInputHash: Sendable {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func combine(_ word: UInt64) {
        var w = word
        for _ in 0..<8 {
            value ^= w & 0xFF
            value = value &* 0x0000_0100_0000_01B3
            w >>= 8
        }
    }
    mutating func combine(_ x: Double) { combine(x.bitPattern) }
    mutating func combine(_ x: Int) { combine(UInt64(bitPattern: Int64(x))) }
}
