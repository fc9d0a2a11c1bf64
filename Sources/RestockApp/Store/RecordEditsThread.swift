import Foundation
import RestockCore

/// The backorder and receipt edits of an ingest, numbered by SKU and held encoded
/// (`PendingEdits`) on a thread of their own, so that the thread writing rows (which owns the
/// SQLite connection) only hands each edit over (README, "Performance", "Record edits held on
/// a thread of their own").
///
/// `DigestWriter` hands its edits and marks over in batches (`add`) and takes everything held
/// back when it writes the records (`drain`): in the middle of an ingest when the edits it
/// counted (`PendingEdits.encodedSize`) reach its bound, and at the end with the marks. A
/// batch is numbered and added in the order it came, and a drain waits for every batch before
/// it, so the edits taken, and the records written, are the same as when the writer held them
/// itself. Numbering a SKU and appending to its held bytes touch memory all over a large
/// ingest's heap; at 100,000 SKUs that was a quarter of the writer's time while it loaded the
/// receipts.
///
/// `@unchecked Sendable`: the mutable state lives on the worker thread only; the two queues
/// are the only things both threads touch.
final class RecordEditsThread: @unchecked Sendable {
    /// One thing to hold: an edit of a SKU's record, or an order whose lines of the SKU the
    /// record must read again at the end.
    enum Item: Sendable {
        case edit(sku: String, SKUEvents.Edit)
        case mark(order: String, sku: String)
    }

    /// What a drain hands back: the edits held since the last drain, the SKUs' names by
    /// number and their places in byte order (`SKUIntern.ranks`), and, at the end, the marks.
    struct Held: Sendable {
        var edits: PendingEdits
        var names: [String]
        var ranks: [Int]
        var marks: [(order: String, sku: Int32)]
    }

    private enum Message: Sendable {
        case items([Item])
        /// `final`: the ingest's last drain (with the marks); the thread then ends.
        case drain(final: Bool)
    }

    private let inbox = BoundedQueue<Message>(capacity: 2)
    private let outbox = BoundedQueue<Held>(capacity: 1)

    /// Starts the thread.
    init() {
        let (inbox, outbox) = (inbox, outbox)
        let thread = Thread {
            var intern = SKUIntern()
            var edits = PendingEdits()
            var marks: [(order: String, sku: Int32)] = []
            var ranks: [Int] = []
            defer { outbox.close() }
            func id(_ sku: String) -> Int {
                var text = sku
                return text.withUTF8 { intern.id(for: $0) }
            }
            while let message = inbox.take() {
                switch message {
                case .items(let items):
                    for item in items {
                        switch item {
                        case let .edit(sku, edit): edits.append(edit, to: id(sku))
                        case let .mark(order, sku): marks.append((order, Int32(id(sku))))
                        }
                    }
                case .drain(let final):
                    // A first load drains with the same SKUs many times: sorted again only when new ones came.
                    if ranks.count != intern.names.count { ranks = intern.ranks() }
                    let held = Held(edits: edits, names: intern.names, ranks: ranks, marks: final ? marks : [])
                    edits = PendingEdits()
                    if final { marks = [] }
                    guard outbox.put(held), !final else { return }
                }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Ends the thread when the writer goes without its last drain (an ingest that failed).
    deinit {
        inbox.cancel()
        inbox.close()
        outbox.cancel()
    }

    /// Hands a batch over, in the order the items were made; waits while two batches are queued.
    func add(_ items: [Item]) {
        inbox.put(.items(items))
    }

    /// Everything held once every batch before is in; `final` also hands the marks over and
    /// ends the thread.
    func drain(final: Bool) -> Held {
        inbox.put(.drain(final: final))
        guard let held = outbox.take() else {
            preconditionFailure("the record edits' thread ended before its last drain")
        }
        return held
    }
}
