import Foundation
import RestockCore

/// `restock replay`: what restock's advice would have done over the shop's own past
/// (README, "Replay").
enum ReplayCommand: Command {
    static let name = "replay"
    static let help = """
    usage: restock replay [--from DATE] [--to DATE] [--every DAYS] [--db FILE] [--out DIR] [options]

    Goes back in time over the store's history: on every decision day it decides each SKU's
    reorder point and order quantity exactly as 'restock run --as-of <that day>' would (from
    rows dated up to that day only), then plays the real order lines that followed, day by
    day, against those decisions, against the reorder points in force (products'
    reorder_point and order_quantity) and against the textbook normal formula. Prints a table
    by demand class and writes <out>/replay-<to>/replay.csv (one row per SKU and policy) and
    replay-summary.csv.

      --from DATE             first day played and first decision day (default: the first of the 52 weeks ending on --to)
      --to DATE               last day played (default: as-of)
      --every DAYS            days between decisions (default 28)
      --out DIR               where the replay folder goes (default Reports)
    \(RunOptions.help(only: ["db", "as-of", "service-level", "window-days", "lead-time-days", "order-cover-days",
                             "time-zone", "handling-days", "quiet", "wait"]))

    The store is read, never written; --to defaults to --as-of, which defaults to yesterday.
    """

    static func run(_ a: inout ArgumentList) throws -> Int32 {
        let (options, replayPlan) = try parsePlan(&a)
        let store = try Store(path: options.common.db, readOnly: true)
        try store.requireReadable(newestSchema: true)
        if let zone = try store.storedTimeZone(), zone != options.settings.timeZone {
            throw UsageError("the store was loaded with --time-zone \(zone); pass --time-zone \(zone)")
        }
        let progress = Progress(quiet: options.common.quiet)
        progress.begin(ReplayStage.name)
        let started = Date()
        let output = try ReplayStage(plan: replayPlan, settings: options.settings).run(store: store, progress: progress)
        let totals = ReplayClassTotal.summarize(output.rows)
        let folder = ReportFolder(out: options.out, name: "replay-" + CivilDate.string(replayPlan.to))
        try folder.prepare()
        defer { folder.discard() }
        try folder.write("replay.csv", ReplayTable.csv(output.rows))
        Trace.mark("replay: replay.csv written")
        try folder.write("replay-summary.csv", ReplaySummaryText.csv(totals))
        try folder.commit()
        progress.end("\(Progress.count(Int64(output.rows.count))) rows, \(output.decisionDays) decision days -> \(options.out)/replay-\(CivilDate.string(replayPlan.to))", seconds: Date().timeIntervalSince(started))
        print("replay \(CivilDate.string(replayPlan.from)) .. \(CivilDate.string(replayPlan.to)), decisions every \(replayPlan.every) days (\(output.decisionDays))")
        print(ReplaySummaryText.table(totals))
        return 0
    }

    /// The run options and the replay's plan, validated (`UsageError` -> exit 2).
    static func parsePlan(_ a: inout ArgumentList) throws -> (RunOptions, ReplayPlan) {
        let given = try parsePlanOptions(&a)
        try a.refuse(["data", "top", "email", "subject", "json", "reload", "replay"],
                     because: "has no effect on restock replay, which reads the store and writes replay.csv and replay-summary.csv")
        let options = try RunOptions.parse(&a, command: name)
        try a.finish()
        let plan = ReplayPlan(asOf: options.asOf, from: given.from, to: given.to, every: given.every)
        try check(plan)
        return (options, plan)
    }

    /// The replay's own options as given (nil where not given).
    struct PlanOptions {
        var from: Day?
        var to: Day?
        var every: Int?
    }

    /// Reads `--from`, `--to` and `--every`.
    static func parsePlanOptions(_ a: inout ArgumentList) throws(UsageError) -> PlanOptions {
        var o = PlanOptions()
        o.from = try a.option("from").map { (t: String) throws(UsageError) -> Day in try CommonOptions.day(t, option: "from") }
        o.to = try a.option("to").map { (t: String) throws(UsageError) -> Day in try CommonOptions.day(t, option: "to") }
        o.every = try a.integer("every", in: 1...3660)
        return o
    }

    /// Refuses a plan whose first day comes after its last.
    static func check(_ plan: ReplayPlan) throws(UsageError) {
        guard plan.from <= plan.to else {
            throw UsageError("--from \(CivilDate.string(plan.from)) is after --to \(CivilDate.string(plan.to))")
        }
    }
}
