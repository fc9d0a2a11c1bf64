import Testing
@testable import RestockCore

@Suite struct WholeUnitCountsTests {
    static func counts(_ values: [Double]) -> WholeUnitCounts? {
        values.withUnsafeBufferPointer {
            WholeUnitCounts($0, least: values.min() ?? 0, largest: values.max() ?? 0)
        }
    }

    @Test func answersAsAPassOverTheValuesDoes() throws {
        var random = PolicyRandom(seed: 3)
        let values = (0..<2_000).map { _ in Double(random.next() % 90) }
        let counts = try #require(Self.counts(values))
        let sorted = values.sorted()
        for k in [0, 1, 500, 1_899, 1_999] { #expect(counts.kthSmallest(k) == sorted[k]) }
        for limit in [-1, 0, 12.000000001, 45.5, 89, 200] {
            #expect(counts.count(atMost: limit) == values.count(where: { $0 <= limit }))
        }
        for r in [-3.0, 0, 17, 89, 90, 1_000] {
            let serial = values.reduce(0.0) { $0 + max(0, $1 - r) }
            #expect(counts.excessSum(over: r) == serial)
        }
    }

    @Test func declinesWhatItCannotAnswerExactly() throws {
        #expect(Self.counts([1, 2.5, 3]) == nil)
        #expect(Self.counts([1, -1]) == nil)
        #expect(Self.counts([1, Double(WholeUnitCounts.maxValue + 1)]) == nil)
        let counts = try #require(Self.counts([1, 2, 3]))
        #expect(counts.excessSum(over: 1.5) == nil)
        #expect(counts.excessSum(over: 0x1p60) == nil)
    }
}
