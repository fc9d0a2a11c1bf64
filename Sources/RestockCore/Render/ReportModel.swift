/// Everything `report.html` and the e-mail summary show (README, "The report"), as plain values.
///
/// The app fills it from the run; `HTMLReport.render` and `EmailSummary` turn it into text
/// and never look anything up. Numbers keep the units of README, "The figures".
public struct ReportModel: Sendable {
    /// The run's settings; `settings.asOf` is the report's as-of day.
    public var settings: RunSettings
    /// How many recommendations the report details (`--top`, default 50).
    public var topN: Int
    /// First and last day with any data in the store (order, backorder or receipt dates);
    /// nil when the store holds none.
    public var dataRange: ClosedRange<Day>?
    /// The figures at the top of the report.
    public var headline: Headline
    /// Backorder lines opened per whole week of the window, oldest first (week 0, the week
    /// ending on as-of, is last). Length `settings.weekCount`, or empty.
    public var weeklyBackorderLines: [Int]
    /// Non-cancelled order lines per whole week of the window, oldest first, same weeks as
    /// `weeklyBackorderLines`; empty when not known (the chart then shows lines only).
    public var weeklyOrderLines: [Int]
    /// Number of SKUs in each demand class (classes absent from the dictionary count 0).
    public var demandClassCounts: [DemandClass: Int]
    /// The recommendations in rank order (recommendations.csv order). Only the first `topN`
    /// are detailed; the app may pass just those. `headline.skusToActOn` gives the total.
    public var recommendations: [Recommendation]
    /// Files, rejects and unmatched backorders of the run's ingest.
    public var dataQuality: DataQuality
    /// What changed since the previous successful run on the same store; nil when none.
    public var changes: Changes?
    /// When and how the run went, for the footer; nil to leave it out.
    public var run: RunInfo?
    /// The replay's table by demand class (`restock run --replay`); nil without a replay.
    public var replay: ReplaySection?
    /// SKUs whose stock settings are not known, and the reorder points to set up.
    public var stockAdvice = StockAdvice()

    /// What a replay found, for its section of the report (README, "Replay").
    public struct ReplaySection: Sendable {
        public var plan: ReplayPlan
        public var totals: [ReplayClassTotal]

        public init(plan: ReplayPlan, totals: [ReplayClassTotal]) {
            self.plan = plan
            self.totals = totals
        }
    }

    public init(settings: RunSettings, topN: Int = 50, dataRange: ClosedRange<Day>? = nil,
                headline: Headline = Headline(), weeklyBackorderLines: [Int] = [], weeklyOrderLines: [Int] = [],
                demandClassCounts: [DemandClass: Int] = [:], recommendations: [Recommendation] = [],
                dataQuality: DataQuality = DataQuality(), changes: Changes? = nil, run: RunInfo? = nil) {
        self.settings = settings
        self.topN = topN
        self.dataRange = dataRange
        self.headline = headline
        self.weeklyBackorderLines = weeklyBackorderLines
        self.weeklyOrderLines = weeklyOrderLines
        self.demandClassCounts = demandClassCounts
        self.recommendations = recommendations
        self.dataQuality = dataQuality
        self.changes = changes
        self.run = run
    }

    /// The last day of history the run used.
    public var asOf: Day { settings.asOf }

    /// The headline figures, over all SKUs of skus.csv (as README, "The figures" defines them).
    public struct Headline: Sendable, Hashable {
        /// Rows of skus.csv.
        public var skuCount: Int
        /// Non-cancelled order lines in the window, all SKUs.
        public var orderLines: Int
        /// Backorder lines opened in the window, all SKUs.
        public var backorderLines: Int
        /// Share 0...1 of the window's order lines that went on backorder (sum of the SKUs'
        /// numerators over the sum of their order lines); nil without order lines.
        public var backorderRate: Double?
        /// Units on open backorders at the end of as-of, all SKUs.
        public var openBackorderUnits: Double
        /// Sum of revenue_at_risk, per year, in the currency of unit_price.
        public var revenueAtRisk: Double
        /// Rows of recommendations.csv.
        public var skusToActOn: Int
        /// Of those, SKUs with order_now_units > 0.
        public var orderNowSKUs: Int
        /// SKUs by where their backorders came from (skus.csv backorder_source).
        public var backorderSources: [BackorderSource: Int] = [:]
        /// Open backorders at the end of as-of, all SKUs: the rows of open_backorders.csv.
        public var openBackorders: Int = 0

