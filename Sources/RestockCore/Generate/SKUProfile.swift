import Foundation

/// One synthetic SKU: master data, the demand process it follows and the stock policy in
/// force, all drawn from the SKU's own profile stream.
///
/// Demand (order lines per day, then units per line):
///
///     lines on day d ~ Poisson(rate * weekday(d) * season(category, d) * trend(d))
///     trend(d) = max(0.1, 1 + trendPerYear * (d - middle day) / 365)
///
/// with the line size and rate set by the intended demand class (Syntetos & Boylan, 2005,
/// cut-offs ADI 1.32 and CV^2 0.49 on weekly totals):
///
/// | class        | share | lines per day            | units per line                         |
/// | ------------ | ----- | ------------------------ | -------------------------------------- |
/// | smooth       | 18 %  | log-normal, median 0.5, sigma 0.7, 0.45...25 | geometric, mean 1...2 |
/// | erratic      | 14 %  | log-normal, median 0.5, sigma 0.6, 0.35...15  | ceil(log-normal), median 2...8, sigma 1.0...1.4 |
/// | intermittent | 37 %  | uniform 0.015...0.12     | geometric, mean 1...1.4                |
/// | lumpy        | 31 %  | uniform 0.015...0.10     | ceil(log-normal), median 3...20, sigma 0.9...1.4 |
///
/// For compound-Poisson weekly totals CV^2 ~ (1 + c^2) / (7 rate), c the line size's
/// coefficient of variation, which is how the rates above keep smooth SKUs below 0.49.
struct SKUProfile: Sendable {
    /// The demand class the SKU's parameters aim at (the data decide the measured one).
    enum DemandClass: String, Sendable, Hashable, CaseIterable {
        case smooth, erratic, intermittent, lumpy
    }

    /// How units per order line are drawn.
    enum LineSize: Sendable, Hashable {
        /// 1, 2, 3, ... with this mean.
        case geometric(mean: Double)
        /// ceil of a log-normal with this median and log-sd.
        case logNormal(median: Double, sigma: Double)

        /// Expected units per line (the ceiling adds about half a unit).
        var mean: Double {
            switch self {
            case .geometric(let mean): return mean
            case .logNormal(let median, let sigma): return median * exp(sigma * sigma / 2) + 0.5
            }
        }

        /// Expected square of units per line.
        var meanSquare: Double {
            switch self {
            case .geometric(let mean): return 2 * mean * mean - mean
            case .logNormal(let median, let sigma): return median * median * exp(2 * sigma * sigma) + mean
            }
        }

        func draw(using rng: inout SplitMix64) -> Int {
            switch self {
            case .geometric(let mean): return rng.geometric(mean: mean)
            case .logNormal(let median, let sigma):
                return max(1, Int(min(1e6, rng.logNormal(median: median, sigma: sigma)).rounded(.up)))
            }
        }
    }

    /// 1-based SKU number; the SKU is `SKU-` and this number with at least 6 digits.
    var number: Int
    var name: String
    var category: Int
    var supplier: Int
    var demandClass: DemandClass
    /// Mean order lines per day before weekday, season and trend factors.
    var linesPerDay: Double
    var lineSize: LineSize
    /// Relative change of the line rate per year (a straight line through the middle day).
    var trendPerYear: Double
    /// First day the SKU can be ordered (launches and new SKUs start late).
    var firstDay: Day
    var unitCostCents: Int
    /// Today's list price.
    var unitPriceCents: Int
    /// The price before `priceChangeDay` (the same as today's when there was no rise).
    var oldPriceCents: Int
    var priceChangeDay: Day
    var casePack: Int
    /// The SKU's own service-level target, or nil (most SKUs).
    var serviceLevel: Double?
    /// The reorder point the simulation runs with, units.
    var reorderPoint: Int
    /// The lot ordered at each reorder, units (a whole number of case packs).
    var orderQuantity: Int
    /// Whether products.csv shows the reorder point (a few are blank though in force).
    var listsReorderPoint: Bool
    /// Whether products.csv shows the order quantity.
    var listsOrderQuantity: Bool
    /// The quoted lead time shown in products.csv, days, or nil (blank).
    var quotedLeadDays: Int?
    /// Whether the reorder point was set too low on purpose (such SKUs backorder a lot).
    var policyTooLow: Bool
    /// Probability that a backordered customer gives up if not served in time.
    var cancelProbability: Double
    /// Mean days such a customer waits before cancelling.
    var patienceDays: Double
    /// Units on hand on the first day.
    var initialOnHand: Int

