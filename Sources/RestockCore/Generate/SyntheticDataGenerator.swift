import Foundation

/// Writes a folder of realistic synthetic shop data in the four input formats of README,
/// "Input files" (`orders.csv`, `backorders.csv`, `products.csv`, `receipts.csv`): the engine of
/// `restock generate` (README, "The generator"). The same configuration gives byte-identical files.
///
/// How the data arise:
/// 1. Suppliers (`SupplierProfile`) and SKUs (`SKUProfile`) are drawn, each from its own
///    stream of the seed (`GeneratorStream`).
/// 2. Days are processed in blocks of 28. For each block, every SKU draws its order lines
///    per day from its demand stream (in parallel over SKUs); the lines of each day are
///    grouped into orders with that day's stream (`OrderAssembly`), numbered in time order.
/// 3. Every SKU's stock then runs through the block's lines (`InventorySimulation`, in
///    parallel over SKUs), producing receipts and backorders.
/// 4. The block's order lines are written in time order. Memory holds one block's lines,
///    the per-SKU states, and the backorder and receipt rows (a few per cent of the lines).
/// 5. At the end, backorders (sorted by backordered_at, ids `BO-0000001` ...) and receipts
///    (sorted by ordered_at, ids `PO-000001` ...) are written, and products with the final
///    on_hand and on_order.
public enum SyntheticDataGenerator {
    /// Days per processing block.
    static let blockDays = 28

    /// Writes the four files into `directory` (created if missing; files replaced) and
    /// returns the rows written per file.
    public static func write(config: GeneratorConfig, to directory: String) throws -> GeneratorSummary {
        try write(config: config, to: directory, pieces: nil)
    }

    /// `write(config:to:)` with the SKUs cut into `pieces` pieces of parallel work (nil: two
    /// per core); the files never depend on it.
    static func write(config: GeneratorConfig, to directory: String, pieces: Int?) throws -> GeneratorSummary {
        guard config.skus >= 1 else { throw GeneratorError.invalidConfig("skus must be at least 1, got \(config.skus)") }
        guard config.days >= 1 else { throw GeneratorError.invalidConfig("days must be at least 1, got \(config.days)") }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError.cannotWrite(path: directory)
        }
        var run = GeneratorRun(config: config, pieces: pieces ?? ParallelChunks.count(items: config.skus))
        return try run.write(to: directory)
    }
}

/// The state of one generation run.
struct GeneratorRun {
    let config: GeneratorConfig
    /// Pieces of parallel work over the SKUs.
    let pieces: Int
    let suppliers: [SupplierProfile]
    let profiles: [SKUProfile]
    /// Seasonal factor per category and day offset.
    let seasons: [[Double]]
    let dates: DateTexts
    var demandStreams: [SplitMix64]
    var simulations: [InventorySimulation]
    var backorders: [BackorderRecord] = []
    var receipts: [ReceiptRecord] = []
    var nextOrder: Int32 = 1
    var orderLines = 0

    init(config: GeneratorConfig, pieces: Int) {
        self.config = config
        let pieces = max(1, min(pieces, config.skus))
        self.pieces = pieces
        let seed = config.seed
        let suppliers = (0..<SupplierProfile.count(forSKUs: config.skus)).map {
            SupplierProfile(index: $0, seed: seed)
        }
        self.suppliers = suppliers
        profiles = ParallelChunks.map(count: pieces) { piece in
            ParallelChunks.range(piece: piece, of: pieces, items: config.skus).map {
                SKUProfile(number: $0 + 1, seed: seed, suppliers: suppliers,
                           startDay: config.startDay, endDay: config.endDay)
            }
        }.flatMap { $0 }
        seasons = ProductCatalog.categories.indices.map { category in
            (config.startDay...config.endDay).map { ProductCatalog.seasonalFactor(category: category, day: $0) }
        }
        dates = DateTexts(days: config.startDay...(config.endDay + 1))
        demandStreams = (1...config.skus).map { GeneratorStream.skuDemand.generator(seed: seed, index: $0) }
        simulations = profiles.map { InventorySimulation(profile: $0, seed: seed) }
    }

    mutating func write(to directory: String) throws -> GeneratorSummary {
        let ordersFile = try BufferedFileWriter(path: directory + "/orders.csv")
        ordersFile.pending.raw("order_id,line_id,ordered_at,sku,quantity,unit_price,status\n")
        var blockStart = config.startDay
        while blockStart <= config.endDay {
            let blockEnd = min(config.endDay, blockStart + SyntheticDataGenerator.blockDays - 1)
            let lines = assembleOrders(days: blockStart...blockEnd, draws: drawDemand(days: blockStart...blockEnd))
            simulate(lines: lines, through: Int64(blockEnd + 1) * 86_400 - 1)
            try writeOrders(lines, to: ordersFile)
            orderLines += lines.count
            blockStart = blockEnd + 1
        }
        try ordersFile.close()

        for (index, simulation) in simulations.enumerated() {
            backorders.append(contentsOf: simulation.openBackorders(sku: index + 1))
        }
        backorders.sort(by: BackorderRecord.precedes)
        receipts.sort(by: ReceiptRecord.precedes)
        try writeBackorders(to: directory + "/backorders.csv")
        try writeReceipts(to: directory + "/receipts.csv")
        try writeProducts(to: directory + "/products.csv")
        return GeneratorSummary(orderLines: orderLines, orders: Int(nextOrder) - 1,
                                backorders: backorders.count, products: profiles.count,
                                receipts: receipts.count)
    }