        public init(skuCount: Int = 0, orderLines: Int = 0, backorderLines: Int = 0, backorderRate: Double? = nil,
                    openBackorderUnits: Double = 0, revenueAtRisk: Double = 0, skusToActOn: Int = 0,
                    orderNowSKUs: Int = 0) {
            self.skuCount = skuCount
            self.orderLines = orderLines
            self.backorderLines = backorderLines
            self.backorderRate = backorderRate
            self.openBackorderUnits = openBackorderUnits
            self.revenueAtRisk = revenueAtRisk
            self.skusToActOn = skusToActOn
            self.orderNowSKUs = orderNowSKUs
        }

        /// Sums the headline over every SKU's figures (all SKUs, not only recommendations).
        /// The overall backorder rate is sum(backorder_rate x order_lines) / sum(order_lines),
        /// which is the share of all order lines with a backorder.
        public static func summing(_ all: [SKUFigures]) -> Headline {
            var h = Headline(skuCount: all.count)
            var backorderedLines = 0.0
            for f in all {
                h.orderLines += f.orderLines
                h.backorderLines += f.backorderLines
                backorderedLines += (f.backorderRate ?? 0) * Double(f.orderLines)
                // A SKU left out as not stock gets no dated open backorders (open_backorders.csv),
                // so its units do not count here either: the headline and the file agree.
                if f.leftOut == nil { h.openBackorderUnits += f.openBackorderUnits }
                h.backorderSources[f.backorderSource, default: 0] += 1
                h.revenueAtRisk += f.revenueAtRisk
                if f.isRecommended {
                    h.skusToActOn += 1
                    if let now = f.orderNowUnits, now > 0 { h.orderNowSKUs += 1 }
                }
            }
            h.backorderRate = h.orderLines > 0 ? backorderedLines / Double(h.orderLines) : nil
            return h
        }
    }

    /// One recommended SKU with the series its chart draws.
    public struct Recommendation: Sendable, Hashable {
        /// The SKU's figures (skus.csv row), including `reason`.
        public var figures: SKUFigures
        /// Units ordered per whole week of the window, oldest first (as `weeklyBackorderLines`).
        public var weeklyDemand: [Double]
        /// Backorder lines opened per week, same weeks as `weeklyDemand`; empty when not known.
        public var weeklyBackorderLines: [Int]
        /// The forecast, units per week (forecast_daily x 7).
        public var forecastWeekly: Double

        public init(figures: SKUFigures, weeklyDemand: [Double], weeklyBackorderLines: [Int] = [],
                    forecastWeekly: Double? = nil) {
            self.figures = figures
            self.weeklyDemand = weeklyDemand
            self.weeklyBackorderLines = weeklyBackorderLines
            self.forecastWeekly = forecastWeekly ?? figures.forecastDaily * 7
        }
    }

    /// What the ingest saw.
    public struct DataQuality: Sendable, Hashable {
        /// One entry per input file of this run, in processing order.
        public var files: [FileSummary]
        /// Rejected rows grouped by reason, most frequent first.
        public var rejectReasons: [RejectReason]
        /// Backorders in the window whose order line is not in the store (README, "The report").
        public var unmatchedBackorders: Int
        /// Sentences the reader must see before trusting the figures (stale data, input
        /// entries not read); empty for an ordinary run.
        public var notices: [String]
        /// SKUs left out of the advice as not stock, most units first.
        public var leftOut: [LeftOutSKU] = []
        /// Days holding a one-off bulk line, most units set aside first.
        public var oneOffs: [OneOffLine] = []

        public init(files: [FileSummary] = [], rejectReasons: [RejectReason] = [], unmatchedBackorders: Int = 0,
                    notices: [String] = []) {
            self.files = files
            self.rejectReasons = rejectReasons
            self.unmatchedBackorders = unmatchedBackorders
            self.notices = notices
        }

