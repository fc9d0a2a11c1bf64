import Testing
@testable import RestockCore

@Suite struct PercentileTests {
    private func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) < 1e-12
    }

    @Test func matchesExcelsPercentileIncAtNinetyPercent() {
        // PERCENTILE.INC({1,2,3,4}, 0.9): h = 3 * 0.9 = 2.7 -> 3 + 0.7 * (4 - 3) = 3.7.
        #expect(close(Percentile.inclusive([1, 2, 3, 4], 0.9), 3.7))
    }

    @Test func matchesMicrosoftsDocumentedExample() {
        // Microsoft's PERCENTILE.INC page: =PERCENTILE.INC({1,3,2,4}, 0.3) = 1.9.
        // h = 3 * 0.3 = 0.9 -> 1 + 0.9 * (2 - 1) = 1.9.
        #expect(close(Percentile.inclusive([1, 3, 2, 4], 0.3), 1.9))
    }

    @Test func medianOfOddCountIsTheMiddleValue() {
        // h = 4 * 0.5 = 2 -> x[2] = 35 exactly.
        #expect(Percentile.inclusive([15, 20, 35, 40, 50], 0.5) == 35)
    }

    @Test func interpolatesBetweenClosestRanks() {
        // {15,20,35,40,50} at 0.4: h = 1.6 -> 20 + 0.6 * 15 = 29 (Excel: 29).
        #expect(close(Percentile.inclusive([15, 20, 35, 40, 50], 0.4), 29))
        // Median of an even count: h = 1.5 over {0,2,5,10} -> 2 + 0.5 * 3 = 3.5.
        #expect(close(Percentile.inclusive([10, 0, 5, 2], 0.5), 3.5))
    }

    @Test func sortsUnorderedInput() {
        #expect(close(Percentile.inclusive([4, 1, 3, 2], 0.9), 3.7))
    }

    @Test func singleValueIsItsOwnPercentile() {
        #expect(Percentile.inclusive([7], 0.5) == 7)
        #expect(Percentile.inclusive([7], 0.9) == 7)
    }

    @Test func endsAreMinimumAndMaximum() {
        #expect(Percentile.inclusive([5, 1, 9], 0) == 1)
        #expect(Percentile.inclusive([5, 1, 9], 1) == 9)
    }

    @Test func emptySampleHasNoPercentile() {
        #expect(Percentile.inclusive([], 0.5) == nil)
    }
}
