/// The seeded pseudo-random generator behind `restock generate`: SplitMix64.
///
/// Guy L. Steele Jr., Doug Lea and Christine H. Flood, "Fast Splittable Pseudorandom Number
/// Generators", OOPSLA 2014 (the generator of Java's `SplittableRandom`); constants as in
/// Sebastiano Vigna's public-domain `splitmix64.c`:
///
///     state += 0x9E3779B97F4A7C15
///     z = state
///     z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
///     z = (z ^ (z >> 27)) * 0x94D049BB133111EB
///     return z ^ (z >> 31)
///
/// 64 bits of state, period 2^64, passes BigCrush; plenty for synthetic data. Every stream of
/// the generator (one per SKU, supplier or day) is derived from the run's seed and a stream
/// key with ``SplitMix64/init(seed:stream:)``, so the output never depends on which thread
/// draws which stream.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The generator's whole state.
    public private(set) var state: UInt64

    /// A generator that starts from `state` as given (the reference algorithm's seeding).
    public init(state: UInt64) {
        self.state = state
    }

    /// An independent stream for `stream` under `seed`: the state is
    /// `mix(seed ^ mix(stream + golden))`, so nearby stream keys start far apart.
    public init(seed: UInt64, stream: UInt64) {
        self.state = SplitMix64.mix(seed ^ SplitMix64.mix(stream &+ SplitMix64.golden))
    }

    /// The golden-ratio increment 2^64 / phi, rounded to odd.
    public static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The output function: a bijective 64-bit finaliser (variant 13 of Stafford's mixers).
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= SplitMix64.golden
        return SplitMix64.mix(state)
    }
}
