import Testing
@testable import RestockCore

@Suite struct SKUEventsTests {
    /// Two backorders of order O1 (split), one of O2 without any order line, and receipts.
    static let sample = SKUEvents(
        backorders: [
            "B1": .init(orderId: "O1", quantity: 2, backorderedDay: 10, fulfilledDay: 15),
            "B2": .init(orderId: "O1", quantity: 1, backorderedDay: 8),
            "B3": .init(orderId: "O2", quantity: 4, backorderedDay: 12, cancelledDay: 20),
        ],
        lines: ["O1": [.init(day: 7, cancelled: false), .init(day: 7, cancelled: true)], "Gone": [.init(day: 1, cancelled: false)]],
        receipts: [
            "P2": ReceiptFact(supplier: "Acme", orderedDay: 3, receivedDay: 9, quantity: 50),
            "P1": ReceiptFact(supplier: nil, orderedDay: 1, receivedDay: 9, quantity: nil),
            "P3": ReceiptFact(supplier: "Acme", orderedDay: 4, receivedDay: 5, quantity: 10),
        ])

    @Test func encodingRoundTripsKeysAndDropsOrdersWithoutABackorder() throws {
        let bytes = Self.sample.encode()
        let back = try bytes.withUnsafeBytes { try SKUEvents.decode($0) }
        var expected = Self.sample
        expected.lines["Gone"] = nil
        expected.lines["O2"] = []
        #expect(back == expected)
        // The same content always gives the same bytes.
        #expect(back.encode() == bytes)
    }

    @Test func factsSetMatchedAndCountEachNonCancelledLineFromItsFirstBackorder() throws {
        let facts = try Self.sample.encode().withUnsafeBytes { try SKUEvents.facts($0) }
        #expect(facts.backorders.map(\.backorderedDay) == [8, 10, 12])
        #expect(facts.backorders.map(\.orderId) == ["O1", "O1", "O2"])
        #expect(facts.backorders.map(\.matched) == [true, true, false])
        #expect(facts.backorders[1].fulfilledDay == 15 && facts.backorders[2].cancelledDay == 20)
        // O1 has one non-cancelled line (day 7); its earliest backorder is day 8.
        #expect(facts.backorderedLines == [SKUEvents.BackorderedLine(day: 7, firstBackorderDay: 8)])
        // Oldest first: received 5, then received 9 ordered 1, then received 9 ordered 3.
        #expect(facts.receipts.map(\.orderedDay) == [4, 1, 3])
        #expect(facts.receipts.map(\.supplier) == ["Acme", nil, "Acme"])
        #expect(facts.receipts.map(\.quantity) == [10, nil, 50])
    }

    @Test func refusesTrailingOrTruncatedBytes() {
        var bytes = Self.sample.encode()
        bytes.append(0)
        #expect(throws: DigestError.self) { try bytes.withUnsafeBytes { _ = try SKUEvents.decode($0) } }
        bytes.removeLast(5)
        #expect(throws: DigestError.self) { try bytes.withUnsafeBytes { _ = try SKUEvents.facts($0) } }
    }
}
