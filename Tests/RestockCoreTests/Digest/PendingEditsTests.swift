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

    @Test func editsTakenStillEncodedDecodeOnAnotherThreadToWhatTakeGives() async {
        func filled() -> PendingEdits {
            var pending = PendingEdits()
            pending.append(.setBackorder(key: "B1", .init(orderId: "O1", quantity: 2, backorderedDay: 10, cancelledDay: 12)), to: 1)
            pending.setLines(orderId: "O1", [.init(day: 9, cancelled: false)], of: 1)
            pending.append(.setReceipt(poId: "P1", ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 5, quantity: 3)), to: 1)
            pending.append(.removeBackorder(key: "B0"), to: 0)
            return pending
        }
        var byTake = filled(), byHeld = filled()
        let held = byHeld.takeHeld(1)
        // Taken out at once: the count and bytes drop as with `take`.
        let expected = byTake.take(1)
        #expect(byHeld.count == byTake.count && byHeld.count == 1)
        #expect(byHeld.byteCount == byTake.byteCount)
        #expect(byHeld.ids == [0])
        let decoded = await Task.detached { held.edits }.value
        #expect(decoded == expected)
        #expect(expected.count == 3)
        #expect(byHeld.takeHeld(7).edits.isEmpty)
    }

    @Test func holdsEditsEncodedAndCountsTheirBytesByHand() {
        var pending = PendingEdits()
        // u8 tag, key "B1" (4 + 2), order "O1" (4 + 2), quantity f64 8, three days of 4: 33 bytes.
        pending.append(.setBackorder(key: "B1", .init(orderId: "O1", quantity: 2.5, backorderedDay: -3,
                                                      fulfilledDay: 40_000, cancelledDay: nil)), to: 1)
        #expect(pending.byteCount == 33)
        // u8 tag and "B0": 7 bytes.
        pending.append(.removeBackorder(key: "B0"), to: 1)
        #expect(pending.byteCount == 40)
        // u8 tag, "P1" (6), supplier number i32, two days, u8 flag and quantity f64: 28 bytes;
        // without a quantity 20; a second receipt of the same supplier shares its name.
        pending.append(.setReceipt(poId: "P1", ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 5, quantity: 12)), to: 0)
        pending.append(.setReceipt(poId: "P2", ReceiptFact(supplier: "Acme", orderedDay: 2, receivedDay: 9)), to: 0)
        pending.append(.setReceipt(poId: "P3", ReceiptFact(supplier: nil, orderedDay: 3, receivedDay: 3)), to: 0)
        #expect(pending.byteCount == 40 + 28 + 20 + 20)
        // An order's lines given as an edit: u8 tag, "O9" (6), count i32, 5 bytes a line: 21 bytes.
        pending.append(.setLines(orderId: "O9", [.init(day: 7, cancelled: true), .init(day: 8, cancelled: false)]), to: 0)
        #expect(pending.byteCount == 108 + 21)
        #expect(pending.count == 6)
        // Taken back exactly as given (a quantity's bits, a day before 1970, none where none).
        #expect(pending.take(0) == [
            .setReceipt(poId: "P1", ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 5, quantity: 12)),
            .setReceipt(poId: "P2", ReceiptFact(supplier: "Acme", orderedDay: 2, receivedDay: 9)),
            .setReceipt(poId: "P3", ReceiptFact(supplier: nil, orderedDay: 3, receivedDay: 3)),
            .setLines(orderId: "O9", [.init(day: 7, cancelled: true), .init(day: 8, cancelled: false)]),
        ])
        #expect(pending.byteCount == 40 && pending.count == 2)
        #expect(pending.take(1) == [
            .setBackorder(key: "B1", .init(orderId: "O1", quantity: 2.5, backorderedDay: -3, fulfilledDay: 40_000, cancelledDay: nil)),
            .removeBackorder(key: "B0"),
        ])
        #expect(pending.byteCount == 0 && pending.count == 0 && pending.ids.isEmpty)
        // Text beyond ASCII keeps its bytes: "Bé" is 3 bytes of UTF-8.
        pending.append(.removeBackorder(key: "Bé"), to: 3)
        #expect(pending.byteCount == 8)
        #expect(pending.take(3) == [.removeBackorder(key: "Bé")])
    }

    @Test func anEditsSizeIsWhatHoldingItAddsToByteCount() {
        // The sizes counted by hand above, told before the edit is held (a writer that hands its
        // edits to another thread bounds them with these).
        let edits: [(SKUEvents.Edit, Int)] = [
            (.setBackorder(key: "B1", .init(orderId: "O1", quantity: 2.5, backorderedDay: -3, fulfilledDay: 40_000)), 33),
            (.removeBackorder(key: "Bé"), 8),
            (.setReceipt(poId: "P1", ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 5, quantity: 12)), 28),
            (.setReceipt(poId: "P3", ReceiptFact(supplier: nil, orderedDay: 3, receivedDay: 3)), 20),
            (.setLines(orderId: "O9", [.init(day: 7, cancelled: true), .init(day: 8, cancelled: false)]), 21),
        ]
        var pending = PendingEdits()
        for (edit, size) in edits {
            #expect(PendingEdits.encodedSize(of: edit) == size)
            let before = pending.byteCount
            pending.append(edit, to: 0)
            #expect(pending.byteCount - before == size)
        }
    }
}
