import Foundation

/// The textbook reorder point, for comparison only (README, "Replay"; the calibration table):
///
///     s = d·L + z·√(L·σd² + d²·σL²),   z = Φ⁻¹(service level)
///
/// with d and σd the mean and standard deviation of daily demand, L and σL those of the lead
/// time in days (the lead-time demand of a random lead time, assumed normal; e.g. Silver, Pyke
/// and Thomas, "Inventory and Production Management in Supply Chains", 4th ed., 2017, ch. 6),
/// rounded up to a whole unit. It ignores the undershoot and the shape of lumpy demand, which
/// is why restock does not use it for its own points.
public enum NormalFormula {
    /// The reorder point, whole units (>= 0); 0 for a SKU without demand.
    public static func reorderPoint(dailyMean d: Double, dailySD sd: Double, leadTimeDays l: Double,
                                    leadTimeSD sl: Double, serviceLevel: Double) -> Double {
        guard d.isFinite, sd.isFinite, l.isFinite, sl.isFinite, d > 0 else { return 0 }
        let z = inverseStandardNormal(min(max(serviceLevel, 0.5), 0.9999))
        let spread = (max(l, 0) * sd * sd + d * d * sl * sl).squareRoot()
        let s = (d * max(l, 0) + z * spread).rounded(.up)
        return s.isFinite ? max(0, min(s, 1e15)) : 0
    }

    /// Φ⁻¹(p) for 0 < p < 1, by Peter Acklam's rational approximation (relative error below
    /// 1.2e-9): a central rational function for 0.02425 <= p <= 0.97575 and a tail one in
    /// √(-2 ln p) outside it.
    public static func inverseStandardNormal(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00]
        guard p > 0, p < 1 else { return p <= 0 ? -.infinity : .infinity }
        func tail(_ q: Double) -> Double {
            (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p < 0.02425 { return tail((-2 * log(p)).squareRoot()) }
        if p > 1 - 0.02425 { return -tail((-2 * log(1 - p)).squareRoot()) }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