    // MARK: Demand

    /// Every SKU's order lines on `days`, by day then SKU.
    mutating func drawDemand(days: ClosedRange<Day>) -> [[DemandDraw]] {
        let pieces = self.pieces
        let config = self.config
        let profiles = self.profiles
        let seasons = self.seasons
        let middleDay = Double(config.startDay + config.endDay) / 2
        let perPiece: [[DemandDraw]] = demandStreams.withUnsafeMutableBufferPointer { buffer in
            let streams = DisjointBuffer(base: buffer)
            return ParallelChunks.map(count: pieces) { piece in
                var draws: [DemandDraw] = []
                for index in ParallelChunks.range(piece: piece, of: pieces, items: config.skus) {
                    let profile = profiles[index]
                    var rng = streams.base[index]
                    for day in days {
                        let season = seasons[profile.category][day - config.startDay]
                        let lines = rng.poisson(mean: profile.lineRate(on: day, middleDay: middleDay, season: season))
                        for _ in 0..<lines {
                            let quantity = profile.lineSize.draw(using: &rng)
                            var price = day < profile.priceChangeDay ? profile.oldPriceCents : profile.unitPriceCents
                            if rng.bernoulli(0.05) {
                                let discount = [10, 15, 20][rng.integer(in: 0...2)]
                                price = (price * (100 - discount) + 50) / 100
                            }
                            draws.append(DemandDraw(dayOffset: Int32(day - days.lowerBound),
                                                    sku: Int32(index + 1), quantity: Int32(quantity),
                                                    priceCents: Int32(price)))
                        }
                    }
                    streams.base[index] = rng
                }
                return draws
            }
        }
        // Regroup by day, keeping SKU order within a day (a stable counting sort).
        var byDay: [[DemandDraw]] = Array(repeating: [], count: days.count)
        for piece in perPiece {
            for draw in piece { byDay[Int(draw.dayOffset)].append(draw) }
        }
        return byDay
    }

    /// The order lines of `days` in time order.
    mutating func assembleOrders(days: ClosedRange<Day>, draws: [[DemandDraw]]) -> [OrderLineRecord] {
        var lines: [OrderLineRecord] = []
        lines.reserveCapacity(draws.reduce(0) { $0 + $1.count })
        for (offset, day) in days.enumerated() {
            let orders = OrderAssembly.assemble(day: day, draws: draws[offset][...], seed: config.seed,
                                                firstOrder: nextOrder, into: &lines)
            nextOrder += Int32(orders)
        }
        return lines
    }

    // MARK: Stock

    /// Runs every SKU's stock through `lines` and to the instant `end`.
    mutating func simulate(lines: [OrderLineRecord], through end: Int64) {
        // Line indices by SKU (stable: each SKU's lines stay in time order).
        var starts = [Int](repeating: 0, count: config.skus + 1)
        for line in lines { starts[Int(line.sku)] += 1 }
        for k in 1...config.skus { starts[k] += starts[k - 1] }
        // starts[k] is now the end of SKU k's lines (1-based), i.e. the start of SKU k + 1's.
        var fill = [Int](repeating: 0, count: config.skus + 1)
        for k in 1...config.skus { fill[k] = starts[k - 1] }
        var bySKU = [Int32](repeating: 0, count: lines.count)
        for (i, line) in lines.enumerated() {
            bySKU[fill[Int(line.sku)]] = Int32(i)
            fill[Int(line.sku)] += 1
        }

        let ends = starts
        let order = bySKU
        let pieces = self.pieces
        let config = self.config
        let profiles = self.profiles
        let suppliers = self.suppliers
        let horizonStart = Int64(config.startDay) * 86_400
        let horizonLength = Double(max(1, config.days - 1)) * 86_400
        let outputs: [InventorySimulation.Output] = simulations.withUnsafeMutableBufferPointer { buffer in
            let states = DisjointBuffer(base: buffer)
            return ParallelChunks.map(count: pieces) { piece in
                var output = InventorySimulation.Output()
                for index in ParallelChunks.range(piece: piece, of: pieces, items: config.skus) {
                    let profile = profiles[index]
                    let context = InventorySimulation.Context(
                        profile: profile, supplier: suppliers[profile.supplier],
                        horizonStart: horizonStart, horizonLength: horizonLength)
                    var state = states.base[index]
                    let sku = index + 1
                    for k in ends[sku - 1]..<ends[sku] {
                        let line = lines[Int(order[k])]
                        if line.isCancelled { continue }
                        state.demand(time: line.time, quantity: Int(line.quantity), order: line.order,
                                     line: line.line, context: context, into: &output)
                    }
                    state.settle(through: end, context: context, into: &output)
                    states.base[index] = state
                }
                return output
            }
        }
        for output in outputs {
            backorders.append(contentsOf: output.backorders)
            receipts.append(contentsOf: output.receipts)
        }
    }

