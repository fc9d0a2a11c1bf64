// libFuzzer entry point for DateTimeParser.
// Build and run with Tests/Fuzz/run-fuzz.sh; not part of any SwiftPM target.
//
// Invariants checked for every input:
// - parsing never crashes; it returns a value or a DateParseError with a non-empty reason;
// - an accepted text starts with its date: YYYY-MM-DD of the UTC parser's day is the first
//   10 characters for a date alone or a time without offset, and parseDay agrees for a date alone;
// - for an accepted text, the UTC parser's day is the instant's UTC day when an offset is given;
// - in every zone the day is within one day of the UTC day (offsets are under 26 hours apart)
//   and the instant of a text with an offset is the same in every zone.

import Foundation

private let parsers = ["UTC", "Europe/Berlin", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago"]
    .map { DateTimeParser(timeZone: TimeZone(identifier: $0)!) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDates(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let results = parsers.map { parser -> ParsedDateTime? in
        switch Result(catching: { () throws(DateParseError) in try parser.parse(text) }) {
        case .success(let parsed):
            return parsed
        case .failure(let error):
            require(!error.reason.isEmpty, "empty reason")
            return nil
        }
    }
    // Acceptance does not depend on the zone.
    require(results.allSatisfy { ($0 == nil) == (results[0] == nil) }, "zone changed acceptance")
    guard let base = results[0] else {
        if text.utf8.count == 10 { require(DateTimeParser.parseDay(text) == nil, "parseDay accepts a refused date") }
        return 0
    }
    let utf8 = Array(text.utf8)
    let written = String(decoding: utf8.prefix(10), as: UTF8.self)
    let hasOffset = utf8.count > 16 && (utf8.last == UInt8(ascii: "Z") || utf8[16...].contains(UInt8(ascii: "+"))
        || utf8[16...].contains(UInt8(ascii: "-")))
    if utf8.count == 10 {
        require(base.instant == nil && DateTimeParser.parseDay(text) == base.day, "date alone")
    }
    guard let instant = base.instant else {
        require(CivilDate.string(base.day) == written, "day of a date alone")
        return 0
    }
    let utcDay = Day(instant >= 0 ? instant / 86_400_000_000 : (instant - 86_399_999_999) / 86_400_000_000)
    require(base.day == utcDay, "UTC day differs from the instant's day")
    if !hasOffset {
        require(CivilDate.string(base.day) == written, "wall time not on its written day")
    }
    for result in results.dropFirst() {
        let r = result!
        require(abs(r.day - base.day) <= 1, "zone moved the day by more than one")
        if hasOffset { require(r.instant == base.instant, "instant with offset depends on the zone") }
        else { require(CivilDate.string(r.day) == written, "wall time not on its written day") }
    }
    return 0
}

/// `precondition` that also prints its message in an optimized build, then aborts.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if condition { return }
    print("fuzz invariant failed: \(message())")
    fatalError(message())
}
