import Foundation
import RestockCore

/// Options shared by the commands that use the store.
struct CommonOptions {
    var db = "restock.sqlite"
    var timeZoneName = "UTC"
    var timeZone = TimeZone(identifier: "UTC")!
    var quiet = false
    /// Seconds to wait for another command holding the store.
    var wait: Double = 0
    /// How to read shop exports: `--format`, `--date-order`, `--map`.
    var formats = FormatChoice()

    static let help = """
      --db FILE           the store (default restock.sqlite in the working folder)
      --time-zone TZ      IANA zone whose calendar days count (default UTC), e.g. Europe/Berlin
      --wait SECONDS      wait this long for another restock command using the store (default 0: fail at once)
      --quiet             print only errors
    \(exportHelp(column: 22))
    """

    /// The options that say how to read shop exports (`ingest` and `run`), their text
    /// starting at `column` as the options listed with them do.
    static func exportHelp(column: Int) -> String {
        let options = [("--format NAME", ["read every input file as this export format (shopify-orders, bigcommerce-products, ...)"]),
                       ("--date-order ORDER", ["dmy or mdy: how to read dates such as 03/04/2026 in shop exports (never guessed)"]),
                       ("--map FILE", ["a mapping file for exports restock does not know (default: the data folder's restock-map.txt;",
                                       "README, \"Mapping files\")"])]
        return options.map { option, text in
            let first = "  " + option + String(repeating: " ", count: max(1, column - 2 - option.count)) + text[0]
            return ([first] + text.dropFirst().map { String(repeating: " ", count: column) + $0 }).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Reads the shared options.
    static func parse(_ a: inout ArgumentList) throws(UsageError) -> CommonOptions {
        var o = CommonOptions()
        if let db = try a.option("db") { o.db = db }
        if let tz = try a.option("time-zone") {
            guard let zone = TimeZone(identifier: tz) else {
                throw UsageError("--time-zone '\(tz)' is not a known IANA time zone (for example UTC, Europe/Berlin, America/New_York)")
            }
            o.timeZoneName = tz
            o.timeZone = zone
        }
        o.quiet = a.flag("quiet")
        o.wait = try a.number("wait", in: 0...86_400) ?? 0
        o.formats = try parseFormats(&a)
        return o
    }

    /// Reads `--format`, `--date-order` and `--map` (the mapping file is read and checked here).
    private static func parseFormats(_ a: inout ArgumentList) throws(UsageError) -> FormatChoice {
        var choice = FormatChoice()
        if let name = try a.option("format") {
            guard let format = ExportFormat.named(name) else {
                throw UsageError("--format '\(name)' is not a format restock knows; \(ExportFormat.unknownFormatHint())")
            }
            guard format != .mapped else {
                throw UsageError("--format \(name) cannot be forced: a file is read as mapped columns by a mapping section whose `file = ...` pattern matches its name; write one (README, \"Mapping files\") and name it with --map, or put it in the data folder as restock-map.txt")
            }
            choice.forced = format
        }
        if let order = try a.option("date-order") {
            guard let o = DateOrder(rawValue: order.lowercased()) else { throw UsageError("--date-order must be dmy or mdy, got '\(order)'") }
            choice.options.dateOrder = o
        }
        if let path = try a.option("map") {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw UsageError("--map '\(path)': cannot read the mapping file (missing, unreadable or not UTF-8)")
            }
            do { choice.mapping = try MappingFile(text: text, name: (path as NSString).lastPathComponent) } catch {
                throw UsageError("--map: \(error)")
            }
        }
        return choice
    }

    /// Yesterday in the configured zone (README, "Commands": the default as-of).
    var yesterday: Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate.day(year: c.year!, month: c.month!, day: c.day!) - 1
    }

    /// Parses `--as-of`.
    static func day(_ text: String, option: String) throws(UsageError) -> Day {
        guard let day = DateTimeParser.parseDay(text) else {
            throw UsageError("--\(option) must be a date YYYY-MM-DD, got '\(text)'")
        }
        return day
    }
}
