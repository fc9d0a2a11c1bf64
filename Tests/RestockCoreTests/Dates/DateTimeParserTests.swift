import Foundation
import Testing
@testable import RestockCore

/// Day numbers worked out by hand: 2026-01-01 is day 20454 (56 years of 365 days since 1970
/// plus 14 leap days, 1972...2024); Jan 31 + Feb 28 + Mar 31 + ... + Oct 31 = 304 days, so
/// 2026-11-26 is 20454 + 304 + 25 = 20783. The others count from these.
private enum Days {
    static let mar01_2026: Day = 20454 + 31 + 28          // 20513
    static let mar02_2026: Day = mar01_2026 + 1
    static let mar07_2026: Day = mar01_2026 + 6
    static let mar08_2026: Day = mar01_2026 + 7
    static let jun30_2026: Day = mar01_2026 + 31 + 30 + 31 + 29   // 20634
    static let jul01_2026: Day = jun30_2026 + 1
    static let nov01_2026: Day = 20454 + 304               // 20758
    static let nov26_2026: Day = nov01_2026 + 25           // 20783
    static let feb29_2024: Day = 20454 - 366 - 365 + 31 + 28   // 2024-01-01 + 59 = 19782
}

private let microsPerSecond: Int64 = 1_000_000

private func utcMicros(_ day: Day, _ h: Int64, _ m: Int64, _ s: Int64 = 0) -> Int64 {
    ((Int64(day) * 86_400) + h * 3600 + m * 60 + s) * microsPerSecond
}

private let utc = DateTimeParser(timeZone: TimeZone(identifier: "UTC")!)
private let berlin = DateTimeParser(timeZone: TimeZone(identifier: "Europe/Berlin")!)
private let newYork = DateTimeParser(timeZone: TimeZone(identifier: "America/New_York")!)

private func reason(_ parser: DateTimeParser, _ text: String) -> String? {
    do {
        _ = try parser.parse(text)
        return nil
    } catch {
        return error.reason
    }
}

@Suite struct DateTimeParserTests {
    @Test func readsADateAloneAsItsDayWithoutAnInstant() throws {
        #expect(try utc.parse("2026-11-26") == ParsedDateTime(day: Days.nov26_2026, instant: nil))
        #expect(try newYork.parse("2026-11-26") == ParsedDateTime(day: Days.nov26_2026, instant: nil))
    }

    @Test func readsEveryTimeForm() throws {
        let base = utcMicros(Days.nov26_2026, 14, 5)
        let forms: [(String, Int64)] = [
            ("2026-11-26T14:05", base),
            ("2026-11-26 14:05", base),
            ("2026-11-26T14:05:07", base + 7 * microsPerSecond),
            ("2026-11-26T14:05:07.5", base + 7_500_000),
            ("2026-11-26T14:05:07.123456", base + 7_123_456),
            ("2026-11-26T14:05:07.1234567", base + 7_123_456),   // beyond microseconds: truncated
            ("2026-11-26T14:05:00Z", base),
            ("2026-11-26 14:05:00+01:00", base - 3600 * microsPerSecond),
            ("2026-11-26T14:05+0130", base - 5400 * microsPerSecond),
            ("2026-11-26T14:05:00-05", base + 5 * 3600 * microsPerSecond),
            ("2026-11-26T14:05:00.25-00:00", base + 250_000),
            ("2026-11-26T14:05:00+18:00", base - 18 * 3600 * microsPerSecond),
        ]
        for (text, instant) in forms {
            #expect(try utc.parse(text).instant == instant, "\(text)")
        }
    }

    @Test func acceptsFebruary29OnlyInLeapYears() throws {
        #expect(try utc.parse("2024-02-29").day == Days.feb29_2024)
        #expect(reason(utc, "2026-02-29") == "2026-02-29 is not a date: February 2026 has 28 days")
        #expect(reason(utc, "2100-02-29") == "2100-02-29 is not a date: February 2100 has 28 days")
        #expect(try utc.parse("2000-02-29").day == CivilDate.day(year: 2000, month: 2, day: 29))
    }

    @Test func refusesOutOfRangeFieldsWithTheReason() {
        #expect(reason(utc, "2026-13-01") == "month 13 is out of range (01-12)")
        #expect(reason(utc, "2026-00-10") == "month 0 is out of range (01-12)")
        #expect(reason(utc, "2026-02-30") == "2026-02-30 is not a date: February 2026 has 28 days")
        #expect(reason(utc, "2026-04-31") == "2026-04-31 is not a date: April 2026 has 30 days")
        #expect(reason(utc, "2026-01-00") == "2026-01-00 is not a date: January 2026 has 31 days")
        #expect(reason(utc, "0000-01-01") == "year 0000 is out of range (0001-9999)")
        #expect(reason(utc, "2026-11-26T24:00") == "hour 24 is out of range (00-23)")
        #expect(reason(utc, "2026-11-26T14:60") == "minute 60 is out of range (00-59)")
        #expect(reason(utc, "2026-11-26T14:05:60") == "second 60 is out of range (00-59)")
        #expect(reason(utc, "2026-11-26T14:05+18:01") == "time zone offset +18:01 is out of range (at most 18:00 either way)")
        #expect(reason(utc, "2026-11-26T14:05-19") == "time zone offset -19:00 is out of range (at most 18:00 either way)")
        #expect(reason(utc, "2026-11-26T14:05+01:60") == "offset minute 60 is out of range (00-59)")
    }

