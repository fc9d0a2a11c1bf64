import Testing
@testable import RestockCore

@Suite struct PolicyRandomTests {
    @Test func peekReadsTheDrawsNextWouldReturnWithoutTakingThem() {
        var drawn = PolicyRandom(seed: 0xC0FFEE)
        let peeked = drawn
        let draws = (0..<10).map { _ in drawn.next() }
        for (i, draw) in draws.enumerated() {
            #expect(peeked.peek(UInt64(i + 1)) == draw)
        }
    }

    @Test func skipMovesOnAsManyDrawsAsNextWould() {
        var skipped = PolicyRandom(seed: 42)
        var drawn = skipped
        skipped.skip(7)
        for _ in 0..<7 { _ = drawn.next() }
        #expect(skipped.next() == drawn.next())
        skipped.skip(0)
        #expect(skipped.next() == drawn.next())
    }
}
