import Foundation
import Testing
import RestockCore

/// The acceptance test of the reorder point (README, "How the reorder point is reached"):
/// in six worlds of known demand and lead-time processes that restock was not tuned on,
/// SKUs of every demand class get a history; restock's whole chain (class, forecast, lead
/// time from 6-10 receipts, order quantity, reorder point) runs on that history alone, and
/// each point is judged by running (s, nQ) on the true processes after as-of.
///
/// The criterion, for every class x target x world: the mean achieved cycle service level
/// within 2 points of the target (above it, within 2 points of the level the smallest
/// sufficient whole-unit point reaches, which can sit higher for slow movers); at most 10%
/// of SKUs more than 10 points below the target; the stock held at most 1.15 times what
/// the smallest sufficient points hold.
///
/// Asserted: over the two stationary worlds (1-2) together, every class x target meets the
/// mean and stock parts; and the model itself, handed each SKU's true rate and true lead
/// times instead of their estimates, meets the whole criterion there (the share far below
/// included). Not met yet, and recorded as known issues per cell (the README's calibration
/// table gives every one): the share of SKUs more than 10 points below in some stationary
/// cells (with true inputs none is: the misses come from estimating the rate from one or
/// two years and the lead time from 6-10 receipts, see `CalibrationDiagnosis`), and the
/// worlds whose demand is not stationary (a season, a trend, a launch or decline: only
/// smooth and erratic SKUs get a damped trend, no method follows a season, so the forecast
/// lags them over a lead time, and a trend fitted after a launch ramp or a bulk order can
/// run on) or holds rare bulk orders (an intermittent SKU's history mostly has none).
///
/// A second judge, `TonightCycles`, draws the cycle a night's point answers for (one triggered
/// in the week after as-of) instead of holding the point for months; it must agree with the
/// first where demand is stationary (asserted), and its misses are recorded too.
///
/// Size: `CALIBRATION_SKUS` SKUs per class and world (default 10, a debug run of a few
/// minutes; 6 until 0.8.7, when reading a default run's year of history redrew the SKUs and
/// two over-served lumpy SKUs of world 2 put a pool of 12 at 1.20 x the smallest sufficient
/// stock, pools of 16, 20, 24 and 30 at 1.15, 1.16, 1.14 and 1.11) and `CALIBRATION_CYCLES`
/// true cycles per SKU (default 1200);
/// `CALIBRATION_WORLDS=0,3` runs only those worlds (by position in `worlds`);
/// `CALIBRATION_DETAIL=1` prints one line per SKU and target (`CalibrationDiagnosis`). Ten SKUs
/// cannot judge a cell, so below 25 the known issues are recorded per class x target over
/// the stationary and the other worlds, and from 25 on (the release run in the README) per
/// cell; every cell is printed.
@Suite(.tags(.slow), .skippedWhenFast) struct ReorderPointCalibrationTests {
    static let worlds: [any CalibrationWorld] = [
        GeometricWorld(), NegativeBinomialWeekdayWorld(), LognormalSeasonalWorld(),
        ParetoBulkWorld(), TrendWorld(), LifecycleWorld(),
    ]
    static let classes: [DemandClass] = [.smooth, .erratic, .intermittent, .lumpy]
    /// The worlds that do not meet the criterion yet (see the type's documentation).
    static let knownShort: Set<String> = [
        LognormalSeasonalWorld().name, ParetoBulkWorld().name, TrendWorld().name, LifecycleWorld().name,
    ]
    static let shortWorlds = "non-stationary and bulk worlds"

    /// The outcomes of one class x target (x world, or over all worlds).
    struct Cell {
        var world: String
        var demandClass: DemandClass
        var target: Double
        var outcomes: [CalibrationHarness.Outcome] = []

        static func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(max(xs.count, 1)) }
        var achieved: Double { Self.mean(outcomes.map(\.achieved)) }
        var minimalLevel: Double { Self.mean(outcomes.map(\.minimalLevel)) }
        var textbook: Double { Self.mean(outcomes.map(\.textbook)) }
        var shareFarBelow: Double { share(outcomes.map(\.achieved)) }
        /// Total on-hand with restock's points over the total with the smallest sufficient.
        var stockRatio: Double {
            outcomes.reduce(0) { $0 + $1.onHand } / outcomes.reduce(0) { $0 + $1.onHandMinimal }
        }
        /// The same three figures for the model's points given the true rate and lead times.
        var achievedTrueInputs: Double { Self.mean(outcomes.map(\.achievedTrueInputs)) }
        var shareFarBelowTrueInputs: Double { share(outcomes.map(\.achievedTrueInputs)) }
        var stockRatioTrueInputs: Double {
            outcomes.reduce(0) { $0 + $1.onHandTrueInputs } / outcomes.reduce(0) { $0 + $1.onHandMinimal }
        }
        /// Share of `levels` more than 10 points below the target.
        func share(_ levels: [Double]) -> Double {
            Double(levels.filter { CalibrationHarness.isFarBelow($0, target: target) }.count) / Double(max(levels.count, 1))
        }
        /// What the criterion finds wrong, in words (empty: met).
        var failures: [String] { judge(achieved, shareFarBelow, stockRatio) }
        /// The same figures with every point judged on the cycle tonight's point answers for
        /// (`TonightCycles`), and what the criterion finds wrong there.
        var achievedTonight: Double { Self.mean(outcomes.map(\.tonight.achieved)) }
        /// The held point's mean level with a cycle failed as tonight's judge fails it.
        var achievedAtReceipt: Double { Self.mean(outcomes.map(\.achievedAtReceipt)) }
        var minimalLevelTonight: Double { Self.mean(outcomes.map(\.tonight.minimalLevel)) }
        var shareFarBelowTonight: Double { share(outcomes.map(\.tonight.achieved)) }
        var stockRatioTonight: Double {
            outcomes.reduce(0) { $0 + $1.tonight.onHand } / outcomes.reduce(0) { $0 + $1.tonight.onHandMinimal }
        }
        var failuresTonight: [String] {
            judge(achievedTonight, shareFarBelowTonight, stockRatioTonight, minimalLevel: minimalLevelTonight)
        }
        /// The criterion on (mean achieved, share > 10 points below, stock ratio); the mean
        /// and stock parts widened by `slack` (points as a share, and on the stock ratio) and
        /// the share by `shareSlack`, for samples too small to hold them to the criterion.
        func judge(_ achieved: Double, _ farBelow: Double, _ stock: Double,
                   slack: Double = 0, shareSlack: Double = 0, minimalLevel: Double? = nil) -> [String] {
            var out: [String] = []
            let floor = target - 0.02 - slack, ceiling = max(target, minimalLevel ?? self.minimalLevel) + 0.02 + slack
            if achieved < floor || achieved > ceiling {
                out.append("mean achieved \(Self.pct(achieved)) outside \(Self.pct(floor))...\(Self.pct(ceiling))")
            }
            if stock > 1.15 + slack { out.append("stock \(String(format: "%.3f", stock)) x the smallest sufficient") }
            if farBelow > 0.10 + shareSlack { out.append("\(Self.pct(farBelow))% of SKUs > 10 points below") }
            return out
        }
        /// What the criterion finds wrong with the model's points given the true rate and lead times.
        var failuresTrueInputs: [String] { judge(achievedTrueInputs, shareFarBelowTrueInputs, stockRatioTrueInputs) }
        /// The criterion's mean and stock parts only.
        func meanAndStockFailures(slack: Double = 0) -> [String] {
            judge(achieved, 0, stockRatio, slack: slack)
        }
        static func pct(_ x: Double) -> String { String(format: "%.1f", 100 * x) }
    }

    static func run(skus: Int, cycles: Int) -> [Cell] {
        var cells: [Cell] = []
        let only = ProcessInfo.processInfo.environment["CALIBRATION_WORLDS"].map { $0.split(separator: ",").compactMap { Int($0) } }
        for (w, world) in worlds.enumerated() where only?.contains(w) ?? true {
            for (c, demandClass) in classes.enumerated() {
                var rows = CalibrationHarness.targets.map { Cell(world: world.name, demandClass: demandClass, target: $0) }
                var r = CalibrationRandom(seed: 20_261_203 + UInt64(100 * w + c))
                var accepted = 0, attempts = 0
                while accepted < skus && attempts < 400 * skus {
                    attempts += 1
                    let sku = world.sku(demandClass, &r)
                    guard let outcomes = CalibrationHarness.evaluate(sku, as: demandClass, trueCycles: cycles, random: &r)
                    else { continue }
                    accepted += 1
                    for i in rows.indices { rows[i].outcomes.append(outcomes[i]) }
                }
                cells += rows
            }
        }
        return cells
    }

    /// The cells of `worlds` pooled per class x target, named `name`.
    static func pooled(_ cells: [Cell], name: String, worlds: (String) -> Bool) -> [Cell] {
        classes.flatMap { demandClass in
            CalibrationHarness.targets.map { target in
                var cell = Cell(world: name, demandClass: demandClass, target: target)
                for c in cells where c.demandClass == demandClass && c.target == target && worlds(c.world) {
                    cell.outcomes += c.outcomes
                }
                return cell
            }
        }
    }

    static func table(_ cells: [Cell]) -> String {
        var lines = ["| world | class | target | SKUs | achieved | smallest sufficient reaches | SKUs > 10 pts below"
                     + " | stock vs smallest sufficient | normal formula achieves"
                     + " | given true rate and lead times: achieved, > 10 pts below, stock | criterion |",
                     "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        for cell in cells {
            let failures = cell.failures
            lines.append("| \(cell.world) | \(cell.demandClass.rawValue) | \(Cell.pct(cell.target)) | \(cell.outcomes.count)"
                + " | \(Cell.pct(cell.achieved)) | \(Cell.pct(cell.minimalLevel)) | \(Cell.pct(cell.shareFarBelow))%"
                + " | \(String(format: "%.3f", cell.stockRatio)) | \(Cell.pct(cell.textbook))"
                + " | \(Cell.pct(cell.achievedTrueInputs)), \(Cell.pct(cell.shareFarBelowTrueInputs))%,"
                + " \(String(format: "%.3f", cell.stockRatioTrueInputs))"
                + " | \(failures.isEmpty ? "met" : failures.joined(separator: "; ")) |")
        }
        return lines.joined(separator: "\n")
    }

    /// The cells judged on tonight's cycle (`TonightCycles`).
    static func tonightTable(_ cells: [Cell]) -> String {
        var lines = ["| world | class | target | SKUs | achieved on tonight's cycle | smallest sufficient reaches"
                     + " | SKUs > 10 pts below | stock vs smallest sufficient | criterion |",
                     "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        for cell in cells {
            let failures = cell.failuresTonight
            lines.append("| \(cell.world) | \(cell.demandClass.rawValue) | \(Cell.pct(cell.target)) | \(cell.outcomes.count)"
                + " | \(Cell.pct(cell.achievedTonight)) | \(Cell.pct(cell.minimalLevelTonight))"
                + " | \(Cell.pct(cell.shareFarBelowTonight))% | \(String(format: "%.3f", cell.stockRatioTonight))"
                + " | \(failures.isEmpty ? "met" : failures.joined(separator: "; ")) |")
        }
        return lines.joined(separator: "\n")
    }

    /// How many class x target cells of each world meet the whole criterion: restock's points
    /// on the held judge, on tonight's cycle, and the model's points given the true rate and
    /// lead times (the same SKUs). A cell the model misses even given the truth misses for
    /// what the history holds (its shape), not for the estimates; one it meets only given
    /// the truth misses for the rate or lead time estimated from the history and receipts.
    static func summary(_ cells: [Cell]) -> String {
        var lines = ["| world | cells | met: restock, held | met: restock, tonight's cycle | met: given true rate and lead times |",
                     "| --- | ---: | ---: | ---: | ---: |"]
        func row(_ name: String, _ group: [Cell]) -> String {
            let held = group.filter { $0.failures.isEmpty }.count
            let tonight = group.filter { $0.failuresTonight.isEmpty }.count
            let truth = group.filter { $0.failuresTrueInputs.isEmpty }.count
            return "| \(name) | \(group.count) | \(held) | \(tonight) | \(truth) |"
        }
        var names: [String] = []
        for cell in cells where !names.contains(cell.world) { names.append(cell.world) }
        for name in names { lines.append(row(name, cells.filter { $0.world == name })) }
        lines.append(row("all worlds", cells))
        return lines.joined(separator: "\n")
    }

    @Test func reorderPointKeepsItsPromiseInWorldsItWasNotTunedTo() {
        let environment = ProcessInfo.processInfo.environment
        let skus = Int(environment["CALIBRATION_SKUS"] ?? "") ?? 10
        let cycles = Int(environment["CALIBRATION_CYCLES"] ?? "") ?? 1200
        let cells = Self.run(skus: skus, cycles: cycles)
        let stationary = Self.pooled(cells, name: "stationary worlds") { !Self.knownShort.contains($0) }
        let all = Self.pooled(cells, name: "all worlds") { _ in true }
        for cell in cells {
            #expect(cell.outcomes.count == skus, "\(cell.world), \(cell.demandClass.rawValue): only \(cell.outcomes.count) SKUs")
        }
        let short = Self.pooled(cells, name: Self.shortWorlds) { Self.knownShort.contains($0) }
        print(Self.table(cells + stationary + short + all))
        print(Self.tonightTable(cells + stationary + short + all))
        print(Self.summary(cells))
        if CalibrationHarness.diagnoses {
            print("world | class | " + CalibrationDiagnosis.header)
            for cell in cells {
                for d in cell.outcomes.compactMap(\.diagnosis) {
                    print("DIAG \(cell.world.prefix(12)) | \(cell.demandClass.rawValue) | \(d.line)")
                }
            }
            print(CalibrationDiagnosis.FarBelow.header)
            for cell in cells {
                let far = CalibrationDiagnosis.FarBelow(cell.outcomes.compactMap(\.diagnosis), target: cell.target)
                print(far.row(world: cell.world, demandClass: cell.demandClass.rawValue, target: cell.target))
            }
        }
        // The stationary worlds' criteria are set for the default judge (three cycles after
        // as-of); under CALIBRATION_LONG_RUN, a diagnosis, they are recorded, not asserted.
        let assertStationary = {
            // Asserted: the stationary worlds together hit every class x target on average with
            // no more stock than 1.15 x the smallest sufficient points (a debug run's 20 SKUs a
            // pool get 3 more points and 0.03 more on the stock ratio: their own sampling error).
            let slack = skus >= 25 ? 0 : 0.03
            for cell in stationary {
                let label = "\(cell.world), \(cell.demandClass.rawValue) at \(cell.target)"
                let failures = cell.meanAndStockFailures(slack: slack)
                #expect(failures.isEmpty, "\(label): \(failures.joined(separator: "; "))")
            }
            // At the release size (30 SKUs a cell, 60 a pool) restock's own points meet the full
            // criterion over the stationary worlds, per class x target: mean, share far below and
            // stock (a debug run's 20 SKUs a pool cannot tell 10% far below from 17%).
            if skus >= 25 {
                for cell in stationary {
                    #expect(cell.failures.isEmpty, "\(cell.world), \(cell.demandClass.rawValue) at \(cell.target): \(cell.failures.joined(separator: "; "))")
                }
            }
            // The model itself, handed the true rate and lead times: the full criterion over the
            // stationary worlds, per class x target (a debug run: 3 of 20 SKUs may fall far below).
            for cell in stationary {
                let label = "\(cell.world), \(cell.demandClass.rawValue) at \(cell.target), given the truth"
                let failures = cell.judge(cell.achievedTrueInputs, cell.shareFarBelowTrueInputs, cell.stockRatioTrueInputs,
                                          slack: slack, shareSlack: skus >= 25 ? 0 : 0.07)
                #expect(failures.isEmpty, "\(label): \(failures.joined(separator: "; "))")
            }
            // The judge of tonight's cycle agrees with the steady state where demand is stationary
            // (renewal theory; the two draw their cycles independently, so within sampling error:
            // 1.5 points over 60 SKUs a pool, 3 over a debug run's 12), a cycle failed alike by
            // both: when the net stock is below 0 just before its receipt. (The held judge's own
            // level, no unit backordered in the cycle, runs up to 1.6 points higher for
            // intermittent and lumpy SKUs, whose shortages can outlast a receipt: Sources/CALIBRATION.md.)
            for cell in stationary {
                let gap = abs(cell.achievedTonight - cell.achievedAtReceipt)
                #expect(gap <= (skus >= 25 ? 0.015 : 0.03),
                        "\(cell.demandClass.rawValue) at \(cell.target): tonight \(Cell.pct(cell.achievedTonight)) vs steady state \(Cell.pct(cell.achievedAtReceipt)) (a cycle failed when short before its receipt)")
            }
        }
        if CalibrationHarness.longRun {
            withKnownIssue("the long-run judge (CALIBRATION_LONG_RUN=1) is a diagnosis", isIntermittent: true) {
                assertStationary()
            }
        } else {
            assertStationary()
        }
        // Not met yet: the full criterion in every cell (see the type's documentation), under
        // either judge.
        for cell in skus >= 25 ? cells : stationary + short where !cell.failures.isEmpty || !cell.failuresTonight.isEmpty {
            withKnownIssue("criterion per cell: \(cell.world), \(cell.demandClass.rawValue) at \(cell.target)",
                           isIntermittent: true) {
                #expect(cell.failures.isEmpty, "\(cell.failures.joined(separator: "; "))")
                #expect(cell.failuresTonight.isEmpty, "tonight's cycle: \(cell.failuresTonight.joined(separator: "; "))")
            }
        }
    }
}
