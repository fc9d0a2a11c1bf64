/// A SKU's Syntetos-Boylan-Croston demand class with the two figures behind it
/// (README, "The figures": adi, cv2, demand_class).
public struct DemandClassification: Sendable, Hashable {
    /// Average inter-demand interval: weeks in the history / weeks with demand, >= 1;
    /// nil when fewer than 2 weeks have demand.
    public var adi: Double?
    /// Squared coefficient of variation of the non-zero weekly totals, >= 0;
    /// nil when fewer than 2 weeks have demand.
    public var cv2: Double?
    /// The class the two figures put the SKU in (`.new` with fewer than 2 demand weeks).
    public var demandClass: DemandClass

    public init(adi: Double?, cv2: Double?, demandClass: DemandClass) {
        self.adi = adi
        self.cv2 = cv2
        self.demandClass = demandClass
    }
}

/// Sorts a weekly demand history into smooth, erratic, intermittent, lumpy or new.
///
/// The scheme is Syntetos, Boylan & Croston (2005), "On the categorization of demand
/// patterns", JORS 56(5):495-503, with their cut-offs ADI = 1.32 and CV² = 0.49, as fixed
/// in README, "The figures".
public enum DemandClassifier {
    /// ADI cut-off as a fraction: 1.32 = 132 / 100.
    static let adiCutNumerator = 132, adiCutDenominator = 100
    /// CV² cut-off as a fraction: 0.49 = 49 / 100.
    static let cv2CutNumerator = 49, cv2CutDenominator = 100

    /// Classifies a weekly history (units per week, oldest first, non-negative).
    ///
    /// With k the number of weeks whose demand is > 0 and x₁…x_k those weeks' totals:
    /// - adi = weeks / k
    /// - cv2 = (σ / μ)², σ the population standard deviation and μ the mean of x₁…x_k;
    ///   equivalently (k·S2 − S1²) / S1² with S1 = Σx, S2 = Σx².
    /// - smooth: adi < 1.32 and cv2 < 0.49; erratic: adi < 1.32 and cv2 >= 0.49;
    ///   intermittent: adi >= 1.32 and cv2 < 0.49; lumpy: adi >= 1.32 and cv2 >= 0.49.
    /// - k < 2: `.new`, adi and cv2 nil.
    ///
    /// The cut-offs compare exactly (README, "The figures"): `100·weeks >= 132·k` in integers and
    /// `100·(k·S2 − S1²) >= 49·S1²` in exact integer arithmetic on the totals (scaled by 10⁴
    /// when some are fractional multiples of 0.0001), so totals 3 and 17 (cv2 = 0.49
    /// exactly) are erratic or lumpy. Only totals that are not multiples of 0.0001, or sums
    /// beyond 128 bits, fall back to a floating-point comparison.
    public static func classify(weekly: [Double]) -> DemandClassification {
        let weeks = weekly.count
        var k = 0
        var sum = 0.0
        for x in weekly where x > 0 {
            k += 1
            sum += x
        }
        guard k >= 2 else { return DemandClassification(adi: nil, cv2: nil, demandClass: .new) }

        let adi = Double(weeks) / Double(k)
        var cv2 = squaredVariation(weekly, k: k, sum: sum, scale: 1)
        if !cv2.isFinite, let largest = weekly.max(), largest > 0 {
            // Totals so large their sum overflows, or so small the mean's square underflows
            // (a store holding values from before the input bounds): cv2 does not change with
            // the scale, so it is computed on the totals divided by the largest.
            let scaled = weekly.reduce(0) { $1 > 0 ? $0 + $1 / largest : $0 }
            cv2 = squaredVariation(weekly, k: k, sum: scaled, scale: largest)
        }

        let intermittent = adiCutDenominator * weeks >= adiCutNumerator * k
        let variable = cv2AtLeastCutoff(weekly: weekly) ?? (cv2 >= 0.49)
        let demandClass: DemandClass = switch (intermittent, variable) {
        case (false, false): .smooth
        case (false, true): .erratic
        case (true, false): .intermittent
        case (true, true): .lumpy
        }
        // Infinite weekly totals have no finite cv2: the cell is left empty.
        return DemandClassification(adi: adi, cv2: cv2.isFinite ? cv2 : nil, demandClass: demandClass)
    }

    /// (σ / μ)² of the positive totals divided by `scale`, whose sum is `sum` and count `k`.
    private static func squaredVariation(_ weekly: [Double], k: Int, sum: Double, scale: Double) -> Double {
        let mean = sum / Double(k)
        var squares = 0.0
        for x in weekly where x > 0 {
            let y = scale == 1 ? x : x / scale
            squares += (y - mean) * (y - mean)
        }
        return (squares / Double(k)) / (mean * mean)
    }

    /// Whether cv2 >= 0.49, decided exactly: `100·(k·S2 − S1²) >= 49·S1²` over the non-zero
    /// totals as integers (units, or units × 10⁴ when some total is fractional).
    /// nil when the totals are not multiples of 0.0001 or the sums overflow 128 bits.
    static func cv2AtLeastCutoff(weekly: [Double]) -> Bool? {
        if let exact = cv2AtLeastCutoff(weekly: weekly, scale: 1) { return exact }
        return cv2AtLeastCutoff(weekly: weekly, scale: 10_000)
    }

    private static func cv2AtLeastCutoff(weekly: [Double], scale: Double) -> Bool? {
        var k: UInt64 = 0
        var s1 = WideUInt.zero
        var s2 = WideUInt.zero
        for x in weekly where x > 0 {
            let scaled = (x * scale).rounded()
            // The total must be exactly `scaled / scale` (a multiple of 1/scale) and fit 64 bits.
            guard scaled / scale == x, scaled < 0x1p63 else { return nil }
            let v = UInt64(scaled)
            k += 1
            guard let a = s1.adding(WideUInt(v)),
                  let b = s2.adding(WideUInt.product(v, v)) else { return nil }
            s1 = a
            s2 = b
        }
        guard s1.high == 0 else { return nil }
        let s1Squared = WideUInt.product(s1.low, s1.low)
        guard let kS2 = s2.multiplied(by: k),
              let spread = kS2.subtracting(s1Squared),
              let lhs = spread.multiplied(by: UInt64(cv2CutDenominator)),
              let rhs = s1Squared.multiplied(by: UInt64(cv2CutNumerator)) else { return nil }
        return lhs >= rhs
    }
}
