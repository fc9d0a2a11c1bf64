import Testing
@testable import RestockApp
import RestockCore

@Suite struct EventEditTests {
    @Test func replayingALogAppliesEachEditInOrderLaterWins() throws {
        var log = ByteWriter()
        EventEdit.setBackorder(key: "B1", .init(orderId: "O1", quantity: 2, backorderedDay: 10), into: &log)
        EventEdit.setBackorder(key: "B2", .init(orderId: "O2", quantity: 1, backorderedDay: 11, cancelledDay: 12), into: &log)
        EventEdit.removeBackorder(key: "B2", into: &log)
        EventEdit.setBackorder(key: "B1", .init(orderId: "O1", quantity: 3, backorderedDay: 10, fulfilledDay: 14), into: &log)
        EventEdit.setReceipt(key: "P1", ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 5, quantity: nil), into: &log)
        EventEdit.setReceipt(key: "P2", ReceiptFact(supplier: nil, orderedDay: 2, receivedDay: 6, quantity: 7.5), into: &log)
        EventEdit.setLines(order: "O1", [.init(day: 9, cancelled: false), .init(day: 9, cancelled: true)], into: &log)

        var events = SKUEvents(backorders: ["B0": .init(orderId: "O0", quantity: 1, backorderedDay: 1)])
        try log.bytes.withUnsafeBytes { try EventEdit.apply($0, to: &events) }
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

    @Test func aDamagedLogIsRefused() {
        var events = SKUEvents()
        #expect(throws: DigestError.self) { try [UInt8]([9]).withUnsafeBytes { try EventEdit.apply($0, to: &events) } }
        var log = ByteWriter()
        EventEdit.setBackorder(key: "B1", .init(orderId: "O1", quantity: 2, backorderedDay: 10), into: &log)
        let cut = Array(log.bytes.dropLast(3))
        #expect(throws: DigestError.self) { try cut.withUnsafeBytes { try EventEdit.apply($0, to: &events) } }
    }
}
