import Foundation
import Testing
@testable import RestockCore

@Suite struct CSVWriterTests {
    @Test func writesHeaderAndRowsWithLFLineEnds() {
        var writer = CSVWriter(header: ["sku", "units", "rate"])
        writer.append([.text("A-1"), .integer(12), .number(0.25)])
        writer.append([.text(nil), .integer(nil), .number(nil)])
        #expect(writer.text == "sku,units,rate\nA-1,12,0.25\n,,\n")
    }

    @Test func quotesFieldsHoldingCommaQuoteCarriageReturnOrLineFeed() {
        var writer = CSVWriter(header: ["v"])
        for value in ["a,b", "say \"hi\"", "x\ry", "x\ny", "plain"] { writer.append([.text(value)]) }
        #expect(writer.text == "v\n\"a,b\"\n\"say \"\"hi\"\"\"\n\"x\ry\"\n\"x\ny\"\nplain\n")
    }

    @Test func guardsTextThatASpreadsheetWouldRunAsAFormula() {
        var writer = CSVWriter(header: ["v"])
        for value in ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx", "a=b"] { writer.append([.text(value)]) }
        #expect(writer.text == "v\n'=SUM(A1)\n'+1\n'-2\n'@cmd\n'\tx\n\"'\rx\"\na=b\n")
    }

    @Test func neverGuardsNumbers() {
        var writer = CSVWriter(header: ["a", "b"])
        writer.append([.integer(-3), .number(-3)])
        #expect(writer.text == "a,b\n-3,-3\n")
    }

    @Test func startsTheNextPieceEmptyWithoutAHeaderLeavingThePieceHandedOn() {
        var writer = CSVWriter(header: ["a", "b"])
        writer.append([.integer(1), .text("x")])
        let first = writer.bytes
        writer.startNextPiece()
        writer.append([.integer(2), .text("y")])
        #expect(String(decoding: first, as: UTF8.self) == "a,b\n1,x\n")
        #expect(writer.text == "2,y\n")
    }

    @Test func guardedTextWithAQuoteIsQuotedAroundTheGuard() {
        var writer = CSVWriter(header: ["v"])
        writer.append([.text("=\"x\",1")])
        #expect(writer.text == "v\n\"'=\"\"x\"\",1\"\n")
    }

    @Test func quotesTextStartingWithAByteOrderMarkSoItReadsBack() throws {
        // Fuzzer finding: unquoted, a leading U+FEFF first in the file read back as a BOM.
        var writer = CSVWriter(header: ["\u{FEFF}sku"])
        writer.append([.text("\u{FEFF}x")])
        #expect(writer.text == "\"\u{FEFF}sku\"\n\"\u{FEFF}x\"\n")
        let reader = CSVReader(bytes: writer.bytes, fileName: "t.csv")
        var fields: [String] = []
        #expect(try reader.next(into: &fields) == 1)
        #expect(fields == ["\u{FEFF}sku"])
    }