    /// The SKU `number` under `seed`, served by one of `suppliers`, over days
    /// `startDay...endDay`. The draws are taken in a fixed order (catalogue, demand, launch,
    /// prices, policy), so a seed always gives the same SKU.
    init(number: Int, seed: UInt64, suppliers: [SupplierProfile], startDay: Day, endDay: Day) {
        var rng = GeneratorStream.skuProfile.generator(seed: seed, index: number)
        self.number = number
        let categoryCount = ProductCatalog.categories.count
        category = rng.integer(in: 0...(categoryCount - 1))
        // A supplier of the SKU's category (suppliers cycle through categories).
        let ofCategory = stride(from: category, to: suppliers.count, by: categoryCount).map { $0 }
        supplier = ofCategory.isEmpty ? rng.integer(in: 0...(suppliers.count - 1))
            : ofCategory[rng.integer(in: 0...(ofCategory.count - 1))]
        name = ProductCatalog.productName(category: category, using: &rng)

        let demand = Self.drawDemand(using: &rng)
        demandClass = demand.demandClass
        linesPerDay = demand.linesPerDay
        lineSize = demand.lineSize
        trendPerYear = max(-0.4, min(0.4, 0.15 * rng.normal()))
        firstDay = Self.drawFirstDay(number: number, linesPerDay: &linesPerDay, startDay: startDay, endDay: endDay, using: &rng)

        let prices = Self.drawPrices(category: category, startDay: startDay, days: endDay - startDay + 1, using: &rng)
        unitCostCents = prices.unitCostCents
        unitPriceCents = prices.unitPriceCents
        oldPriceCents = prices.oldPriceCents
        priceChangeDay = prices.priceChangeDay
        casePack = prices.casePack
        let levels = [0.9, 0.97, 0.98, 0.99, 0.995]
        serviceLevel = rng.bernoulli(0.05) ? levels[rng.integer(in: 0...(levels.count - 1))] : nil

        let policy = Self.drawPolicy(linesPerDay: linesPerDay, lineSize: lineSize, lead: suppliers[supplier].baseMeanDays,
                                     casePack: casePack, using: &rng)
        policyTooLow = policy.tooLow
        reorderPoint = policy.reorderPoint
        orderQuantity = policy.orderQuantity
        listsReorderPoint = !rng.bernoulli(0.04)
        listsOrderQuantity = !rng.bernoulli(0.03)
        let quoted = suppliers[supplier].quotedDays
        quotedLeadDays = rng.bernoulli(0.2) ? nil : quoted
        cancelProbability = rng.uniform(in: 0.1...0.5)
        patienceDays = rng.uniform(in: 5...20)
        initialOnHand = reorderPoint + rng.integer(in: 0...orderQuantity)
    }

    /// The demand class and its order-line rate and size (README, "The generator").
    private static func drawDemand(using rng: inout SplitMix64) -> (demandClass: DemandClass, linesPerDay: Double, lineSize: LineSize) {
        let classDraw = rng.uniform()
        if classDraw < 0.18 {
            let rate = min(25, max(0.45, rng.logNormal(median: 0.5, sigma: 0.7)))
            return (.smooth, rate, .geometric(mean: rng.uniform(in: 1.0...2.0)))
        } else if classDraw < 0.32 {
            let rate = min(15, max(0.35, rng.logNormal(median: 0.5, sigma: 0.6)))
            return (.erratic, rate, .logNormal(median: rng.uniform(in: 2...8), sigma: rng.uniform(in: 1.0...1.4)))
        } else if classDraw < 0.69 {
            let rate = rng.uniform(in: 0.015...0.12)
            return (.intermittent, rate, .geometric(mean: rng.uniform(in: 1.0...1.4)))
        } else {
            let rate = rng.uniform(in: 0.015...0.10)
            return (.lumpy, rate, .logNormal(median: rng.uniform(in: 3...20), sigma: rng.uniform(in: 0.9...1.4)))
        }
    }

