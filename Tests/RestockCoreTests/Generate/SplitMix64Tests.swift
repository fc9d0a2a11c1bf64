import Testing
@testable import RestockCore

@Suite struct SplitMix64Tests {
    /// Reference outputs of Vigna's splitmix64.c started from x = 0 (first three calls),
    /// recomputed with an independent transcription of the algorithm.
    @Test func matchesTheReferenceOutputsFromStateZero() {
        var rng = SplitMix64(state: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
    }

    /// Same algorithm from x = 1234567: 6457827717110365317, 3203168211198807973.
    @Test func matchesTheReferenceOutputsFromAnotherState() {
        var rng = SplitMix64(state: 1_234_567)
        #expect(rng.next() == 6_457_827_717_110_365_317)
        #expect(rng.next() == 3_203_168_211_198_807_973)
    }

    @Test func derivesDifferentStreamsForDifferentKeysAndSeeds() {
        var a = SplitMix64(seed: 1, stream: 0)
        var b = SplitMix64(seed: 1, stream: 1)
        var c = SplitMix64(seed: 2, stream: 0)
        var a2 = SplitMix64(seed: 1, stream: 0)
        let first = a.next()
        #expect(first != b.next())
        #expect(first != c.next())
        #expect(first == a2.next())
    }

    @Test func drawsIntegersInsideTheRangeAndReachesBothEnds() {
        var rng = SplitMix64(state: 42)
        var seen = Set<Int>()
        for _ in 0..<1_000 {
            let value = rng.integer(in: 3...7)
            #expect((3...7).contains(value))
            seen.insert(value)
        }
        #expect(seen == [3, 4, 5, 6, 7])
    }

    /// A Poisson(3) sample of 20,000 has standard error sqrt(3 / 20000) = 0.012 for its mean;
    /// 0.06 is five standard errors. Geometric with mean 2.5 has sd sqrt(2.5 * 1.5) = 1.94,
    /// standard error 0.014.
    @Test func poissonAndGeometricDrawsHaveTheirMeans() {
        var rng = SplitMix64(state: 7)
        let n = 20_000
        let poisson = (0..<n).reduce(0) { sum, _ in sum + rng.poisson(mean: 3) }
        #expect(abs(Double(poisson) / Double(n) - 3) < 0.06)
        let geometric = (0..<n).reduce(0) { sum, _ in sum + rng.geometric(mean: 2.5) }
        #expect(abs(Double(geometric) / Double(n) - 2.5) < 0.07)
        #expect(rng.poisson(mean: 0) == 0)
        #expect(rng.geometric(mean: 1) == 1)
    }
}
