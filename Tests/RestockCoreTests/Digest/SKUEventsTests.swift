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

    @Test func theFirstPassReadsTheReceiptsAndTheBackorderedDaysSpanAlone() throws {
        let pass = try Self.sample.encode().withUnsafeBytes { try SKUEventsCodec.receiptsAndBackorderDays($0) }
        // Backordered on days 10, 8 and 12; the receipts as `facts` reads them.
        #expect(pass.backorderDays == 8...12)
        let facts = try Self.sample.encode().withUnsafeBytes { try SKUEvents.facts($0) }
        #expect(pass.receipts == facts.receipts)
        let none = try SKUEvents().encode().withUnsafeBytes { try SKUEventsCodec.receiptsAndBackorderDays($0) }
        #expect(none.backorderDays == nil && none.receipts.isEmpty)
        var damaged = Self.sample.encode()
        damaged.append(0)
        #expect(throws: DigestError.self) { try damaged.withUnsafeBytes { try SKUEventsCodec.receiptsAndBackorderDays($0) } }
    }

    /// Order O1 with one line (day 10); backorder B of O1 (2 units, day 11, fulfilled 12);
    /// supplier S; receipt P from S (ordered day 1, received day 5, 4 units).
    static let handWritten: [UInt8] = [
        1,                                          // format
        1, 0, 0, 0,                                 // 1 order
        2, 0, 0, 0, 0x4F, 0x31,                     //   "O1"
        1, 0, 0, 0,                                 //   1 line
        10, 0, 0, 0, 0,                             //     day 10, not cancelled
        1, 0, 0, 0,                                 // 1 backorder
        1, 0, 0, 0, 0x42,                           //   key "B"
        0, 0, 0, 0,                                 //   order 0
        0, 0, 0, 0, 0, 0, 0, 0x40,                  //   2.0 = 0x4000000000000000
        11, 0, 0, 0,                                //   backordered day 11
        12, 0, 0, 0,                                //   fulfilled day 12
        0, 0, 0, 0x80,                              //   not cancelled (Int32.min)
        1, 0, 0, 0,                                 // 1 supplier
        1, 0, 0, 0, 0x53,                           //   "S"
        1, 0, 0, 0,                                 // 1 receipt
        1, 0, 0, 0, 0x50,                           //   po_id "P"
        0, 0, 0, 0,                                 //   supplier 0
        1, 0, 0, 0,                                 //   ordered day 1
        5, 0, 0, 0,                                 //   received day 5
        1,                                          //   quantity given
        0, 0, 0, 0, 0, 0, 0x10, 0x40,               //   4.0 = 0x4010000000000000
    ]

    @Test func decodesAHandWrittenRecordBothWaysAndEncodesItBackByteForByte() throws {
        let events = try Self.handWritten.withUnsafeBytes { try SKUEvents.decode($0) }
        #expect(events == SKUEvents(
            backorders: ["B": .init(orderId: "O1", quantity: 2, backorderedDay: 11, fulfilledDay: 12)],
            lines: ["O1": [.init(day: 10, cancelled: false)]],
            receipts: ["P": ReceiptFact(supplier: "S", orderedDay: 1, receivedDay: 5, quantity: 4)]))
        #expect(events.encode() == Self.handWritten)

        let facts = try Self.handWritten.withUnsafeBytes { try SKUEvents.facts($0) }
        #expect(facts.backorders == [BackorderFact(orderId: "O1", quantity: 2, backorderedDay: 11, fulfilledDay: 12, matched: true)])
        #expect(facts.backorderedLines == [SKUEvents.BackorderedLine(day: 10, firstBackorderDay: 11)])
        #expect(facts.receipts == [ReceiptFact(supplier: "S", orderedDay: 1, receivedDay: 5, quantity: 4)])
    }

    @Test func bothReadingsRefuseAnOrderOrSupplierIndexOutOfRange() {
        var badOrder = Self.handWritten
        badOrder[29] = 1                           // backorder's order index 1 of 1 order
        var badSupplier = Self.handWritten
        badSupplier[71] = 1                        // receipt's supplier index 1 of 1 supplier
        var badCount = Self.handWritten
        badCount[1] = 0xFF                         // 255 orders in 92 bytes
        for bytes in [badOrder, badSupplier, badCount, [2] + Self.handWritten.dropFirst()] {
            #expect(throws: DigestError.self) { try bytes.withUnsafeBytes { _ = try SKUEvents.decode($0) } }
            #expect(throws: DigestError.self) { try bytes.withUnsafeBytes { _ = try SKUEvents.facts($0) } }
        }
    }

    @Test func refusesTrailingOrTruncatedBytes() {
        var bytes = Self.sample.encode()
        bytes.append(0)
        #expect(throws: DigestError.self) { try bytes.withUnsafeBytes { _ = try SKUEvents.decode($0) } }
        bytes.removeLast(5)
        #expect(throws: DigestError.self) { try bytes.withUnsafeBytes { _ = try SKUEvents.facts($0) } }
    }
}
