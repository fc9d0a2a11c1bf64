import Foundation

/// The random draws the generator needs, each from a documented textbook method so that the
/// same state always gives the same value (Luc Devroye, "Non-Uniform Random Variate
/// Generation", Springer 1986, for all of them).
extension SplitMix64 {
    /// A uniform double in [0, 1): the top 53 bits of `next()` times 2^-53.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1]: for logarithms.
    mutating func uniformPositive() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }

    /// A uniform integer in `range` (both ends included), by Lemire's multiply-shift
    /// reduction of 64 random bits (bias below 2^-32 for the small ranges used here).
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        if width == 0 { return Int(truncatingIfNeeded: next()) }
        let product = next().multipliedFullWidth(by: width)
        return range.lowerBound + Int(product.high)
    }

    /// A uniform double in `range`.
    mutating func uniform(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * uniform()
    }

    /// True with probability `p`.
    mutating func bernoulli(_ p: Double) -> Bool {
        uniform() < p
    }

    /// A standard normal deviate, Box-Muller transform (one of the pair; the other is dropped
    /// so that every draw consumes exactly two 64-bit words).
    mutating func normal() -> Double {
        let u1 = uniformPositive()
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A log-normal deviate with the given median and shape `sigma` (sd of its logarithm):
    /// median * exp(sigma * Z). Its mean is median * exp(sigma^2 / 2), its squared coefficient
    /// of variation exp(sigma^2) - 1.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * exp(sigma * normal())
    }

    /// A Poisson count with mean `mean` >= 0: Knuth's product-of-uniforms method below 30,
    /// the normal approximation N(mean, mean) rounded and floored at 0 above.
    mutating func poisson(mean: Double) -> Int {
        if mean <= 0 { return 0 }
        if mean < 30 {
            let limit = exp(-mean)
            var count = 0
            var product = uniform()
            while product > limit {
                count += 1
                product *= uniform()
            }
            return count
        }
        return max(0, Int((mean + mean.squareRoot() * normal()).rounded()))
    }

    /// A geometric count on 1, 2, 3, ... with the given mean >= 1 (success probability
    /// p = 1 / mean), by inversion: 1 + floor(ln U / ln(1 - p)).
    mutating func geometric(mean: Double) -> Int {
        if mean <= 1 { return 1 }
        let p = 1 / mean
        return 1 + Int(min(1e9, log(uniformPositive()) / log(1 - p)))
    }

    /// One index drawn with probabilities proportional to `cumulative` (a running total,
    /// last element the total weight).
    mutating func pick(cumulative: [Double]) -> Int {
        let target = uniform() * cumulative[cumulative.count - 1]
        var index = 0
        while index < cumulative.count - 1 && cumulative[index] <= target { index += 1 }
        return index
    }
}
