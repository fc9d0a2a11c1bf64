/// The stock of one SKU, simulated event by event under a continuous-review (s, nQ) policy.
///
/// Rules, in the order they apply at equal instants (receipts, then cancellations, then
/// order lines):
/// - A receipt first fills waiting backorders first-in first-out, each at the receipt's
///   instant; a backorder only partly filled is written as two rows (README,
///   "backorders"): the units that shipped, fulfilled, and the units still waiting, which stay
///   in the queue as their own row. What is left goes on hand.
/// - An order line ships what is on hand; the shortfall becomes a backorder at the order's
///   instant. With probability `cancelProbability` its customer has a patience of about
///   `patienceDays` days (2 + geometric) and cancels, a lost sale, if still waiting then.
/// - After each order line, while the inventory position (on hand + on order - backordered)
///   is at or below the reorder point s, whole lots of Q are ordered at once (nQ), placed
///   1...30 minutes after the line, with a lead time drawn from the supplier
///   (`SupplierProfile.drawLeadDays`) and received at 07:00...17:00 UTC that day.
///
/// Cancelled order lines are not demand and touch nothing.
struct InventorySimulation: Sendable {
    /// A purchase order on its way.
    struct PendingOrder: Sendable {
        var orderedAt: Int64
        var receiveAt: Int64
        var quantity: Int
    }

    /// A backorder still waiting (the unfilled part of a line).
    struct Waiting: Sendable {
        var backorderedAt: Int64
        /// When the customer gives up; `Int64.max` for a patient one.
        var cancelAt: Int64
        var order: Int32
        var line: UInt8
        var quantity: Int
    }

    /// Rows emitted by the simulation, appended in the order they close.
    struct Output: Sendable {
        var backorders: [BackorderRecord] = []
        var receipts: [ReceiptRecord] = []
    }

    var rng: SplitMix64
    var onHand: Int
    var onOrder = 0
    var backorderedUnits = 0
    var pipeline: [PendingOrder] = []
    var waiting: [Waiting] = []

    /// The first-day state of SKU `profile` under `seed`.
    init(profile: SKUProfile, seed: UInt64) {
        rng = GeneratorStream.skuSimulation.generator(seed: seed, index: profile.number)
        onHand = profile.initialOnHand
    }

    /// The SKU's fixed inputs for one run.
    struct Context {
        var profile: SKUProfile
        var supplier: SupplierProfile
        /// 00:00 UTC of the first day.
        var horizonStart: Int64
        /// Horizon length in seconds (for the supplier's drift).
        var horizonLength: Double
    }

    /// Applies receipts and cancellations due up to and including `time`.
    mutating func settle(through time: Int64, context: Context, into output: inout Output) {
        while true {
            var receiptIndex = -1
            var receiptAt = Int64.max
            for (i, po) in pipeline.enumerated() where po.receiveAt < receiptAt {
                receiptAt = po.receiveAt
                receiptIndex = i
            }
            var cancelIndex = -1
            var cancelAt = Int64.max
            for (i, w) in waiting.enumerated() where w.cancelAt < cancelAt {
                cancelAt = w.cancelAt
                cancelIndex = i
            }
            if receiptAt <= time && receiptAt <= cancelAt {
                receive(pipeline.remove(at: receiptIndex), context: context, into: &output)
            } else if cancelAt <= time {
                let w = waiting.remove(at: cancelIndex)
                backorderedUnits -= w.quantity
                output.backorders.append(BackorderRecord(
                    backorderedAt: w.backorderedAt, closedAt: w.cancelAt, order: w.order,
                    sku: Int32(context.profile.number), quantity: Int32(w.quantity), line: w.line,
                    cancelled: true))
            } else {
                return
            }
        }
    }

    private mutating func receive(_ po: PendingOrder, context: Context, into output: inout Output) {
        let sku = Int32(context.profile.number)
        output.receipts.append(ReceiptRecord(orderedAt: po.orderedAt, receivedAt: po.receiveAt,
                                             sku: sku, quantity: Int32(po.quantity)))
        onOrder -= po.quantity
        var available = po.quantity
        var filled = 0
        while available > 0 && filled < waiting.count {
            let w = waiting[filled]
            let units = min(w.quantity, available)
            output.backorders.append(BackorderRecord(
                backorderedAt: w.backorderedAt, closedAt: po.receiveAt, order: w.order, sku: sku,
                quantity: Int32(units), line: w.line, cancelled: false))
            available -= units
            backorderedUnits -= units
            if units == w.quantity {
                filled += 1
            } else {
                waiting[filled].quantity -= units
            }
        }
        waiting.removeFirst(filled)
        onHand += available
    }

    /// One order line of `quantity` units at `time` (after `settle(through: time)`).
    mutating func demand(time: Int64, quantity: Int, order: Int32, line: UInt8,
                         context: Context, into output: inout Output) {
        settle(through: time, context: context, into: &output)
        let shipped = min(onHand, quantity)
        onHand -= shipped
        let short = quantity - shipped
        if short > 0 {
            var cancelAt = Int64.max
            if rng.bernoulli(context.profile.cancelProbability) {
                let days = 1 + rng.geometric(mean: context.profile.patienceDays)
                cancelAt = time + Int64(days) * 86_400 + Int64(rng.integer(in: -14_400...14_400))
            }
            waiting.append(Waiting(backorderedAt: time, cancelAt: cancelAt, order: order,
                                   line: line, quantity: short))
            backorderedUnits += short
        }
        let position = onHand + onOrder - backorderedUnits
        let s = context.profile.reorderPoint
        if position <= s {
            let q = context.profile.orderQuantity
            let lots = (s - position) / q + 1
            let orderedAt = time + Int64(rng.integer(in: 60...1_800))
            let fraction = Double(orderedAt - context.horizonStart) / context.horizonLength
            let lead = context.supplier.drawLeadDays(atFraction: min(1, fraction), using: &rng)
            let orderedDay = orderedAt / 86_400
            let receiveAt = (orderedDay + Int64(lead)) * 86_400 + Int64(rng.integer(in: 25_200...61_200))
            pipeline.append(PendingOrder(orderedAt: orderedAt, receiveAt: receiveAt, quantity: lots * q))
            onOrder += lots * q
        }
    }

    /// The rows of backorders still waiting at the end (open: no fulfilled_at, no
    /// cancelled_at), in queue order.
    func openBackorders(sku: Int) -> [BackorderRecord] {
        waiting.map {
            BackorderRecord(backorderedAt: $0.backorderedAt, closedAt: BackorderRecord.open,
                            order: $0.order, sku: Int32(sku), quantity: Int32($0.quantity),
                            line: $0.line, cancelled: false)
        }
    }
}