        /// Rejected rows in all.
        public var rejectedRows: Int { rejectReasons.reduce(0) { $0 + $1.count } }
    }

    /// What ingest did with one file (the `files` objects of summary.json).
    public struct FileSummary: Sendable, Hashable {
        /// The file's name as found in the data folder.
        public var file: String
        /// orders, backorders, products or receipts.
        public var kind: String
        public var rowsRead: Int
        public var rowsNew: Int
        public var rowsReplaced: Int
        public var duplicates: Int
        public var rowsRejected: Int
        /// True when the file was identical to one loaded before and not read again.
        public var unchanged: Bool
        /// The shop export format the file was read as (`Shopify orders export`, `mapped
        /// columns`); nil for restock's own columns.
        public var format: String?

        public init(file: String, kind: String, rowsRead: Int = 0, rowsNew: Int = 0, rowsReplaced: Int = 0,
                    duplicates: Int = 0, rowsRejected: Int = 0, unchanged: Bool = false, format: String? = nil) {
            self.format = format
            self.file = file
            self.kind = kind
            self.rowsRead = rowsRead
            self.rowsNew = rowsNew
            self.rowsReplaced = rowsReplaced
            self.duplicates = duplicates
            self.rowsRejected = rowsRejected
            self.unchanged = unchanged
        }
    }

    /// Rejected rows that share a reason, with the first one as an example.
    public struct RejectReason: Sendable, Hashable {
        public var reason: String
        public var count: Int
        /// File name and 1-based line of the first such row.
        public var exampleFile: String
        public var exampleLine: Int

        public init(reason: String, count: Int, exampleFile: String, exampleLine: Int) {
            self.reason = reason
            self.count = count
            self.exampleFile = exampleFile
            self.exampleLine = exampleLine
        }

        /// Groups rejected rows (file, line, reason) by reason: most frequent first, ties by
        /// reason; each group's example is its first row in the order given.
        public static func grouping(_ rows: [(file: String, line: Int, reason: String)]) -> [RejectReason] {
            var groups: [String: RejectReason] = [:]
            for row in rows {
                if groups[row.reason] == nil {
                    groups[row.reason] = RejectReason(reason: row.reason, count: 1, exampleFile: row.file, exampleLine: row.line)
                } else {
                    groups[row.reason]!.count += 1
                }
            }
            return groups.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
        }
    }

    /// What changed since the previous successful run on the same store.
    public struct Changes: Sendable, Hashable {
        /// The previous run's as-of day, `YYYY-MM-DD` as stored.
        public var previousAsOf: String
        /// SKUs recommended now that were not recommended then, by rank now.
        public var newlyRecommended: [SKURef]
        /// SKUs recommended then that are not now, by SKU.
        public var dropped: [SKURef]
        /// SKUs whose recommended reorder point moved a lot (see `isBigMove`), largest move first.
        public var bigMoves: [Move]

        public init(previousAsOf: String, newlyRecommended: [SKURef] = [], dropped: [SKURef] = [], bigMoves: [Move] = []) {
            self.previousAsOf = previousAsOf
            self.newlyRecommended = newlyRecommended
            self.dropped = dropped
            self.bigMoves = bigMoves
        }

        /// The previous run's figures of one SKU.
        public struct Previous: Sendable, Hashable {
            public var reorderPoint: Double
            public var recommended: Bool
            public init(reorderPoint: Double, recommended: Bool) {
                self.reorderPoint = reorderPoint
                self.recommended = recommended
            }
        }

        /// A move of the recommended reorder point is big when it changes by at least
        /// 2 units and by at least 25% of the old point (a move from 0 counts when >= 2).
        public static func isBigMove(from old: Double, to new: Double) -> Bool {
            let change = abs(new - old)
            return change >= 2 && change >= 0.25 * abs(old)
        }

        /// Compares this run's figures (`current`, in rank order for the recommended ones)
        /// with the previous run's, keyed by SKU. A SKU absent from the previous run is not a
        /// big move (it has no old point) but is newly recommended when recommended now.
        public static func comparing(previousAsOf: String, previous: [String: Previous], current: [SKUFigures]) -> Changes {
            var changes = Changes(previousAsOf: previousAsOf)
            var seen = Set<String>(minimumCapacity: current.count)
            for i in current.indices { changes.note(current[i], previous: previous, seen: &seen) }
            return changes.closed(previous: previous, seen: seen)
        }

