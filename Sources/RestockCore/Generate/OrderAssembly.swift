/// Groups one day's order lines, drawn SKU by SKU, into customer orders, with the day's own
/// random stream (`GeneratorStream.dayOrders`), so the result depends only on the seed, the
/// day and the lines.
///
/// The lines are shuffled (Fisher-Yates), then cut into baskets of 1, 2, 3 or 4 lines
/// (probabilities 0.50, 0.25, 0.15, 0.10); a basket closes early rather than take a SKU it
/// already holds, so an order's lines are different SKUs. Each order gets a time of day from
/// a daily curve (quiet at night, peaks late morning and evening), orders are numbered in time
/// order, and get a status: `cancelled` (1 %), `paid` (60 %) or empty; 2 % of orders write
/// ordered_at with a `+01:00` offset.
enum OrderAssembly {
    /// Relative order intake per UTC hour, 00 to 23.
    static let hourWeights: [Double] = [
        0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.5, 1.0, 1.6, 2.0, 2.2, 2.3,
        2.2, 2.1, 2.1, 2.0, 2.0, 2.1, 2.3, 2.5, 2.4, 1.9, 1.2, 0.6,
    ]
    static let cumulativeHours: [Double] = running(hourWeights)
    /// Lines per basket: 1...4.
    static let cumulativeBasket: [Double] = running([0.50, 0.25, 0.15, 0.10])

    static func running(_ weights: [Double]) -> [Double] {
        var total = 0.0
        return weights.map { total += $0; return total }
    }

    /// Appends the orders of `day` made of `draws` (that day's lines, by SKU) to `lines`,
    /// numbering orders from `firstOrder`; returns the number of orders.
    static func assemble(day: Day, draws: ArraySlice<DemandDraw>, seed: UInt64, firstOrder: Int32,
                         into lines: inout [OrderLineRecord]) -> Int {
        let n = draws.count
        if n == 0 { return 0 }
        var rng = GeneratorStream.dayOrders.generator(seed: seed, index: day)
        let base = draws.startIndex
        var order = Array(0..<n)
        var i = n - 1
        while i > 0 {
            let j = rng.integer(in: 0...i)
            order.swapAt(i, j)
            i -= 1
        }

        // Baskets as (start, count) in `order`.
        var baskets: [(start: Int, count: Int)] = []
        baskets.reserveCapacity(n / 2 + 1)
        var position = 0
        while position < n {
            let size = rng.pick(cumulative: cumulativeBasket) + 1
            var count = 1
            candidates: while count < size && position + count < n {
                let sku = draws[base + order[position + count]].sku
                for k in 0..<count where draws[base + order[position + k]].sku == sku {
                    break candidates
                }
                count += 1
            }
            baskets.append((position, count))
            position += count
        }

        var seconds = (0..<baskets.count).map { _ -> Int in
            rng.pick(cumulative: cumulativeHours) * 3_600 + rng.integer(in: 0...3_599)
        }
        seconds.sort()
        let midnight = Int64(day) * 86_400
        for (k, basket) in baskets.enumerated() {
            let status = rng.uniform()
            var flags: UInt8 = status < 0.01 ? OrderLineRecord.cancelled
                : status < 0.61 ? OrderLineRecord.paid : 0
            if rng.bernoulli(0.02) { flags |= OrderLineRecord.offset }
            let number = firstOrder + Int32(k)
            for l in 0..<basket.count {
                let draw = draws[base + order[basket.start + l]]
                lines.append(OrderLineRecord(time: midnight + Int64(seconds[k]), order: number,
                                             sku: draw.sku, quantity: draw.quantity,
                                             priceCents: draw.priceCents, line: UInt8(l + 1),
                                             flags: flags))
            }
        }
        return baskets.count
    }
}
