import Foundation

/// A blocking first-in first-out queue of bounded length, between one producer thread and
/// one consumer: it lets CSV parsing on one core overlap SQLite writes on the other.
///
/// `@unchecked Sendable`: every access to the mutable state happens under `condition`.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Queued elements from `head` on; those before it were taken (nil: not kept alive).
    private var items: [Element?] = []
    private var head = 0
    private let capacity: Int
    private var closed = false
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Adds an element, waiting while the queue is full; false when the consumer cancelled.
    @discardableResult
    func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// No more elements will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer gives up: the producer's next `put` returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the consumer gave up.
    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// The next element, waiting for one; nil when closed and drained.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        return removeFirst()
    }

    /// The next element if one is queued, without waiting.
    func poll() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        return removeFirst()
    }

    /// Takes the first element out, nil when there is none; called with `condition` locked.
    private func removeFirst() -> Element? {
        if head == items.count { return nil }
        let element = items[head]
        items[head] = nil
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return element
    }
}
