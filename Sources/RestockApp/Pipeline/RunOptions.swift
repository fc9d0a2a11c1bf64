import Foundation
import RestockCore

/// Every option of `restock run` and `restock report` (README, "Commands").
struct RunOptions {
    var common = CommonOptions()
    var data = "SampleData"
    var out = "Reports"
    var asOf: Day = 0
    var settings = RunSettings(asOf: 0)
    var top = 50
    var email = false
    var to: [String] = []
    var from = "restock@localhost"
    var subject: String?
    var json = false
    var reload = false
    /// Also replay the last 52 weeks (`--replay`; README, "Replay").
    var replay = false

    static let help = """
      --data DIR              the data folder of CSV files (default SampleData)
      --db FILE               the store (default restock.sqlite in the working folder)
      --out DIR               where report folders go (default Reports); each run writes <out>/<as-of>/
      --as-of DATE            last day of history to use, YYYY-MM-DD (default yesterday in --time-zone)
      --service-level P       target cycle service level, 0.5 to 0.999 (default 0.95); products may override per SKU
      --window-days N         days of history the figures use, ending at as-of (default 365, at least 14);
                              the class, forecast and reorder point read at least 730 days of order
                              lines, the lead time at least 730 days of receipts
      --lead-time-days N      lead time when nothing better is known, days (default 14)
      --order-cover-days N    days of forecast an order covers when products give no order_quantity (default 30)
      --time-zone TZ          IANA zone whose calendar days count (default UTC), e.g. Europe/Berlin
      --handling-days N       where backorders are inferred from orders: days a line may take to ship
                              before it counts as backordered (default 3, 0 to 60)
      --top N                 recommendations detailed in report.html (default 50)
      --email                 also write email.eml, ready for 'sendmail -t'; needs --to
      --to ADDRESS[,ADDRESS]  e-mail recipients
      --from ADDRESS          e-mail sender (default restock@localhost)
      --subject TEXT          e-mail subject (default "restock: N SKUs to act on, as of DATE")
      --json                  print summary.json on stdout
      --quiet                 print only errors
      --reload                read input files again even when identical to ones loaded before
      --replay                also replay the 52 weeks before as-of (decisions every 28 days): a
                              section in report.html and replay.csv (see 'restock replay')
      --wait SECONDS          wait this long for another restock command using the store (default 0)
    """

    /// The lines of `help` for the named options (without their dashes), each with its
    /// continuation lines, in `help`'s order: for a command that takes only some of them.
    static func help(only names: Set<String>) -> String {
        var kept: [Substring] = [], keeping = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("--") {
                let name = trimmed.dropFirst(2).prefix { $0 != " " && $0 != "," }
                keeping = names.contains(String(name))
            }
            if keeping { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }

    /// Reads and validates the options (`UsageError` -> exit 2).
    static func parse(_ a: inout ArgumentList, command: String) throws(UsageError) -> RunOptions {
        var o = RunOptions()
        o.common = try CommonOptions.parse(&a)
        if let data = try a.option("data") { o.data = data }
        if let out = try a.option("out") { o.out = out }
        o.asOf = try a.option("as-of").map { (t: String) throws(UsageError) -> Day in try CommonOptions.day(t, option: "as-of") } ?? o.common.yesterday
        var s = RunSettings(asOf: o.asOf, timeZone: o.common.timeZoneName)
        if let v = try a.number("service-level", in: 0.5...0.999) { s.serviceLevel = v }
        if let v = try a.integer("window-days", in: 14...3660) { s.windowDays = v }
        if let v = try a.number("lead-time-days", in: 0...3650) { s.leadTimeDays = v }
        if let v = try a.number("order-cover-days", in: 1...3650) { s.orderCoverDays = v }
        if let v = try a.integer("handling-days", in: 0...60) { s.handlingDays = v }
        o.settings = s
        o.top = try a.integer("top", in: 0...100_000) ?? 50
        o.email = a.flag("email")
        if let to = try a.option("to") {
            o.to = to.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let fromGiven = try a.option("from").map { o.from = $0 } != nil
        o.subject = try a.option("subject")
        o.json = a.flag("json")
        o.reload = a.flag("reload")
        o.replay = a.flag("replay")
        // The e-mail's header rule, checked here so that a bad value fails before anything
        // changes rather than when the e-mail is built after the ingest (exit 2, not 1).
        let headers = [("subject", o.subject), ("from", o.from)] + o.to.map { ("to", $0) }
        for case let (option, value?) in headers {
            do {
                try EmailMessage.refuseBreaks(value, field: option)
            } catch {
                throw UsageError("--\(option) may not contain line breaks, tabs or other control characters (refused: \(value.debugDescription)); write it on one line of plain text")
            }
        }
        for address in o.to + [o.from] where !EmailMessage.isAddress(address) {
            throw UsageError("'\(address)' is not an e-mail address (expected name@domain)")
        }
        if o.email && o.to.isEmpty { throw UsageError("--email needs --to ADDRESS[,ADDRESS]") }
        if !o.email && (!o.to.isEmpty) { throw UsageError("--to is only used with --email") }
        if !o.email && fromGiven { throw UsageError("--from is only used with --email") }
        if !o.email && o.subject != nil { throw UsageError("--subject is only used with --email") }
        return o
    }

    /// Every option in force, for summary.json and the runs table.
    var settingsDictionary: [String: String] {
        [
            "as_of": CivilDate.string(settings.asOf), "data": data, "db": common.db, "out": out,
            "service_level": CSVWriter.format(settings.serviceLevel), "window_days": String(settings.windowDays),
            "lead_time_days": CSVWriter.format(settings.leadTimeDays), "order_cover_days": CSVWriter.format(settings.orderCoverDays),
            "time_zone": settings.timeZone, "handling_days": String(settings.handlingDays), "top": String(top), "email": email ? to.joined(separator: ",") : "",
            "reload": String(reload), "replay": String(replay),
        ]
    }

    var settingsJSON: String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: (try? e.encode(settingsDictionary)) ?? Data(), as: UTF8.self)
    }
}