    @Test func fastNumberFormattingWritesWhatPrintfWrites() {
        var random = SplitMix64(state: 11)
        func uniform() -> Double { Double(random.next() >> 11) * 0x1.0p-53 }
        var values: [Double] = [0, -0.0, 0.00005, -0.00005, 0.00015, 0.49995, 2.5, 1e9 - 0.00005, 123456.78905, -7.00004999]
        for _ in 0..<50_000 {
            let magnitude = pow(10, uniform() * 12 - 4)
            values.append((uniform() < 0.5 ? -1 : 1) * magnitude)
            values.append((uniform() * 100_000).rounded() / 10_000 + 0.00005)   // near a half
            values.append((uniform() * 1_000).rounded() / 100)                  // prices
        }
        for x in values { #expect(CSVWriter.format(x) == CSVWriter.printfFormat(x), "\(x)") }
    }

    @Test func cellsOfARowAreTheTextOfFormatAndOfStringByteForByte() {
        // A row's number and count cells are written as digits straight into the file:
        // each must be `format(x)` and `String(n)`, whichever path (fast, printf) x takes.
        var random = SplitMix64(state: 5)
        func uniform() -> Double { Double(random.next() >> 11) * 0x1.0p-53 }
        var numbers: [Double] = [0, -0.0, -0.00001, 0.00005, 1e20, -1e12, 1e9 - 0.00005, 43.14125, .nan, -.infinity, 10_005e-4]
        var counts: [Int] = [0, -7, 10, Int.max, Int.min]
        for _ in 0..<20_000 {
            numbers.append((uniform() < 0.5 ? -1 : 1) * pow(10, uniform() * 14 - 5))
            numbers.append((uniform() * 100_000).rounded() / 10_000 + 0.00005)
            counts.append(Int(bitPattern: UInt(random.next())) >> Int(random.next() % 64))
        }
        // Rows only: a later piece of a file, after its header (`startNextPiece`).
        var writer = CSVWriter(header: ["x", "n"])
        writer.startNextPiece()
        for x in numbers { writer.appendRow(cells: 2) { $0 == 0 ? .number(x) : .integer(nil) } }
        for n in counts { writer.appendRow(cells: 2) { $0 == 0 ? .text(nil) : .integer(n) } }
        let expected = numbers.map { CSVWriter.format($0) + ",\n" } + counts.map { "," + String($0) + "\n" }
        #expect(writer.text == expected.joined())
        // Text: plain, quoted, guarded, empty, a byte-order mark, non-ASCII.
        writer = CSVWriter(header: ["1", "2", "3", "4", "5", "6"])
        writer.startNextPiece()
        writer.appendRow(cells: 6) { .text(["Mug", "a,b", "=1+1", "", "\u{FEFF}x", "Tasse à café"][$0]) }
        #expect(writer.text == "Mug,\"a,b\",'=1+1,,\"\u{FEFF}x\",Tasse à café\n")
    }

    @Test func formatsNumbersWithAtMostFourDecimalsAndNoExponent() {
        #expect(CSVWriter.format(2.5) == "2.5")
        #expect(CSVWriter.format(1.0 / 3.0) == "0.3333")
        #expect(CSVWriter.format(2.0 / 3.0) == "0.6667")
        #expect(CSVWriter.format(1e20) == "100000000000000000000")
        #expect(CSVWriter.format(-0.00001) == "0")
        #expect(CSVWriter.format(-0.0) == "0")
        #expect(CSVWriter.format(0) == "0")
        #expect(CSVWriter.format(42) == "42")
        #expect(CSVWriter.format(-1.25) == "-1.25")
        #expect(CSVWriter.format(1e-5) == "0")
        // 0.00005 as a double is 5.0000000000000000240e-05, just above the tie: rounds up.
        #expect(CSVWriter.format(0.00005) == "0.0001")
        // 0.12345 as a double is 0.123450000000000004: rounds up to 0.1235.
        #expect(CSVWriter.format(0.12345) == "0.1235")
        #expect(CSVWriter.format(123456.78901) == "123456.789")
        // Fuzzer case: 43.14125 as a double is 43.14124999999999943, below the tie: rounds down.
        #expect(CSVWriter.format(43.14125) == "43.1412")
    }

    @Test func writesNonFiniteNumbersAsMissing() {
        #expect(CSVWriter.format(.nan) == "")
        #expect(CSVWriter.format(.infinity) == "")
    }
}

@Suite struct DecimalTextTests {
    @Test func writesAWholeCountOfDecimalUnits() {
        #expect(DecimalText.fixed(206, places: 1) == "20.6")
        #expect(DecimalText.fixed(990, places: 1) == "99.0")
        #expect(DecimalText.fixed(0, places: 1) == "0.0")
        #expect(DecimalText.fixed(-3, places: 1) == "-0.3")
        #expect(DecimalText.fixed(25_000, places: 4, trimmingZeros: true) == "2.5")
        #expect(DecimalText.fixed(-3, places: 4, trimmingZeros: true) == "-0.0003")
        #expect(DecimalText.fixed(120_000, places: 4, trimmingZeros: true) == "12")
        #expect(DecimalText.fixed(0, places: 4, trimmingZeros: true) == "0")
        #expect(DecimalText.fixed(10_005, places: 4, trimmingZeros: true) == "1.0005")
    }
}
