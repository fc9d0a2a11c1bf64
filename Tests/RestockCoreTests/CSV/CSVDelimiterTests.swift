import Foundation
import Testing
@testable import RestockCore

@Suite struct CSVDelimiterTests {
    private func read(_ text: String, _ delimiter: CSVDelimiter) throws -> [[String]] {
        let reader = CSVReader(bytes: Array(text.utf8), fileName: "t.csv", delimiter: delimiter)
        var out: [[String]] = []
        var fields: [String] = []
        while try reader.next(into: &fields) != nil { out.append(fields) }
        return out
    }

    @Test func semicolonSeparatesFieldsAndLeavesCommasAsData() throws {
        let rows = try read("sku;price\nA;12,50\n\"B;1\";\"3,0\"\n", .semicolon)
        #expect(rows == [["sku", "price"], ["A", "12,50"], ["B;1", "3,0"]])
    }

    @Test func tabSeparatesFieldsAndEmptyCellsSurvive() throws {
        let rows = try read("a\tb\tc\n1\t\t3\n\"x\"\ty\t\n", .tab)
        #expect(rows == [["a", "b", "c"], ["1", "", "3"], ["x", "y", ""]])
    }

    @Test func spacesAroundTabSeparatedFieldsAreTrimmed() throws {
        #expect(try read(" a \t b \n", .tab) == [["a", "b"]])
    }

    @Test func commaIsStillTheDefault() throws {
        #expect(try read("a;b,c\n", .comma) == [["a;b", "c"]])
    }

    @Test func delimiterNamesInAMapping() {
        #expect(CSVDelimiter(mappingValue: ";") == .semicolon)
        #expect(CSVDelimiter(mappingValue: "tab") == .tab)
        #expect(CSVDelimiter(mappingValue: "Comma") == .comma)
        #expect(CSVDelimiter(mappingValue: "|") == nil)
    }
}
