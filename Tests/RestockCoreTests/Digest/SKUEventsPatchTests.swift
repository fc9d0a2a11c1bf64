import Testing
@testable import RestockCore

@Suite struct SKUEventsPatchTests {
    /// The bytes decode, apply and encode give: what the patch must give.
    static func decodedEditedEncoded(_ stored: [UInt8], _ edits: [SKUEvents.Edit]) throws -> [UInt8]? {
        var events = try stored.withUnsafeBytes { try SKUEvents.decode($0) }
        events.apply(edits)
        return events.isEmpty ? nil : events.encode()
    }

    /// The patch's own outcome, nil when it declines (then `edited` decodes).
    static func patched(_ stored: [UInt8], _ edits: [SKUEvents.Edit]) -> SKUEventsPatch.Outcome? {
        stored.withUnsafeBytes { bytes in
            guard var patch = SKUEventsPatch(bytes) else { return nil }
            return patch.apply(edits)
        }
    }

    @Test func aNightsEditsPatchedInTheBytesGiveTheRecordBuiltFreshFromTheFinalRows() throws {
        // Stored: backorders B1 (order O1, day 10) and B2 (order O2, day 11), receipt P1 from
        // Acme received day 5; O1 has a line on day 9.
        let stored = SKUEvents(
            backorders: ["B1": .init(orderId: "O1", quantity: 2, backorderedDay: 10),
                         "B2": .init(orderId: "O2", quantity: 1, backorderedDay: 11)],
            lines: ["O1": [.init(day: 9, cancelled: false)], "O2": []],
            receipts: ["P1": ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 5, quantity: 3)]).encode()
        // The night: B1 fulfilled on day 13; B2 moves to another SKU (so O2 is left out); B0,
        // of a new order O0, backordered on day 10 like B1 (O0 sorts before O1, so B0 goes
        // first); O1's line cancelled; P0 from Zeta received on day 4 (before P1, so Zeta
        // becomes supplier 0 and Acme 1).
        let edits: [SKUEvents.Edit] = [
            .setBackorder(key: "B1", .init(orderId: "O1", quantity: 2, backorderedDay: 10, fulfilledDay: 13)),
            .removeBackorder(key: "B2"),
            .setBackorder(key: "B0", .init(orderId: "O0", quantity: 7, backorderedDay: 10)),
            .setReceipt(poId: "P0", ReceiptFact(supplier: "Zeta", orderedDay: 2, receivedDay: 4)),
            .setLines(orderId: "O1", [.init(day: 9, cancelled: true)]),
            .setLines(orderId: "O0", [.init(day: 8, cancelled: false), .init(day: 7, cancelled: false)]),
        ]
        let fresh = SKUEvents(
            backorders: ["B0": .init(orderId: "O0", quantity: 7, backorderedDay: 10),
                         "B1": .init(orderId: "O1", quantity: 2, backorderedDay: 10, fulfilledDay: 13)],
            lines: ["O0": [.init(day: 7, cancelled: false), .init(day: 8, cancelled: false)],
                    "O1": [.init(day: 9, cancelled: true)]],
            receipts: ["P0": ReceiptFact(supplier: "Zeta", orderedDay: 2, receivedDay: 4),
                       "P1": ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 5, quantity: 3)])
        #expect(Self.patched(stored, edits) == .record(fresh.encode()))
        #expect(try stored.withUnsafeBytes { try SKUEventsCodec.edited($0, applying: edits) } == fresh.encode())
        let facts = try fresh.encode().withUnsafeBytes { try SKUEvents.facts($0) }
        #expect(facts.backorders.map(\.orderId) == ["O0", "O1"])
        #expect(facts.receipts.map(\.supplier) == ["Zeta", "Acme"])
    }

    @Test func aRecordLeftWithoutBackordersAndReceiptsIsEmpty() throws {
        let stored = SKUEvents(backorders: ["B": .init(orderId: "O", quantity: 1, backorderedDay: 3)]).encode()
        #expect(Self.patched(stored, [.removeBackorder(key: "B")]) == .empty)
        #expect(try stored.withUnsafeBytes { try SKUEventsCodec.edited($0, applying: [.removeBackorder(key: "B")]) } == nil)
    }

    @Test func patchesRandomRecordsAndEditsExactlyAsDecodeApplyAndEncode() throws {
        var random = SplitMix64(state: 16)
        var patchedCount = 0
        for _ in 0..<3_000 {
            let stored = Self.randomRecord(&random).encode()
            let edits = (0..<random.below(12)).map { _ in Self.randomEdit(&random) }
            let expected = try Self.decodedEditedEncoded(stored, edits)
            let edited = try stored.withUnsafeBytes { try SKUEventsCodec.edited($0, applying: edits) }
            #expect(edited == expected)
            if let outcome = Self.patched(stored, edits) {
                patchedCount += 1
                #expect(outcome == (expected.map { .record($0) } ?? .empty))
            }
        }
        // Every record and edit here is ASCII and within the limit: none is left to decode.
        #expect(patchedCount == 3_000)
    }

    @Test func leavesToDecodeWhatItCannotPatchExactly() throws {
        let stored = SKUEventsTests.sample.encode()
        // Swift equates "é" and "e\u{301}": a byte comparison would not.
        let unicode: [SKUEvents.Edit] = [.setBackorder(key: "B\u{E9}", .init(orderId: "O1", quantity: 1, backorderedDay: 9)),
                                         .removeBackorder(key: "Be\u{301}")]
        let many = (0...SKUEventsCodec.patchedEditsLimit).map { SKUEvents.Edit.removeBackorder(key: "K\($0)") }
        let nan: [SKUEvents.Edit] = [.setBackorder(key: "B9", .init(orderId: "O1", quantity: .nan, backorderedDay: 9))]
        for edits in [unicode, many, nan] {
            #expect(Self.patched(stored, edits) == nil)
            let edited = try stored.withUnsafeBytes { try SKUEventsCodec.edited($0, applying: edits) }
            #expect(edited == (try Self.decodedEditedEncoded(stored, edits)))
        }
        // A record whose two receipts are not oldest first (as no encoder of ours writes) is decoded.
        let one = SKUEvents(receipts: ["P": ReceiptFact(supplier: nil, orderedDay: 1, receivedDay: 5)]).encode()
        let receipt = Array(one[17...])                     // po_id "P" (5 bytes) .. quantity: 26 bytes
        let q = receipt.enumerated().map { $0.offset == 4 ? 0x51 : $0.element }  // po_id "Q"
        let swapped = Array(one[0..<13]) + [2, 0, 0, 0] + q + receipt
        #expect(swapped.withUnsafeBytes { SKUEventsPatch($0) } == nil)
        #expect(try swapped.withUnsafeBytes { try SKUEventsCodec.edited($0, applying: []) }
            == SKUEvents(receipts: ["P": ReceiptFact(supplier: nil, orderedDay: 1, receivedDay: 5),
                                    "Q": ReceiptFact(supplier: nil, orderedDay: 1, receivedDay: 5)]).encode())
        #expect(throws: DigestError.self) { try [UInt8]([1, 9]).withUnsafeBytes { try SKUEventsCodec.edited($0, applying: []) } }
    }

    // MARK: - Random records and edits (small pools of keys and days, so that keys collide and order ties)

    static func randomRecord(_ random: inout SplitMix64) -> SKUEvents {
        var events = SKUEvents()
        for _ in 0..<random.below(8) {
            let b = randomBackorder(&random)
            events.backorders["B\(random.below(12))"] = b
            if random.below(3) > 0 { events.lines[b.orderId] = randomLines(&random) }
        }
        for _ in 0..<random.below(8) { events.receipts["P\(random.below(12))"] = randomReceipt(&random) }
        return events
    }

    static func randomEdit(_ random: inout SplitMix64) -> SKUEvents.Edit {
        switch random.below(5) {
        case 0: .removeBackorder(key: "B\(random.below(14))")
        case 1: .setReceipt(poId: "P\(random.below(14))", randomReceipt(&random))
        case 2: .setLines(orderId: "O\(random.below(6))", randomLines(&random))
        default: .setBackorder(key: "B\(random.below(14))", randomBackorder(&random))
        }
    }

    static func randomBackorder(_ random: inout SplitMix64) -> SKUEvents.Backorder {
        .init(orderId: "O\(random.below(6))", quantity: [1, 2, 0, -0.0][random.below(4)], backorderedDay: 20 + random.below(3),
              fulfilledDay: random.below(2) == 0 ? nil : 25, cancelledDay: random.below(3) == 0 ? 26 : nil)
    }

    static func randomReceipt(_ random: inout SplitMix64) -> ReceiptFact {
        ReceiptFact(supplier: [nil, "Acme", "Zeta", "Mid"][random.below(4)], orderedDay: random.below(3),
                    receivedDay: 5 + random.below(3), quantity: [nil, 0, 4, 10][random.below(4)])
    }

    static func randomLines(_ random: inout SplitMix64) -> [SKUEvents.Line] {
        (0..<random.below(4)).map { _ in SKUEvents.Line(day: 18 + random.below(3), cancelled: random.below(2) == 0) }
    }
}

extension SplitMix64 {
    /// A number in 0..<n.
    fileprivate mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