    // MARK: Files

    /// Formats `lines` (two halves in parallel) and appends them to the orders file.
    func writeOrders(_ lines: [OrderLineRecord], to file: BufferedFileWriter) throws {
        let pieces = max(1, min(8, lines.count / 50_000))
        let dates = self.dates
        let parts: [[UInt8]] = ParallelChunks.map(count: pieces) { piece in
            var out = CSVBytes(capacity: 64 * lines.count / pieces + 64)
            for i in ParallelChunks.range(piece: piece, of: pieces, items: lines.count) {
                let line = lines[i]
                out.raw("O-")
                out.integer(Int(line.order), width: 7)
                out.comma()
                out.integer(Int(line.line))
                out.comma()
                out.dateTime(line.time, plusOneHour: line.flags & OrderLineRecord.offset != 0, dates: dates)
                out.raw(",SKU-")
                out.integer(Int(line.sku), width: 6)
                out.comma()
                out.integer(Int(line.quantity))
                out.comma()
                out.cents(Int(line.priceCents))
                out.comma()
                if line.isCancelled {
                    out.raw("cancelled")
                } else if line.flags & OrderLineRecord.paid != 0 {
                    out.raw("paid")
                }
                out.newline()
            }
            return out.bytes
        }
        for part in parts { try file.append(part) }
    }

    func writeBackorders(to path: String) throws {
        let file = try BufferedFileWriter(path: path)
        file.pending.raw("backorder_id,order_id,sku,quantity,backordered_at,fulfilled_at,cancelled_at\n")
        for (i, row) in backorders.enumerated() {
            file.pending.raw("BO-")
            file.pending.integer(i + 1, width: 7)
            file.pending.raw(",O-")
            file.pending.integer(Int(row.order), width: 7)
            file.pending.raw(",SKU-")
            file.pending.integer(Int(row.sku), width: 6)
            file.pending.comma()
            file.pending.integer(Int(row.quantity))
            file.pending.comma()
            file.pending.dateTime(row.backorderedAt, dates: dates)
            file.pending.comma()
            if row.closedAt != BackorderRecord.open && !row.cancelled {
                file.pending.dateTime(row.closedAt, dates: dates)
            }
            file.pending.comma()
            if row.closedAt != BackorderRecord.open && row.cancelled {
                file.pending.dateTime(row.closedAt, dates: dates)
            }
            file.pending.newline()
            try file.flushIfFull()
        }
        try file.close()
    }

    func writeReceipts(to path: String) throws {
        let file = try BufferedFileWriter(path: path)
        file.pending.raw("po_id,sku,supplier,ordered_at,received_at,quantity\n")
        for (i, row) in receipts.enumerated() {
            file.pending.raw("PO-")
            file.pending.integer(i + 1, width: 6)
            file.pending.raw(",SKU-")
            file.pending.integer(Int(row.sku), width: 6)
            file.pending.comma()
            file.pending.field(suppliers[profiles[Int(row.sku) - 1].supplier].name)
            file.pending.comma()
            file.pending.dateTime(row.orderedAt, dates: dates)
            file.pending.comma()
            file.pending.dateTime(row.receivedAt, dates: dates)
            file.pending.comma()
            file.pending.integer(Int(row.quantity))
            file.pending.newline()
            try file.flushIfFull()
        }
        try file.close()
    }

    func writeProducts(to path: String) throws {
        let file = try BufferedFileWriter(path: path)
        file.pending.raw("sku,name,category,supplier,unit_cost,unit_price,case_pack,service_level,"
            + "lead_time_days,reorder_point,order_quantity,on_hand,on_order\n")
        for (index, profile) in profiles.enumerated() {
            let state = simulations[index]
            let out = file
            out.pending.raw("SKU-")
            out.pending.integer(profile.number, width: 6)
            out.pending.comma()
            out.pending.field(profile.name)
            out.pending.comma()
            out.pending.field(ProductCatalog.categories[profile.category].name)
            out.pending.comma()
            out.pending.field(suppliers[profile.supplier].name)
            out.pending.comma()
            out.pending.cents(profile.unitCostCents)
            out.pending.comma()
            out.pending.cents(profile.unitPriceCents)
            out.pending.comma()
            out.pending.integer(profile.casePack)
            out.pending.comma()
            if let level = profile.serviceLevel { out.pending.raw(String(level)) }
            out.pending.comma()
            if let lead = profile.quotedLeadDays { out.pending.integer(lead) }
            out.pending.comma()
            if profile.listsReorderPoint { out.pending.integer(profile.reorderPoint) }
            out.pending.comma()
            if profile.listsOrderQuantity { out.pending.integer(profile.orderQuantity) }
            out.pending.comma()
            out.pending.integer(state.onHand)
            out.pending.comma()
            out.pending.integer(state.onOrder)
            out.pending.newline()
            try file.flushIfFull()
        }
        try file.close()
    }
}
