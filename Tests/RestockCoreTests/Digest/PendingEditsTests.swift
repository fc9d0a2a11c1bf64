import Testing
@testable import RestockCore

@Suite struct PendingEditsTests {
    @Test func takesEachSKUsEditsInOrderWithItsOrdersLinesLast() {
        var pending = PendingEdits()
        pending.append(.setBackorder(key: "B1", .init(orderId: "O1", quantity: 2, backorderedDay: 10)), to: 2)
        pending.setLines(orderId: "O1", [.init(day: 9, cancelled: false), .init(day: 9, cancelled: true)], of: 2)
        pending.append(.removeBackorder(key: "B0"), to: 2)
        pending.append(.setReceipt(poId: "P1", ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 5)), to: 0)
        pending.setLines(orderId: "O7", [], of: 4)
        #expect(pending.count == 3)
        #expect(pending.ids == [0, 2, 4])
        #expect(pending.take(2) == [
            .setBackorder(key: "B1", .init(orderId: "O1", quantity: 2, backorderedDay: 10)),
            .removeBackorder(key: "B0"),
            .setLines(orderId: "O1", [.init(day: 9, cancelled: false), .init(day: 9, cancelled: true)]),
        ])
        #expect(pending.take(4) == [.setLines(orderId: "O7", [])])
        #expect(pending.count == 1)
        #expect(pending.ids == [0])
        #expect(pending.take(0) == [.setReceipt(poId: "P1", ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 5))])
        #expect(pending.count == 0 && pending.ids.isEmpty)
        #expect(pending.take(9).isEmpty)
    }
}
