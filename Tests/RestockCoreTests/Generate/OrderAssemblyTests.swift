import Testing
@testable import RestockCore

@Suite struct OrderAssemblyTests {
    static func draws(skus: [Int32]) -> [DemandDraw] {
        skus.map { DemandDraw(dayOffset: 0, sku: $0, quantity: 2, priceCents: 199) }
    }

    /// Five lines of one SKU can share no order: five orders of one line each.
    @Test func neverPutsOneSKUTwiceInAnOrder() {
        var lines: [OrderLineRecord] = []
        let orders = OrderAssembly.assemble(day: 20_000, draws: Self.draws(skus: [4, 4, 4, 4, 4])[...],
                                            seed: 9, firstOrder: 100, into: &lines)
        #expect(orders == 5)
        #expect(lines.map(\.order) == [100, 101, 102, 103, 104])
        #expect(lines.allSatisfy { $0.line == 1 })
    }

    @Test func numbersOrdersInTimeOrderWithinTheDay() {
        var lines: [OrderLineRecord] = []
        let orders = OrderAssembly.assemble(day: 20_000, draws: Self.draws(skus: Array(1...400))[...],
                                            seed: 9, firstOrder: 1, into: &lines)
        #expect(lines.count == 400)
        #expect(orders < 400)
        #expect(Set(lines.map(\.sku)).count == 400)
        for (a, b) in zip(lines, lines.dropFirst()) {
            #expect(a.time <= b.time)
            #expect(b.order == a.order ? b.line == a.line + 1 : b.order == a.order + 1 && b.line == 1)
        }
        #expect(lines.allSatisfy { $0.time / 86_400 == 20_000 })
    }

    @Test func dependsOnlyOnSeedDayAndLines() {
        var a: [OrderLineRecord] = []
        var b: [OrderLineRecord] = []
        var c: [OrderLineRecord] = []
        let draws = Self.draws(skus: Array(1...50))
        _ = OrderAssembly.assemble(day: 20_000, draws: draws[...], seed: 9, firstOrder: 1, into: &a)
        _ = OrderAssembly.assemble(day: 20_000, draws: draws[...], seed: 9, firstOrder: 1, into: &b)
        _ = OrderAssembly.assemble(day: 20_001, draws: draws[...], seed: 9, firstOrder: 1, into: &c)
        #expect(a.map(\.time) == b.map(\.time) && a.map(\.sku) == b.map(\.sku))
        #expect(a.map(\.sku) != c.map(\.sku))
    }
}