    /// The first day the SKU sells: every 25th SKU is new (launched within the last 1...7
    /// weeks, so that even a small sample has some, selling at least a line every three days
    /// or so), 8% more launch during the horizon, the rest sell from its start.
    private static func drawFirstDay(number: Int, linesPerDay: inout Double, startDay: Day, endDay: Day,
                                     using rng: inout SplitMix64) -> Day {
        let days = endDay - startDay + 1
        let launch = rng.uniform()
        if number % 25 == 13 {
            linesPerDay = max(linesPerDay, 0.3)
            return max(startDay, endDay - rng.integer(in: 6...48))
        } else if launch < 0.08 {
            return startDay + rng.integer(in: 0...max(0, days * 3 / 4))
        }
        return startDay
    }

    /// Cost, price, an earlier price for 30% of SKUs and the case pack, from the category's
    /// median cost.
    private static func drawPrices(category: Int, startDay: Day, days: Int, using rng: inout SplitMix64)
        -> (unitCostCents: Int, unitPriceCents: Int, oldPriceCents: Int, priceChangeDay: Day, casePack: Int) {
        let medianCost = ProductCatalog.categories[category].medianCost
        let cost = max(0.2, rng.logNormal(median: medianCost, sigma: 0.8))
        let unitCostCents = Int((cost * 100).rounded())
        let price = cost * rng.uniform(in: 1.4...2.6)
        let unitPriceCents = price >= 2 ? Int(price) * 100 + 99 : max(unitCostCents + 5, Int((price * 20).rounded()) * 5)
        var oldPriceCents = unitPriceCents
        var priceChangeDay = startDay
        if rng.bernoulli(0.3) {
            let rise = rng.uniform(in: 0.03...0.10)
            oldPriceCents = max(1, Int((Double(unitPriceCents) / (1 + rise)).rounded()))
            priceChangeDay = startDay + rng.integer(in: 0...max(0, days - 1))
        }
        let packs: [Int] = cost < 2 ? [6, 12, 24, 50, 100] : cost < 10 ? [1, 1, 6, 12] : [1, 1, 1, 2, 4]
        let casePack = packs[rng.integer(in: 0...(packs.count - 1))]
        return (unitCostCents, unitPriceCents, oldPriceCents, priceChangeDay, casePack)
    }

    /// The policy in force: lead-time demand plus z standard deviations over the supplier's
    /// first-day mean lead time `lead`; 15% of SKUs get far too low a point. The order
    /// quantity covers 10-45 days in whole case packs.
    private static func drawPolicy(linesPerDay: Double, lineSize: LineSize, lead: Double, casePack: Int,
                                   using rng: inout SplitMix64) -> (tooLow: Bool, reorderPoint: Int, orderQuantity: Int) {
        let unitsPerDay = linesPerDay * lineSize.mean
        let sdPerDay = (linesPerDay * lineSize.meanSquare).squareRoot()
        let tooLow = rng.bernoulli(0.15)
        let reorderPoint: Int
        if tooLow {
            reorderPoint = Int((rng.uniform(in: 0.1...0.5) * unitsPerDay * lead).rounded())
        } else {
            let z = rng.uniform(in: 0.8...2.0)
            reorderPoint = Int((unitsPerDay * lead + z * sdPerDay * lead.squareRoot()).rounded())
        }
        let coverDays = rng.uniform(in: 10...45)
        let packsPerOrder = max(1, Int((unitsPerDay * coverDays / Double(casePack)).rounded(.up)))
        return (tooLow, reorderPoint, packsPerOrder * casePack)
    }

    /// `SKU-000123`.
    var code: String {
        SKUProfile.code(number)
    }

    /// `SKU-` and `number` with at least 6 digits.
    static func code(_ number: Int) -> String {
        let digits = String(number)
        return "SKU-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The expected order lines on `day` (0 before the first day).
    func lineRate(on day: Day, middleDay: Double, season: Double) -> Double {
        if day < firstDay { return 0 }
        let trend = max(0.1, 1 + trendPerYear * (Double(day) - middleDay) / 365)
        return linesPerDay * ProductCatalog.weekdayFactors[ProductCatalog.weekday(day)] * season * trend
    }
}
