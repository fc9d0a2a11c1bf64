import Foundation
import RestockCore

/// The known "true" world of the reorder-point calibration test: demand and lead-time
/// processes, a history drawn from them, and an exact simulation of (s, nQ) under them.

/// SplitMix64 with the draws the calibration world needs (test-only).
struct CalibrationRandom {
    private var generator: SplitMix64
    init(seed: UInt64) { generator = SplitMix64(state: seed) }

    mutating func next() -> UInt64 { generator.next() }
    /// Uniform on [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }
    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * uniform() }
    mutating func integer(_ a: Int, _ b: Int) -> Int { a + Int(uniform() * Double(b - a + 1)) }
    /// Standard normal (Box-Muller).
    mutating func normal() -> Double {
        let u = 1 - uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * uniform())
    }
    /// Poisson(mean) by inversion (small means only).
    mutating func poisson(_ mean: Double) -> Int {
        var k = 0
        var p = exp(-mean)
        var cdf = p
        let u = uniform()
        while u > cdf && k < 1000 {
            k += 1
            p *= mean / Double(k)
            cdf += p
        }
        return k
    }
    /// Gamma(shape, scale 1) by Marsaglia and Tsang (2000), shape >= 1.
    mutating func gamma(shape: Double) -> Double {
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniform()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }
}

/// How big one order line is, units (whole units >= 1).
enum CalibrationLineSize {
    /// 1 + Geometric with mean `extra` (so mean 1 + extra, low variability).
    case geometric(extra: Double)
    /// 1 + Poisson(extra).
    case poisson(extra: Double)
    /// max(1, round(lognormal)) with the given mean and coefficient of variation.
    case lognormal(mean: Double, cv: Double)

    func draw(_ r: inout CalibrationRandom) -> Double {
        switch self {
        case .geometric(let extra):
            let p = 1 / (1 + extra)
            return 1 + (log(1 - r.uniform()) / log(1 - p)).rounded(.down)
        case .poisson(let extra):
            return 1 + Double(r.poisson(extra))
        case .lognormal(let mean, let cv):
            let s2 = log(1 + cv * cv)
            return max(1, exp(log(mean) - s2 / 2 + s2.squareRoot() * r.normal()).rounded())
        }
    }
}

/// Daily demand: Poisson(linesPerDay) order lines, each of size `size`.
struct CalibrationDemand {
    var linesPerDay: Double
    var size: CalibrationLineSize

    func day(_ r: inout CalibrationRandom) -> Double { dayLines(&r).units }

    func dayLines(_ r: inout CalibrationRandom) -> (lines: Int, units: Double) {
        let lines = r.poisson(linesPerDay)
        var units = 0.0
        for _ in 0..<lines { units += size.draw(&r) }
        return (lines, units)
    }
}

/// Whole-day lead times: discrete uniform or rounded gamma.
enum CalibrationLeadTime {
    case uniform(Int, Int)
    case gamma(mean: Double, cv: Double)

    func draw(_ r: inout CalibrationRandom) -> Int {
        switch self {
        case .uniform(let a, let b):
            return r.integer(a, b)
        case .gamma(let mean, let cv):
            let shape = 1 / (cv * cv)
            return max(1, Int((r.gamma(shape: shape) * mean / shape).rounded()))
        }
    }
}

/// The SBC class of a daily series (days 0..<count, whole weeks from `start`), as
/// README, "The figures" defines it, in plain floating point (good enough for a test world).
func calibrationDemandClass(daily: [Double], start: Int) -> DemandClass {
    var weeks: [Double] = []
    var day = start
    while day + 7 <= daily.count {
        weeks.append(daily[day..<(day + 7)].reduce(0, +))
        day += 7
    }
    let nonzero = weeks.filter { $0 > 0 }
    guard nonzero.count >= 2 else { return .new }
    let adi = Double(weeks.count) / Double(nonzero.count)
    let mean = nonzero.reduce(0, +) / Double(nonzero.count)
    let variance = nonzero.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(nonzero.count)
    let cv2 = variance / (mean * mean)
    switch (adi < 1.32, cv2 < 0.49) {
    case (true, true): return .smooth
    case (true, false): return .erratic
    case (false, true): return .intermittent
    case (false, false): return .lumpy
    }
}