        /// `comparing(previousAsOf:previous:current:)` of the recommendations in rank order
        /// (at `rankedPositions` of `all`, `SKUTables.rankedPositions`) followed by the SKUs
        /// of `all` that are not recommended, in their order, without copying a run's figures
        /// into one more list.
        public static func comparing(previousAsOf: String, previous: [String: Previous], all: [SKUFigures],
                                     rankedPositions: [Int]) -> Changes {
            var changes = Changes(previousAsOf: previousAsOf)
            var seen = Set<String>(minimumCapacity: all.count)
            for i in rankedPositions { changes.note(all[i], previous: previous, seen: &seen) }
            for i in all.indices where !all[i].isRecommended { changes.note(all[i], previous: previous, seen: &seen) }
            return changes.closed(previous: previous, seen: seen)
        }

        /// Notes one SKU of this run, the next in `comparing`'s order.
        private mutating func note(_ f: SKUFigures, previous: [String: Previous], seen: inout Set<String>) {
            seen.insert(f.sku)
            let before = previous[f.sku]
            if f.isRecommended && before?.recommended != true {
                newlyRecommended.append(SKURef(sku: f.sku, name: f.name))
            }
            if !f.isRecommended && before?.recommended == true {
                dropped.append(SKURef(sku: f.sku, name: f.name))
            }
            if let before, Self.isBigMove(from: before.reorderPoint, to: f.reorderPoint) {
                bigMoves.append(Move(sku: f.sku, name: f.name, oldReorderPoint: before.reorderPoint,
                                     newReorderPoint: f.reorderPoint))
            }
        }

        /// The changes once every SKU of this run is noted: the previous run's recommendations
        /// no longer in the store added to the dropped ones, the lists in their order.
        private func closed(previous: [String: Previous], seen: Set<String>) -> Changes {
            var changes = self
            for (sku, before) in previous where before.recommended && !seen.contains(sku) {
                changes.dropped.append(SKURef(sku: sku, name: nil))
            }
            changes.dropped.sort { $0.sku < $1.sku }
            changes.bigMoves.sort {
                let a = abs($0.newReorderPoint - $0.oldReorderPoint), b = abs($1.newReorderPoint - $1.oldReorderPoint)
                return a != b ? a > b : $0.sku < $1.sku
            }
            return changes
        }
    }

    /// A SKU named in a list.
    public struct SKURef: Sendable, Hashable {
        public var sku: String
        public var name: String?
        public init(sku: String, name: String?) {
            self.sku = sku
            self.name = name
        }
    }

    /// A recommended reorder point that moved: old -> new, units.
    public struct Move: Sendable, Hashable {
        public var sku: String
        public var name: String?
        public var oldReorderPoint: Double
        public var newReorderPoint: Double
        public init(sku: String, name: String?, oldReorderPoint: Double, newReorderPoint: Double) {
            self.sku = sku
            self.name = name
            self.oldReorderPoint = oldReorderPoint
            self.newReorderPoint = newReorderPoint
        }
    }

    /// The run itself, for the report's footer.
    public struct RunInfo: Sendable, Hashable {
        /// The store's run id.
        public var runId: Int64?
        /// When the run started, as written in summary.json (ISO 8601).
        public var startedAt: String
        /// Stages finished before the report was written: name, seconds, rows.
        public var stages: [Stage]
        /// The program's version, if known.
        public var version: String?

        public init(runId: Int64? = nil, startedAt: String, stages: [Stage] = [], version: String? = nil) {
            self.runId = runId
            self.startedAt = startedAt
            self.stages = stages
            self.version = version
        }

        public struct Stage: Sendable, Hashable {
            public var name: String
            public var seconds: Double
            public var rows: Int
            public init(name: String, seconds: Double, rows: Int) {
                self.name = name
                self.seconds = seconds
                self.rows = rows
            }
        }
    }
}
