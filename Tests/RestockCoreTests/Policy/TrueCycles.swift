/// The outcome of running (s, nQ) on a SKU's true processes after as-of, for every s at once.
///
/// Work in coordinates shifted by s: with the same demand and lead-time draws, the
/// inventory position minus s, the orders placed, their arrivals and so the cycles do not
/// depend on s, and the net stock is s + y(t) with y(t) independent of s. A unit is
/// backordered on day t iff there is demand that day and s + y(t) < 0 after it, so a cycle
/// (receipt to receipt) passes iff s >= W = -min y over its demand days. One run therefore
/// gives every s its cycle service level, P(W <= s), and its average on-hand stock,
/// mean max(0, s + y(t)). Orders may cross (lead times are independent).
///
/// The future is run as independent replications from the day after as-of (trends and
/// seasons carry on from where the history left them, as they would for the buyer who uses
/// the point): each starts with nothing on order and the position at s + X, X uniform on
/// 1 … Q (the steady-state position of (s, nQ)), and runs to its `receiptsPerRun`-th
/// receipt (or `maxDays` after as-of); the cycles between its first and last receipt count.
/// Stopping at a receipt count rather than a day keeps long cycles (slow weeks, slow ships)
/// as likely to be counted as short ones.
struct TrueCycles {
    /// Per cycle, the smallest reorder point with which it passes (-inf: no demand in it).
    var thresholds: [Double] = []
    /// Per cycle, the smallest reorder point with which the net stock is not below 0 just
    /// before the receipt that ends it: the event `TonightCycles` (and the reorder-point
    /// model, U + D_L <= s) judges. It differs from `thresholds` when a shortage outlasts a
    /// receipt: the next cycle then ends short without a unit backordered in it, which fails
    /// it here and not there (a unit is backordered only when it is demanded while short).
    var thresholdsAtReceipt: [Double] = []
    /// Net stock minus s at the end of each day from a replication's first receipt on.
    var netStockMinusS: [Double] = []
    /// Units demanded per day over every simulated day (the true rate, for diagnosis).
    var demandPerDay: Double = 0
    /// The lead times of the orders placed, days (the true lead times, for diagnosis).
    var leadTimes: [Double] = []

    init(sku: CalibrationSKU, orderQuantity q: Double, cycles: Int, receiptsPerRun: Int = 4,
         maxDays: Int = 5000, random r: inout CalibrationRandom) {
        let start = sku.historyDays
        var replications = 0
        var demanded = 0.0, days = 0
        while thresholds.count < cycles && replications < 50 * cycles {
            replications += 1
            var x = q == q.rounded() ? Double(r.integer(1, Int(q))) : q * (1 - r.uniform())
            var y = x
            var pipeline: [(day: Int, units: Double)] = []
            var cycleMin = Double.infinity
            var receipts = 0
            var day = start
            while receipts < receiptsPerRun && day < start + maxDays {
                let d = sku.demand(day, &r).units
                demanded += d
                days += 1
                if d > 0 {
                    x -= d
                    y -= d
                    cycleMin = min(cycleMin, y)
                }
                for order in pipeline where order.day == day {
                    receipts += 1
                    if receipts >= 2 {
                        thresholds.append(-cycleMin)
                        thresholdsAtReceipt.append(-y)
                    }
                    y += order.units
                    cycleMin = .infinity
                }
                pipeline.removeAll { $0.day == day }
                if x <= 0 {
                    let lots = (-x / q).rounded(.down) + 1
                    x += lots * q
                    let l = sku.leadTime(day, &r)
                    leadTimes.append(Double(l))
                    pipeline.append((day + l, lots * q))
                }
                if receipts >= 1 && receipts < receiptsPerRun { netStockMinusS.append(y) }
                day += 1
            }
        }
        thresholds.sort()
        thresholdsAtReceipt.sort()
        demandPerDay = demanded / Double(max(days, 1))
    }

    /// Share of cycles with no unit backordered under reorder point s.
    func serviceLevel(_ s: Int) -> Double { Self.share(thresholds, atMost: s) }

    /// Share of cycles whose net stock is not below 0 just before their closing receipt under
    /// reorder point s (`thresholdsAtReceipt`).
    func serviceLevelAtReceipt(_ s: Int) -> Double { Self.share(thresholdsAtReceipt, atMost: s) }

    private static func share(_ sorted: [Double], atMost s: Int) -> Double {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= Double(s) { low = mid + 1 } else { high = mid }
        }
        return Double(low) / Double(max(sorted.count, 1))
    }
    /// Average on-hand stock under reorder point s, units.
    func onHand(_ s: Int) -> Double {
        netStockMinusS.reduce(0) { $0 + max(0, Double(s) + $1) } / Double(max(netStockMinusS.count, 1))
    }
    /// The smallest s >= 0 whose cycle service level is at least `level`.
    func smallestSufficient(_ level: Double) -> Int {
        guard !thresholds.isEmpty else { return 0 }
        let k = min(thresholds.count, max(1, Int((level * Double(thresholds.count)).rounded(.up))))
        return max(0, Int(thresholds[k - 1].rounded(.up)))
    }
}