/// The outcome of simulating (s, nQ) under the true processes, for every s at once.
///
/// Work in coordinates shifted by s: with the same demand and lead-time draws, the
/// inventory position minus s, the orders placed, their arrivals and so the cycles do not
/// depend on s, and the net stock is s + y(t) with y(t) independent of s. A unit is
/// backordered on day t iff there is demand that day and s + y(t) < 0 after it, so a cycle
/// (receipt to receipt) passes iff s >= W = -min y over its demand days. One run therefore
/// gives every s its cycle service level, P(W <= s), and its average on-hand stock,
/// mean max(0, s + y(t)). Orders may cross (lead times are independent).
struct TrueCycles {
    /// Per cycle, the smallest reorder point with which it passes (-inf: no demand in it).
    var thresholds: [Double]
    /// Net stock minus s at the end of each day after warm-up.
    var netStockMinusS: [Double]
    /// Lead-time demand draws D_L (no undershoot), for the "exact LTD quantile" comparison.
    var leadTimeDemand: [Double]

    init(demand: CalibrationDemand, leadTime: CalibrationLeadTime, orderQuantity q: Double,
         cycles: Int, random r: inout CalibrationRandom) {
        var x = q, y = q
        var pipeline: [(day: Int, units: Double)] = []
        var thresholds: [Double] = []
        var stock: [Double] = []
        var cycleMin = Double.infinity
        var receipts = 0
        let warmupCycles = 5
        var day = 0
        while thresholds.count < cycles {
            let d = demand.day(&r)
            if d > 0 {
                x -= d
                y -= d
                cycleMin = min(cycleMin, y)
            }
            var received = false
            pipeline.removeAll { order in
                guard order.day == day else { return false }
                y += order.units
                received = true
                return true
            }
            if received {
                receipts += 1
                if receipts > warmupCycles { thresholds.append(-cycleMin) }
                cycleMin = .infinity
            }
            if x <= 0 {
                let lots = (-x / q).rounded(.down) + 1
                x += lots * q
                pipeline.append((day + leadTime.draw(&r), lots * q))
            }
            if receipts >= warmupCycles { stock.append(y) }
            day += 1
        }
        var ltd: [Double] = []
        for _ in 0..<cycles {
            let l = leadTime.draw(&r)
            var total = 0.0
            for _ in 0..<l { total += demand.day(&r) }
            ltd.append(total)
        }
        self.thresholds = thresholds
        self.netStockMinusS = stock
        self.leadTimeDemand = ltd
    }

    /// Share of cycles with no unit backordered under reorder point s.
    func serviceLevel(_ s: Int) -> Double {
        Double(thresholds.filter { $0 <= Double(s) }.count) / Double(thresholds.count)
    }
    /// Average on-hand stock under reorder point s, units.
    func onHand(_ s: Int) -> Double {
        netStockMinusS.reduce(0) { $0 + max(0, Double(s) + $1) } / Double(netStockMinusS.count)
    }
    /// The smallest s >= 0 whose cycle service level is at least `level`.
    func smallestSufficient(_ level: Double) -> Int {
        let sorted = thresholds.sorted()
        let k = min(sorted.count, max(1, Int((level * Double(sorted.count)).rounded(.up))))
        return max(0, Int(sorted[k - 1].rounded(.up)))
    }
    /// The `level` quantile of lead-time demand alone, whole units.
    func leadTimeDemandQuantile(_ level: Double) -> Int {
        let sorted = leadTimeDemand.sorted()
        let k = min(sorted.count, max(1, Int((level * Double(sorted.count)).rounded(.up))))
        return Int(sorted[k - 1].rounded(.up))
    }
}
