import Foundation

/// A thread of its own fed through one bounded queue and answering through another: how the
/// ingest's writing thread hands work to `DailyDeltasThread` and `RecordEditsThread` and takes
/// their results back in order.
///
/// `work` runs on the new thread (8 MiB stack) with both queues; when it returns, the answers
/// end (`outbox` is closed). Dropping this object (a writer that fails before the last message)
/// cancels both queues, so that a thread waiting on either ends.
///
/// `@unchecked Sendable`: only the queues, each under its own lock, are shared.
final class QueuedThread<Message: Sendable, Answer: Sendable>: @unchecked Sendable {
    let inbox: BoundedQueue<Message>
    let outbox: BoundedQueue<Answer>

    init(inboxCapacity: Int, outboxCapacity: Int,
         work: @escaping @Sendable (_ inbox: BoundedQueue<Message>, _ outbox: BoundedQueue<Answer>) -> Void) {
        let (inbox, outbox) = (BoundedQueue<Message>(capacity: inboxCapacity), BoundedQueue<Answer>(capacity: outboxCapacity))
        (self.inbox, self.outbox) = (inbox, outbox)
        let thread = Thread {
            defer { outbox.close() }
            work(inbox, outbox)
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    deinit {
        inbox.cancel()
        inbox.close()
        outbox.cancel()
    }
}
