import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// The record edits held on their own thread (`RecordEditsThread`) come back as the writer
/// would have held them itself: every batch before a drain in, each SKU numbered in the order
/// first seen, its edits in the order made, and the marks only at the last drain (README,
/// "Performance", "Record edits held on a thread of their own").
@Suite struct RecordEditsThreadTests {
    let b1 = SKUEvents.Backorder(orderId: "O1", quantity: 2, backorderedDay: 10)
    let r1 = ReceiptFact(supplier: "Acme", orderedDay: 1, receivedDay: 5, quantity: 12)

    @Test func aDrainHoldsEveryBatchBeforeItNumberedAsFirstSeenAndTheMarksComeLast() {
        let thread = RecordEditsThread()
        thread.add([.edit(sku: "ZED", .setBackorder(key: "B1", b1)), .mark(order: "O1", sku: "ZED"),
                    .edit(sku: "ALF", .setReceipt(poId: "P1", r1))])
        thread.add([.edit(sku: "ZED", .removeBackorder(key: "B0"))])
        var middle = thread.drain(final: false)
        // ZED came first: number 0; in byte order it is second.
        #expect(middle.names == ["ZED", "ALF"] && middle.ranks == [1, 0])
        #expect(middle.marks.isEmpty)
        #expect(middle.edits.count == 3 && middle.edits.ids == [0, 1])
        #expect(middle.edits.take(0) == [.setBackorder(key: "B1", b1), .removeBackorder(key: "B0")])
        #expect(middle.edits.take(1) == [.setReceipt(poId: "P1", r1)])

        // After a drain the edits start afresh; the numbers and the marks carry on.
        thread.add([.edit(sku: "ALF", .removeBackorder(key: "B7")), .mark(order: "O2", sku: "BET")])
        var last = thread.drain(final: true)
        #expect(last.names == ["ZED", "ALF", "BET"] && last.ranks == [2, 0, 1])
        #expect(last.edits.count == 1 && last.edits.ids == [1])
        #expect(last.edits.take(1) == [.removeBackorder(key: "B7")])
        #expect(last.marks.map { "\($0.order) \($0.sku)" } == ["O1 0", "O2 2"])
    }

    @Test func aThreadLeftWithoutItsLastDrainEndsWithTheWriter() {
        // An ingest that fails drops its writer mid-way: the thread must not hold the process.
        for _ in 0..<20 {
            let thread = RecordEditsThread()
            thread.add([.edit(sku: "A", .removeBackorder(key: "B1"))])
        }
        let thread = RecordEditsThread()
        #expect(thread.drain(final: true).edits.count == 0)
    }
}
