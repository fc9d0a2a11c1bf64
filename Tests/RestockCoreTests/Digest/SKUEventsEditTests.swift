import Testing
@testable import RestockCore

@Suite struct SKUEventsEditTests {
    @Test func editsApplyInOrderAndTheLaterEditOfAKeyWins() {
        var events = SKUEvents(backorders: ["B0": .init(orderId: "O0", quantity: 1, backorderedDay: 1)])
        events.apply([
            .setBackorder(key: "B1", .init(orderId: "O1", quantity: 2, backorderedDay: 10)),
            .setBackorder(key: "B2", .init(orderId: "O2", quantity: 1, backorderedDay: 11, cancelledDay: 12)),
            .removeBackorder(key: "B2"),
            .setBackorder(key: "B1", .init(orderId: "O1", quantity: 3, backorderedDay: 10, fulfilledDay: 14)),
            .setReceipt(poId: "P1", ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 5, quantity: nil)),
            .setReceipt(poId: "P2", ReceiptFact(supplier: nil, orderedDay: 2, receivedDay: 6, quantity: 7.5)),
            .setLines(orderId: "O1", [.init(day: 9, cancelled: false), .init(day: 9, cancelled: true)]),
        ])
        #expect(events.backorders == [
            "B0": .init(orderId: "O0", quantity: 1, backorderedDay: 1),
            "B1": .init(orderId: "O1", quantity: 3, backorderedDay: 10, fulfilledDay: 14),
        ])
        #expect(events.receipts == [
            "P1": ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 5, quantity: nil),
            "P2": ReceiptFact(supplier: nil, orderedDay: 2, receivedDay: 6, quantity: 7.5),
        ])
        #expect(events.lines == ["O1": [.init(day: 9, cancelled: false), .init(day: 9, cancelled: true)]])
    }

    @Test func aNightsEditsOfAStoredRecordGiveTheRecordBuiltFromTheFinalRows() throws {
        // Night 1: backorders B1 (order O1) and B2 (order O2), receipt P1; O1 has one line.
        let night1 = SKUEvents(
            backorders: ["B1": .init(orderId: "O1", quantity: 2, backorderedDay: 10),
                         "B2": .init(orderId: "O2", quantity: 1, backorderedDay: 11)],
            lines: ["O1": [.init(day: 9, cancelled: false)], "O2": []],
            receipts: ["P1": ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 5, quantity: 3)])
        var stored = try night1.encode().withUnsafeBytes { try SKUEvents.decode($0) }
        // Night 2: B1 is fulfilled, B2 moves to another SKU, O1's line is cancelled, P1 is
        // received a day later with another quantity, P2 and B3 (order O3, no line) are new.
        stored.apply([
            .setBackorder(key: "B1", .init(orderId: "O1", quantity: 2, backorderedDay: 10, fulfilledDay: 13)),
            .removeBackorder(key: "B2"),
            .setReceipt(poId: "P1", ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 6, quantity: 4)),
            .setReceipt(poId: "P2", ReceiptFact(supplier: nil, orderedDay: 2, receivedDay: 8)),
            .setBackorder(key: "B3", .init(orderId: "O3", quantity: 5, backorderedDay: 12)),
            .setLines(orderId: "O1", [.init(day: 9, cancelled: true)]),
            .setLines(orderId: "O3", []),
        ])
        let fresh = SKUEvents(
            backorders: ["B1": .init(orderId: "O1", quantity: 2, backorderedDay: 10, fulfilledDay: 13),
                         "B3": .init(orderId: "O3", quantity: 5, backorderedDay: 12)],
            lines: ["O1": [.init(day: 9, cancelled: true)], "O3": []],
            receipts: ["P1": ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 6, quantity: 4),
                       "P2": ReceiptFact(supplier: nil, orderedDay: 2, receivedDay: 8)])
        // O2 lost its backorder: its lines are still held, but the stored bytes leave it out.
        #expect(stored.lines["O2"] == [])
        #expect(stored.encode() == fresh.encode())
    }
}
