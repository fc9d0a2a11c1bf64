import Foundation

/// One synthetic supplier: its name, the category it mostly serves and its lead-time
/// behaviour.
///
/// Lead times of its purchase orders are drawn per PO, log-normal around a mean that can drift
/// upward over the horizon (a supplier "slowly slowing down"):
///
///     mean(f) = baseMeanDays * (1 + slowdown * f),  f = 0 at the first day, 1 at the last
///     L = max(1, round(mean(f) * exp(sigma * Z - sigma^2 / 2))),  sigma^2 = ln(1 + cv^2)
///
/// so the mean of L is mean(f) and its coefficient of variation `cv` (before rounding).
struct SupplierProfile: Sendable, Hashable {
    /// How a supplier's lead times behave.
    enum Behaviour: String, Sendable, Hashable {
        /// Reliable: cv 0.05...0.15, no drift.
        case steady
        /// Unreliable: cv 0.3...0.6, no drift.
        case variable
        /// Getting slower: cv 0.1...0.25, mean rising by 40...100 % over the horizon.
        case slowing
    }

    /// 0-based supplier number.
    var index: Int
    var name: String
    /// The category (index into `ProductCatalog.categories`) its SKUs belong to.
    var category: Int
    var behaviour: Behaviour
    /// Mean lead time at the first day, days (5...30).
    var baseMeanDays: Double
    /// Coefficient of variation of a lead time.
    var cv: Double
    /// Relative rise of the mean from the first to the last day (0 unless slowing).
    var slowdown: Double

    /// The number of suppliers for `skus` SKUs: one per 500 SKUs, 20...200, but at most one
    /// per 4 SKUs and at least one per category (so 40 SKUs have 10 suppliers).
    static func count(forSKUs skus: Int) -> Int {
        let byScale = min(200, max(20, skus / 500))
        return max(ProductCatalog.categories.count, min(byScale, skus / 4))
    }

    /// The supplier `index` under `seed` (its own stream; see `GeneratorStream`).
    init(index: Int, seed: UInt64) {
        var rng = GeneratorStream.supplierProfile.generator(seed: seed, index: index)
        self.index = index
        self.name = SupplierProfile.name(index)
        self.category = index % ProductCatalog.categories.count
        // Shorter lead times are commoner: 5 + 25 u^1.6 days.
        self.baseMeanDays = 5 + 25 * pow(rng.uniform(), 1.6)
        let kind = rng.uniform()
        if kind < 0.45 {
            behaviour = .steady
            cv = rng.uniform(in: 0.05...0.15)
            slowdown = 0
        } else if kind < 0.8 {
            behaviour = .variable
            cv = rng.uniform(in: 0.3...0.6)
            slowdown = 0
        } else {
            behaviour = .slowing
            cv = rng.uniform(in: 0.1...0.25)
            slowdown = rng.uniform(in: 0.4...1.0)
        }
    }

    /// The mean lead time at horizon fraction `fraction` (0 first day ... 1 last day), days.
    func meanDays(atFraction fraction: Double) -> Double {
        baseMeanDays * (1 + slowdown * fraction)
    }

    /// One PO's lead time in whole days (>= 1), drawn at horizon fraction `fraction`.
    func drawLeadDays(atFraction fraction: Double, using rng: inout SplitMix64) -> Int {
        let sigma = log(1 + cv * cv).squareRoot()
        let value = meanDays(atFraction: fraction) * exp(sigma * rng.normal() - sigma * sigma / 2)
        return max(1, Int(value.rounded()))
    }

    /// The lead time the supplier quotes, days: its first-day mean, rounded down to a
    /// round-looking figure (7, 10, 14, 21 ... days), a touch optimistic as quotes are.
    var quotedDays: Int {
        let steps = [3, 5, 7, 10, 14, 21, 28, 30]
        let mean = Int(baseMeanDays.rounded())
        return steps.last(where: { $0 <= mean }) ?? 3
    }

    private static let stems = [
        "Acme", "Northwind", "Bluebird", "Harbor", "Summit", "Keystone", "Evergreen", "Pioneer",
        "Redwood", "Silverline", "Granite", "Meridian", "Orchard", "Lakeside", "Ironbridge",
        "Sunrise", "Cobalt", "Falcon", "Maplewood", "Atlas",
    ]
    private static let trades = [
        "Supply", "Trading", "Wholesale", "Industries", "Distribution", "Imports",
        "Manufacturing", "Sourcing",
    ]
    private static let forms = ["Ltd", "GmbH", "Inc."]

    /// A unique, readable name: stem (index mod 20), trade ((index + index / 20) mod 8, which
    /// 21 ≡ 5 mod 8 makes distinct within a stem) and legal form (index / 160) cycle so that
    /// the first 480 are distinct; beyond that a number is added.
    static func name(_ index: Int) -> String {
        let stem = stems[index % stems.count]
        let trade = trades[(index + index / stems.count) % trades.count]
        let form = forms[(index / (stems.count * trades.count)) % forms.count]
        let cycle = index / (stems.count * trades.count * forms.count)
        return cycle == 0 ? "\(stem) \(trade) \(form)" : "\(stem) \(trade) \(form) \(cycle + 1)"
    }
}