    @Test func refusesOtherShapes() {
        let shape = "expected YYYY-MM-DD or an ISO 8601 date-time such as 2026-11-26T14:05:00Z"
        for text in ["26/11/2026", "2026-1-05", "2026/11/26", "20261126", "2026-11", "Nov 26 2026", "2026-11-2x"] {
            #expect(reason(utc, text) == shape, "\(text)")
        }
        #expect(reason(utc, "") == "the value is empty")
        let refused = [
            "2026-11-26T14", "2026-11-26t14:05", "2026-11-26  14:05", "2026-11-26T14:05:00 Z",
            "2026-11-26T14:05:00.Z", "2026-11-26T14:05:00+01:0", "2026-11-26T14:05:00+1",
            "2026-11-26T14:05:00z", "2026-11-26T14:05:00Z ", "2026-11-26T1:05", "2026-11-26T14:05:0",
            "2026-11-26T14:05:00+01:00:00", "2026-11-26 ", "2026-11-26T14:05:00,5",
        ]
        for text in refused {
            #expect(reason(utc, text) != nil, "\(text)")
        }
    }

    @Test func countsAnInstantOnItsDayInBerlin() throws {
        // 23:30Z on March 1 is 00:30 CET (UTC+1) on March 2.
        let parsed = try berlin.parse("2026-03-01T23:30:00Z")
        #expect(parsed.day == Days.mar02_2026)
        #expect(parsed.instant == utcMicros(Days.mar01_2026, 23, 30))
        // Without an offset the written date is the day, and the instant is 1 hour earlier in UTC.
        let wall = try berlin.parse("2026-03-02 00:30")
        #expect(wall.day == Days.mar02_2026)
        #expect(wall.instant == utcMicros(Days.mar01_2026, 23, 30))
    }

    @Test func countsAnInstantWithOffsetOnItsUTCDay() throws {
        // 00:30+01:00 on March 2 is 23:30Z on March 1.
        #expect(try utc.parse("2026-03-02T00:30:00+01:00").day == Days.mar01_2026)
    }

    @Test func findsDaysAcrossNewYorkDaylightSavingChanges() throws {
        // 2026-03-08 03:30Z is 22:30 EST (UTC-5) on March 7.
        #expect(try newYork.parse("2026-03-08T03:30:00Z").day == Days.mar07_2026)
        // 2026-07-01 03:59Z is 23:59 EDT (UTC-4) on June 30; 04:00Z is midnight July 1.
        #expect(try newYork.parse("2026-07-01T03:59:00Z").day == Days.jun30_2026)
        #expect(try newYork.parse("2026-07-01T04:00:00Z").day == Days.jul01_2026)
        // 2026-11-02 04:30Z is 23:30 EST on November 1 (after the change back).
        #expect(try newYork.parse("2026-11-02T04:30:00Z").day == Days.nov01_2026)
    }

    @Test func readsWallTimesAroundTheSpringForwardGap() throws {
        // 2026-03-08: 02:00 EST jumps to 03:00 EDT.
        #expect(try newYork.parse("2026-03-08T01:59:59").instant == utcMicros(Days.mar08_2026, 6, 59, 59))
        #expect(try newYork.parse("2026-03-08T03:00:00").instant == utcMicros(Days.mar08_2026, 7, 0))
        // 02:30 does not exist: read with the offset before the gap (EST), 07:30Z = 03:30 EDT.
        let gap = try newYork.parse("2026-03-08T02:30:00")
        #expect(gap.instant == utcMicros(Days.mar08_2026, 7, 30))
        #expect(gap.day == Days.mar08_2026)
    }

    @Test func readsAnAmbiguousFallBackWallTimeAsItsFirstOccurrence() throws {
        // 2026-11-01: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice, first in EDT (UTC-4).
        #expect(try newYork.parse("2026-11-01T01:30:00").instant == utcMicros(Days.nov01_2026, 5, 30))
        #expect(try newYork.parse("2026-11-01T00:30:00").instant == utcMicros(Days.nov01_2026, 4, 30))
        #expect(try newYork.parse("2026-11-01T02:30:00").instant == utcMicros(Days.nov01_2026, 7, 30))
    }

    @Test func readsDatesFarOutsideTheOffsetTable() throws {
        // 1850 and 2300 are outside the 1900-2200 table: Foundation answers directly.
        #expect(try berlin.parse("2300-06-01T22:30:00Z").day == CivilDate.day(year: 2300, month: 6, day: 2))
        #expect(try utc.parse("1850-01-01T00:00:00Z").day == CivilDate.day(year: 1850, month: 1, day: 1))
    }

    @Test func parsesCommandLineDayOnlyInTheDateForm() {
        #expect(DateTimeParser.parseDay("2026-11-26") == Days.nov26_2026)
        #expect(DateTimeParser.parseDay("2026-11-26T00:00") == nil)
        #expect(DateTimeParser.parseDay("2026-02-29") == nil)
        #expect(DateTimeParser.parseDay("yesterday") == nil)
    }
}
