/// Plays a SKU's real daily demand, day by day, against a sequence of (s, nQ) policies
/// (README, "Replay").
///
/// Each day, in this order:
/// 1. purchase orders due that day arrive; their units first fill the customers waiting, oldest
///    first (first in, first out), the rest go on the shelf. A receipt closes a replenishment
///    cycle: the cycle passed when no order line waited during it. A receipt that leaves
///    customers still waiting starts its cycle with a backorder.
/// 2. the policy in force is reviewed (a new decision day may have raised s);
/// 3. the day's order lines are served one by one (equal lines of the day's mean size). A line
///    that finds too little stock ships what there is and its remaining units wait: one
///    backorder line, its missing units short. After each line the policy is reviewed:
///    while the inventory position is at or below s, whole lots of Q are ordered
///    (continuous review, (s, nQ)); an order placed on day t arrives on day
///    t + max(1, lead time drawn for t).
/// 4. the stock on hand at the end of the day is recorded.
///
/// The cycles before the first receipt depend on the starting stock, not on the policy, and
/// are not counted.
public struct InventoryReplay: Sendable {
    /// The policies, each in force from its `from` day to the next one's.
    public var policies: [ReplayPolicy]
    /// Lead time in whole days of a purchase order placed on a day.
    public var leadTime: @Sendable (Day) -> Int
    /// Stock on hand at the start of the first day, units.
    public var startOnHand: Double

    public init(policies: [ReplayPolicy], startOnHand: Double, leadTime: @escaping @Sendable (Day) -> Int) {
        self.policies = policies.sorted { $0.from < $1.from }
        self.startOnHand = startOnHand
        self.leadTime = leadTime
    }

    /// Plays the days `from...to`; `demand` holds the days with order lines (any order; days
    /// outside the range are ignored).
    public func play(from: Day, to: Day, demand: [ReplayDemandDay]) -> ReplayOutcome {
        var byDay: [Day: ReplayDemandDay] = [:]
        for d in demand where d.day >= from && d.day <= to && d.lines > 0 && d.units > 0 {
            byDay[d.day, default: ReplayDemandDay(day: d.day, lines: 0, units: 0)].lines += d.lines
            byDay[d.day]!.units += d.units
        }
        var state = ReplayState(onHand: startOnHand)
        var policyIndex = -1
        guard from <= to else { return state.outcome }
        for day in from...to {
            state.startDay(index: day - from)
            while policyIndex + 1 < policies.count && policies[policyIndex + 1].from <= day { policyIndex += 1 }
            state.receive(on: day)
            let policy = policyIndex >= 0 ? policies[policyIndex] : nil
            if let policy { state.review(policy, day: day, leadTime: leadTime) }
            if let today = byDay[day] {
                let size = today.units / Double(today.lines)
                for _ in 0..<today.lines {
                    state.serve(size)
                    if let policy { state.review(policy, day: day, leadTime: leadTime) }
                }
            }
            state.endDay()
        }
        return state.outcome
    }
}

/// The stock of one SKU during a replay: what is on the shelf, on order and owed.
struct ReplayState {
    /// Units within this of a whole are treated as equal (daily means are fractions).
    static let tolerance = 1e-9

    var onHand: Double
    /// Units owed to waiting customers, oldest first.
    var waiting: [Double] = []
    var waitingUnits = 0.0
    /// Purchase orders on their way: arrival day -> units.
    var arrivals: [Day: Double] = [:]
    var onOrder = 0.0
    var sawReceipt = false
    var cycleHadBackorder = false
    var outcome = ReplayOutcome()

    init(onHand: Double) { self.onHand = onHand }

    mutating func receive(on day: Day) {
        guard let units = arrivals.removeValue(forKey: day) else { return }
        onOrder -= units
        onHand += units
        fillWaiting()
        if sawReceipt {
            outcome.cycles += 1
            if !cycleHadBackorder { outcome.cyclesWithoutBackorder += 1 }
        }
        sawReceipt = true
        cycleHadBackorder = waitingUnits > ReplayState.tolerance
    }

    mutating func fillWaiting() {
        var filled = 0
        while filled < waiting.count, onHand > ReplayState.tolerance {
            let give = min(onHand, waiting[filled])
            onHand -= give
            waitingUnits -= give
            waiting[filled] -= give
            if waiting[filled] > ReplayState.tolerance { break }
            filled += 1
        }
        waiting.removeFirst(filled)
        if waiting.isEmpty { waitingUnits = 0 }
    }

    mutating func serve(_ units: Double) {
        outcome.unitsDemanded += units
        if onHand + ReplayState.tolerance >= units {
            onHand = max(0, onHand - units)
            return
        }
        let short = units - onHand
        onHand = 0
        waiting.append(short)
        waitingUnits += short
        outcome.backorderLines += 1
        outcome.unitsShort += short
        outcome.weeklyBackorderLines[outcome.weeklyBackorderLines.count - 1] += 1
        cycleHadBackorder = true
    }

    mutating func review(_ policy: ReplayPolicy, day: Day, leadTime: (Day) -> Int) {
        let position = onHand + onOrder - waitingUnits
        guard policy.orderQuantity > 0, position <= policy.reorderPoint + ReplayState.tolerance else { return }
        let lots = ((policy.reorderPoint - position) / policy.orderQuantity).rounded(.down) + 1
        let units = lots * policy.orderQuantity
        arrivals[day + max(1, leadTime(day)), default: 0] += units
        onOrder += units
        outcome.purchaseOrders += 1
    }

    /// Opens a new 7-day block of the weekly path on the first day of each block.
    mutating func startDay(index: Int) {
        if index % 7 == 0 {
            outcome.weeklyOnHand.append(0)
            outcome.weeklyBackorderLines.append(0)
        }
    }

    /// Records the end of a day: its stock on hand counts in the mean and, as the latest day
    /// of its block, in the weekly path.
    mutating func endDay() {
        outcome.days += 1
        outcome.onHandDays += onHand
        outcome.weeklyOnHand[outcome.weeklyOnHand.count - 1] = onHand
    }
}
