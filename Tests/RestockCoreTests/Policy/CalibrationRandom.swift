import Foundation
import RestockCore

/// SplitMix64 with the draws the calibration worlds need (test-only).
struct CalibrationRandom {
    private var generator: SplitMix64
    init(seed: UInt64) { generator = SplitMix64(state: seed) }

    mutating func next() -> UInt64 { generator.next() }
    /// Uniform on [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }
    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * uniform() }
    mutating func integer(_ a: Int, _ b: Int) -> Int { a + Int(uniform() * Double(b - a + 1)) }
    /// True with probability p.
    mutating func chance(_ p: Double) -> Bool { uniform() < p }
    /// Standard normal (Box-Muller).
    mutating func normal() -> Double {
        let u = 1 - uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * uniform())
    }
    /// Poisson(mean) by inversion for small means, a rounded normal beyond 50.
    mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 50 { return max(0, Int((mean + mean.squareRoot() * normal()).rounded())) }
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
    /// Gamma(shape, scale 1) by Marsaglia and Tsang (2000); shape < 1 by their boost
    /// Gamma(shape + 1) · U^(1/shape).
    mutating func gamma(shape: Double) -> Double {
        if shape < 1 { return gamma(shape: shape + 1) * pow(1 - uniform(), 1 / shape) }
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
    /// Negative binomial with the given mean and size r (variance mean + mean²/r), as a
    /// gamma-mixed Poisson.
    mutating func negativeBinomial(mean: Double, size r: Double) -> Int {
        poisson(gamma(shape: r) * mean / r)
    }
    /// Lognormal with the given mean and coefficient of variation.
    mutating func lognormal(mean: Double, cv: Double) -> Double {
        let s2 = log(1 + cv * cv)
        return exp(log(mean) - s2 / 2 + s2.squareRoot() * normal())
    }
    /// Pareto (type I) with minimum xm and tail index a: xm / U^(1/a).
    mutating func pareto(minimum xm: Double, index a: Double) -> Double {
        xm / pow(1 - uniform(), 1 / a)
    }
    /// 1 + Geometric on {0, 1, …} with mean `extra`.
    mutating func geometric(extra: Double) -> Double {
        guard extra > 0 else { return 1 }
        let p = 1 / (1 + extra)
        return 1 + (log(1 - uniform()) / log(1 - p)).rounded(.down)
    }
}
