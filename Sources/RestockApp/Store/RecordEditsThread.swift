import Foundation
import RestockCore

/// The backorder and receipt edits of an ingest, numbered by SKU and held encoded
/// (`PendingEdits`) on a thread of their own, so that the thread writing rows (which owns the
/// SQLite connection) only hands each edit over (Sources/PERFORMANCE.md, "Record edits held on
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
/// The mutable state lives on the worker thread only (`QueuedThread`); its two queues are the
/// only things both threads touch.
final class RecordEditsThread: Sendable {
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

    /// Two batches queued at most; one answer at a time (the writer waits for it).
    private let worker: QueuedThread<Message, Held>

    /// Starts the thread.
    init() {
        worker = QueuedThread(inboxCapacity: 2, outboxCapacity: 1) { inbox, outbox in
            var intern = SKUIntern()
            var edits = PendingEdits()
            var marks: [(order: String, sku: Int32)] = []
            while let message = inbox.take() {
                switch message {
                case .items(let items):
                    for item in items {
                        switch item {
                        case let .edit(sku, edit): edits.append(edit, to: intern.id(for: sku))
                        case let .mark(order, sku): marks.append((order, Int32(intern.id(for: sku))))
                        }
                    }
                case .drain(let final):
                    let held = Held(edits: edits, names: intern.names, ranks: intern.currentRanks(),
                                    marks: final ? marks : [])
                    edits = PendingEdits()
                    if final { marks = [] }
                    guard outbox.put(held), !final else { return }
                }
            }
        }
    }

    /// Hands a batch over, in the order the items were made; waits while two batches are queued.
    func add(_ items: [Item]) {
        worker.inbox.put(.items(items))
    }

    /// Everything held once every batch before is in; `final` also hands the marks over and
    /// ends the thread.
    func drain(final: Bool) -> Held {
        worker.inbox.put(.drain(final: final))
        guard let held = worker.outbox.take() else {
            preconditionFailure("the record edits' thread ended before its last drain")
        }
        return held
    }
}
