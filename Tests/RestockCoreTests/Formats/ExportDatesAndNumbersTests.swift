import Foundation
import Testing
@testable import RestockCore

@Suite struct ExportDatesAndNumbersTests {
    private func date(_ raw: String, _ reader: ExportDateReader = ExportDateReader()) throws -> String? {
        try? reader.canonical(raw, column: "d").get()
    }

    @Test func shopifyAndRFC2822DatesBecomeISO() throws {
        #expect(try date("2021-05-13 11:01:13 +0200") == "2021-05-13T11:01:13+02:00")
        #expect(try date("2021-05-13 11:01:13 -0530") == "2021-05-13T11:01:13-05:30")
        #expect(try date("Mon, 23 Sep 2024 14:21:24 +0000") == "2024-09-23T14:21:24+00:00")
        #expect(try date("23 Sep 2024") == "2024-09-23")
        #expect(try date("2026-11-26") == "2026-11-26")
    }

    @Test func numericDatesFollowTheOrderGiven() throws {
        #expect(try date("03/04/2024", ExportDateReader(order: .dayFirst)) == "2024-04-03")
        #expect(try date("03/04/2024", ExportDateReader(order: .monthFirst)) == "2024-03-04")
        #expect(try date("5.13.24 9:05", ExportDateReader(order: .monthFirst)) == "2024-05-13T09:05")
        #expect(try date("13/05/2024", ExportDateReader(order: .monthFirst)) == nil)   // month 13
    }

    @Test func aFileWithAmbiguousDatesIsRefusedNotGuessed() throws {
        do {
            _ = try ExportFixture("ambiguous-dates.csv")
            Issue.record("03/04/2024 was read without a date order")
        } catch let error as CSVError {
            #expect(error.line == 2)
            #expect(error.problem.contains("day-first or month-first"))
            #expect(error.hint.contains("--date-order"))
        }
        let f = try ExportFixture("ambiguous-dates.csv", options: ExportOptions(dateOrder: .dayFirst))
        #expect(f.row(line: 2)?["ordered_at"] == "2024-04-03")
    }

    @Test func aSpreadsheetSerialDateRefusesTheFile() throws {
        do {
            _ = try ExportFixture("serial-dates.csv")
            Issue.record("45384.347 was read as a date")
        } catch let error as CSVError {
            #expect(error.problem.contains("spreadsheet serial date"))
            #expect(error.problem.contains("nothing of this file was loaded"))
        }
        #expect(ExportDateReader.isSerial(Array("45384".utf8)))
        #expect(!ExportDateReader.isSerial(Array("2024-01".utf8)))
    }

    @Test func datePatternsReadWhatTheMappingSays() throws {
        let p = try #require(DatePattern("%d/%m/%Y %H:%M"))
        #expect(p.parse("3/4/2024 09:15") == "2024-04-03T09:15:00")
        #expect(p.parse("2024-04-03") == nil)
        #expect(DatePattern("%Y%m%d")?.parse("20240403") == "2024-04-03")
        #expect(DatePattern("%d.%m") == nil)      // no year
        #expect(DatePattern("%a %d %Y") == nil)   // weekday names are not read
    }

    /// Supplier and ERP exports write months by name: `02-Jun-06`, `March 5, 2024`.
    @Test func datePatternsReadEnglishMonthNames() throws {
        let short = try #require(DatePattern("%d-%b-%y"))
        #expect(short.parse("02-Jun-06") == "2006-06-02")
        #expect(short.parse("14-NOV-06") == "2006-11-14")      // any case
        #expect(short.parse("1-sep-15") == "2015-09-01")
        #expect(short.parse("02-Jun-2006") == nil)              // %y is two digits
        #expect(short.parse("02-Jux-06") == nil)                // no such month
        #expect(short.parse("02-06-06") == nil)                 // a number is not a name
        let full = try #require(DatePattern("%B %d, %Y"))
        #expect(full.parse("March 5, 2024") == "2024-03-05")
        #expect(full.parse("May 31, 2024") == "2024-05-31")
        #expect(full.parse("Mar 5, 2024") == nil)               // %B wants the whole name
        #expect(DatePattern("%d %b %m %Y") == nil)              // two months
        #expect(DatePattern("%d %b") == nil)                    // no year
    }

    /// One column in several forms: each value is read by the form it follows, and a value
    /// two forms read as different dates is rejected, never guessed.
    @Test func aDateFormatWithAlternativesReadsEachValueByItsFormAndRefusesToGuess() throws {
        let mixed = try #require(DatePattern("%m/%d/%y or %d-%b-%y"))
        #expect(mixed.parse("6/2/06") == "2006-06-02")
        #expect(mixed.parse("02-Jun-06") == "2006-06-02")
        #expect(mixed.read("N/A - From RDC") == .failure(DateParseError(reason: "expected a date written as %m/%d/%y or %d-%b-%y")))
        let either = try #require(DatePattern("%d/%m/%Y or %m/%d/%Y"))
        #expect(either.parse("13/2/2024") == "2024-02-13")     // month 13 cannot be month-first
        #expect(either.parse("2/13/2024") == "2024-02-13")
        #expect(either.parse("3/3/2024") == "2024-03-03")      // both read the same date
        guard case .failure(let why) = either.read("3/4/2024") else {
            Issue.record("3/4/2024 was read although it is both 3 April and 4 March")
            return
        }
        #expect(why.reason.contains("2024-04-03 or 2024-03-04"))
        #expect(DatePattern("%d-%b-%y or %q") == nil)          // every form must be one restock reads
    }

    @Test func pricesWithCurrencyThousandsAndDecimalCommas() {
        func n(_ raw: String, _ mark: DecimalMark? = nil) -> String? { try? ExportNumber.canonical(raw, mark: mark).get() }
        #expect(n("$1,299.00") == "1299.00")
        #expect(n("R 1 299,00") == "1299.00")
        #expect(n("1.299,00 €") == "1299.00")
        #expect(n("12,5") == "12.5")
        #expect(n("12.50") == "12.50")
        #expect(n("1,234") == nil)                 // a thousand or a fraction: refused
        #expect(n("1,234", .comma) == "1.234")
        #expect(n("1.234", .comma) == "1234")
        #expect(n("1,234,567") == "1234567")
        #expect(n("-3") == "-3")
        #expect(n("abc") == nil)
    }
}

extension DatePattern {
    /// The ISO text `read` gives, nil where it gives a reason (the tests' shorthand).
    func parse(_ raw: String) -> String? { try? read(raw).get() }
}
