import Testing
@testable import RestockCore

@Suite struct CSVBytesTests {
    static func text(_ build: (inout CSVBytes) -> Void) -> String {
        var out = CSVBytes()
        build(&out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @Test func quotesFieldsWithCommasAndDoublesTheirQuotes() {
        #expect(Self.text { $0.field("Plain Name") } == "Plain Name")
        #expect(Self.text { $0.field("Drill Bit, Pro, 8 mm") } == "\"Drill Bit, Pro, 8 mm\"")
        #expect(Self.text { $0.field("Monitor 27\"") } == "\"Monitor 27\"\"\"")
    }

    @Test func padsIntegersAndWritesCentsWithTwoDecimals() {
        #expect(Self.text { $0.integer(42, width: 6) } == "000042")
        #expect(Self.text { $0.integer(1_234_567, width: 6) } == "1234567")
        #expect(Self.text { $0.integer(0) } == "0")
        #expect(Self.text { $0.cents(1_299) } == "12.99")
        #expect(Self.text { $0.cents(5) } == "0.05")
    }

    /// 2026-03-14 23:30:00 UTC is 2026-03-15 00:30:00 at +01:00: the same instant, the next
    /// wall-clock date.
    @Test func writesInstantsInUTCOrAtPlusOneHour() {
        let day = CivilDate.day(year: 2026, month: 3, day: 14)
        let time = Int64(day) * 86_400 + 23 * 3_600 + 30 * 60 + 5
        let dates = DateTexts(days: day...(day + 1))
        #expect(Self.text { $0.dateTime(time, dates: dates) } == "2026-03-14T23:30:05Z")
        #expect(Self.text { $0.dateTime(time, plusOneHour: true, dates: dates) } == "2026-03-15T00:30:05+01:00")
        // Outside the precomputed days the date is computed on the spot.
        #expect(Self.text { $0.dateTime(time - 40 * 86_400, dates: dates) } == "2026-02-02T23:30:05Z")
    }
}
