import RestockCore

/// The cycle that tonight's reorder point answers for, drawn many times from a SKU's true
/// processes: a reorder triggered by the demand of a day just after as-of, and the lead
/// time that follows it.
///
/// Why a second judge beside `TrueCycles`: restock recomputes its reorder point every night,
/// so the point of one night only has to cover a cycle triggered in the next days. Where
/// demand is stationary that cycle is like any other and both judges agree (renewal theory).
/// Where it is not (a season, a trend, a launch or decline), holding one point over the
/// months `TrueCycles` runs judges that point on demand of months it was not computed for.
///
/// Each draw: a day of the week after as-of (each equally likely, so a weekday pattern is
/// met as a run on any night meets it) and its true demand d; in steady state the
/// position before that day is uniform on (s, s + Q], so the day triggers a reorder with
/// probability min(d, Q)/Q, which is the draw's weight, and the position is then s + X, X
/// uniform on 1...min(d, Q) (whole units) or (0, min(d, Q)]. The undershoot is U = d - X;
/// the order is placed at the end of that day and received L days later (L drawn for an
/// order of that day), and the cycle passes iff U + D_L <= s, D_L the true demand of those L
/// days. Draws whose day has no demand weigh 0 and are drawn again.
///
/// Stock held: a cycle starts at about s - T + Q after the receipt (T = U + D_L) and ends at
/// s - T, so its mean on-hand is taken as (s - T)⁺ + Q/2: enough to compare two points
/// of one SKU under the same Q.
struct TonightCycles {
    /// Per draw its cycle demand T = U + D_L and weight, sorted by T.
    private var draws: [(demand: Double, weight: Double)] = []
    private var totalWeight = 0.0
    private let q: Double

    init(sku: CalibrationSKU, orderQuantity q: Double, cycles: Int, random r: inout CalibrationRandom) {
        self.q = q
        var attempts = 0
        while draws.count < cycles && attempts < 1_000 * cycles {
            attempts += 1
            let day = sku.historyDays + r.integer(0, 6)
            let d = sku.demand(day, &r).units
            guard d > 0 else { continue }
            let m = min(d, q)
            let x = q == q.rounded() && m == m.rounded() ? Double(r.integer(1, Int(m))) : m * (1 - r.uniform())
            let l = sku.leadTime(day, &r)
            var demand = max(0, d - x)
            for t in (day + 1)...(day + l) { demand += sku.demand(t, &r).units }
            draws.append((demand, m / q))
            totalWeight += m / q
        }
        draws.sort { $0.demand < $1.demand }
    }

    /// The weighted share of cycles under reorder point s whose net stock is not below 0
    /// just before their receipt (U + D_L <= s; `TrueCycles.serviceLevelAtReceipt` counts the
    /// held point alike).
    func serviceLevel(_ s: Int) -> Double {
        var covered = 0.0
        for draw in draws where draw.demand <= Double(s) { covered += draw.weight }
        return covered / max(totalWeight, .leastNonzeroMagnitude)
    }

    /// The smallest s >= 0 whose weighted cycle service level is at least `level`.
    func smallestSufficient(_ level: Double) -> Int {
        var covered = 0.0
        for draw in draws {
            covered += draw.weight
            if covered >= level * totalWeight - 1e-12 { return max(0, Int(draw.demand.rounded(.up))) }
        }
        return max(0, Int((draws.last?.demand ?? 0).rounded(.up)))
    }

    /// Mean on-hand stock over a cycle under reorder point s, units: (s - T)⁺ + Q/2, weighted.
    func onHand(_ s: Int) -> Double {
        var sum = 0.0
        for draw in draws { sum += draw.weight * max(0, Double(s) - draw.demand) }
        return sum / max(totalWeight, .leastNonzeroMagnitude) + q / 2
    }
}
