import Foundation

/// The intermittent-demand series of the shared external data sets (../shared/data/external,
/// described in its README), one value per period, read with a small split that suits
/// these simple files (no quotes, no embedded commas).
struct ExternalDemandSeries {
    var dataset: String
    var id: String
    var values: [Double]

    /// The external data folder: `<package root>/../shared/data/external`, or nil when
    /// absent (a user's clone has no ../shared).
    static func folder(filePath: String = #filePath) -> URL? {
        var root = URL(fileURLWithPath: filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }  // Forecast, RestockCoreTests, Tests, file
        let candidates = [root.appendingPathComponent("../shared/data/external").standardizedFileURL]
            + (ProcessInfo.processInfo.environment["RESTOCK_SHARED_DIR"].map {
                [URL(fileURLWithPath: $0).appendingPathComponent("data/external")]
            } ?? [])
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("README.md").path) }
    }

    /// Every series of carparts (monthly), raf-spare-parts (monthly), spdf-man-weekly,
    /// auto-ijf-automotive (24 unlabelled periods) and spdf-deel1b-spares (monthly).
    static func load(from folder: URL) throws -> [ExternalDemandSeries] {
        try long(folder.appendingPathComponent("carparts/carparts_long.csv"), dataset: "carparts")
            + long(folder.appendingPathComponent("raf-spare-parts/raf_demand_long.csv"), dataset: "raf")
            + wide(folder.appendingPathComponent("spdf-man-weekly/man_demand_weekly_wide.csv"), dataset: "man")
            + wide(folder.appendingPathComponent("auto-ijf-automotive/auto_demand_wide.csv"), dataset: "auto")
            + deel1b(folder.appendingPathComponent("spdf-deel1b-spares/deel1b_items_and_monthly_consumption.csv"))
    }

    /// The deel1b spare parts: `material`, nine item columns, then one column per month. Its
    /// source says a blank month is no consumption (0) and November 1997 is unreliable: that
    /// month is left out, so the series runs from the month before to the month after. A
    /// negative month (returns) reads as 0 in `history`, as for the other data sets.
    static func deel1b(_ url: URL) throws -> [ExternalDemandSeries] {
        let rows = try lines(url)
        guard let header = rows.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
              let firstMonth = header.firstIndex(of: "1997-01") else { return [] }
        let months = Array(firstMonth..<header.count).filter { header[$0] != "1997-11" }
        return rows.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return ExternalDemandSeries(dataset: "deel1b", id: String(cells[0]),
                                        values: months.map { $0 < cells.count ? Double(cells[$0]) ?? 0 : 0 })
        }
    }

    /// `id,period,value` rows grouped by id in period order; an empty value is missing:
    /// trailing missing periods are dropped (carparts: series that end early).
    static func long(_ url: URL, dataset: String) throws -> [ExternalDemandSeries] {
        var result: [ExternalDemandSeries] = []
        var current: ExternalDemandSeries?
        for line in try lines(url).dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count >= 3 else { continue }
            let id = String(cells[0])
            if current?.id != id {
                if let done = current { result.append(done.droppingTrailingMissing()) }
                current = ExternalDemandSeries(dataset: dataset, id: id, values: [])
            }
            current!.values.append(Double(cells[2]) ?? .nan)
        }
        if let done = current { result.append(done.droppingTrailingMissing()) }
        return result
    }

    /// `id,period1,period2,...` one series per row.
    static func wide(_ url: URL, dataset: String) throws -> [ExternalDemandSeries] {
        try lines(url).dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return ExternalDemandSeries(dataset: dataset, id: String(cells[0]),
                                        values: cells.dropFirst().map { Double($0) ?? .nan })
                .droppingTrailingMissing()
        }
    }

    static func lines(_ url: URL) throws -> [Substring] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    func droppingTrailingMissing() -> ExternalDemandSeries {
        var copy = self
        while let last = copy.values.last, last.isNaN { copy.values.removeLast() }
        return copy
    }

    /// The history restock would see: from the first period with demand on (README, "The
    /// figures": a SKU's history starts with its first order); remaining missing values read as 0.
    var history: [Double] {
        guard let first = values.firstIndex(where: { $0 > 0 }) else { return [] }
        return values[first...].map { $0.isNaN ? 0 : max(0, $0) }
    }
}
