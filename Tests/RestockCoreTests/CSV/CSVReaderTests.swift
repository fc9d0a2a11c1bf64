import Foundation
import Testing
@testable import RestockCore

/// Every record of `bytes` as (line, fields), read from memory.
private func records(_ bytes: [UInt8]) throws(CSVError) -> [Record] {
    let reader = CSVReader(bytes: bytes, fileName: "t.csv")
    return try drain(reader)
}

private func records(_ text: String) throws(CSVError) -> [Record] {
    try records(Array(text.utf8))
}

/// Every record of `bytes`, read from a temporary file `chunkSize` bytes at a time.
private func recordsFromFile(_ bytes: [UInt8], chunkSize: Int) throws -> [Record] {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("csvreader-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let reader = try CSVReader(path: url.path, fileName: "t.csv", chunkSize: chunkSize)
    return try drain(reader)
}

private func drain(_ reader: CSVReader) throws(CSVError) -> [Record] {
    var out: [Record] = []
    var fields: [String] = []
    while let line = try reader.next(into: &fields) {
        out.append(Record(line: line, fields: fields))
    }
    return out
}

private struct Record: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
    init(_ line: Int, _ fields: [String]) { self.init(line: line, fields: fields) }
    var description: String { "\(line): \(fields)" }
}

/// The `CSVError` `body` throws, or nil.
private func csvError(_ body: () throws -> Void) -> CSVError? {
    do { try body() } catch { return error as? CSVError }
    return nil
}

@Suite struct CSVReaderTests {
    @Test func readsRecordsWithTheirLineNumbers() throws {
        #expect(try records("sku,quantity\nA,1\nB,2\n") == [
            Record(1, ["sku", "quantity"]), Record(2, ["A", "1"]), Record(3, ["B", "2"]),
        ])
    }

    @Test func lastRecordNeedsNoLineEnd() throws {
        #expect(try records("a,b\nc,d") == [Record(1, ["a", "b"]), Record(2, ["c", "d"])])
    }

    @Test func acceptsCRLFAndLFMixedInOneFile() throws {
        #expect(try records("a,b\r\nc,d\ne,f\r\n") == [
            Record(1, ["a", "b"]), Record(2, ["c", "d"]), Record(3, ["e", "f"]),
        ])
    }

    @Test func skipsBlankLinesButKeepsPhysicalLineNumbers() throws {
        // Line 2 empty, line 3 spaces and a tab with CRLF, line 5 empty at the end.
        #expect(try records("a\n\n  \t\r\nb\n\n") == [Record(1, ["a"]), Record(4, ["b"])])
    }

    @Test func fileOfOnlyBlankLinesHasNoRecords() throws {
        #expect(try records("\n \n\t\r\n").isEmpty)
        #expect(try records("").isEmpty)
    }

    @Test func skipsUTF8ByteOrderMark() throws {
        #expect(try records([0xEF, 0xBB, 0xBF] + Array("sku\nA\n".utf8)) == [Record(1, ["sku"]), Record(2, ["A"])])
    }

    @Test func emptyFieldsAroundCommasAreEmptyStrings() throws {
        #expect(try records(",a,\n") == [Record(1, ["", "a", ""])])
    }

    @Test func unquotesFieldsAndCollapsesDoubledQuotes() throws {
        #expect(try records("\"x,\"\"y\"\"\",z\n") == [Record(1, ["x,\"y\"", "z"])])
    }

    @Test func countsNewlinesInsideQuotedFields() throws {
        #expect(try records("\"a\nb\",c\nd\n\"e\r\nf\"\ng\n") == [
            Record(1, ["a\nb", "c"]), Record(3, ["d"]), Record(4, ["e\r\nf"]), Record(6, ["g"]),
        ])
    }

    @Test func trimsSpacesAndTabsInsideAndOutsideQuotes() throws {
        #expect(try records(" a ,\t\"  b \"  ,c\t\n") == [Record(1, ["a", "b", "c"])])
    }

    @Test func quotedEmptyFieldIsARecordNotABlankLine() throws {
        #expect(try records("\"\"\n") == [Record(1, [""])])
    }

    @Test func keepsLoneCarriageReturnAsData() throws {
        #expect(try records("a\rb,c\n") == [Record(1, ["a\rb", "c"])])
    }

    @Test func keepsQuoteInsideUnquotedFieldAsData() throws {
        #expect(try records("12\" pipe,x\n") == [Record(1, ["12\" pipe", "x"])])
    }

    @Test func readsMultiByteUTF8() throws {
        #expect(try records("Müller,日本,\"Zoë \"\"x\"\"\"\n") == [Record(1, ["Müller", "日本", "Zoë \"x\""])])
    }

    @Test func reportsStrayCharacterAfterClosingQuote() {
        let error = csvError { _ = try records("a\n\"ab\"x,c\n") }
        #expect(error?.kind == .strayCharacterAfterQuote)
        #expect(error?.line == 2)
        #expect(error?.problem == "stray character 'x' after closing quote")
    }

    @Test func reportsCarriageReturnAloneAfterClosingQuote() {
        let error = csvError { _ = try records("\"ab\"\rc\n") }
        #expect(error?.problem == "stray character carriage return after closing quote")
    }

    @Test func reportsLineWhereUnterminatedQuoteOpened() {
        // The quote opens on line 2 and is still open at the end of line 4.
        let error = csvError { _ = try records("a,b\nc,\"open\nmore\nstill\n") }
        #expect(error?.kind == .unterminatedQuote)
        #expect(error?.line == 2)
        #expect(error?.description
            == "t.csv:2: unterminated quoted field (opened on this line); fix: close the quote or re-export the file")
    }

    @Test func reportsInvalidUTF8OnTheLineOfItsRecord() {
        let error = csvError { _ = try records([0x61, 0x0A, 0x62, 0x2C, 0x63, 0xFF, 0x0A]) }
        #expect(error?.kind == .invalidUTF8)
        #expect(error?.line == 2)
        #expect(error?.problem == "field 2 is not valid utf-8")
    }

    @Test func refusesOverlongUTF8() {
        // C0 AF is an overlong encoding of '/': not UTF-8.
        #expect(csvError { _ = try records([0xC0, 0xAF, 0x0A]) }?.kind == .invalidUTF8)
    }

    @Test func refusesNulByteAsBinaryFile() {
        let error = csvError { _ = try records([0x61, 0x0A, 0x62, 0x00, 0x0A]) }
        #expect(error?.kind == .nulByte)
        #expect(error?.line == 2)
        #expect(error?.problem == "file contains a nul byte; is it a binary file?")
    }

    @Test func reportsFileThatCannotBeOpened() {
        let error = csvError { _ = try CSVReader(path: "/nonexistent-dir/orders.csv") }
        #expect(error?.kind == .unreadable)
        #expect(error?.file == "orders.csv")
        #expect(error?.description.hasPrefix("orders.csv: cannot read the file (no such file or directory)") == true)
    }

    @Test func readsTheSameAtEveryChunkSize() throws {
        // Fields, quotes, CRLF and blank lines fall on every chunk boundary once.
        let text = "\u{FEFF}id, name ,note\r\n1,\"a, \"\"b\"\"\",x\n\n2,\"multi\r\nline\"  ,y\r\n \t \n3,,\"\"\n4,z\rz,end"
        let bytes = Array(text.utf8)
        let expected = try records(bytes)
        #expect(expected == [
            Record(1, ["id", "name", "note"]), Record(2, ["1", "a, \"b\"", "x"]),
            Record(4, ["2", "multi\r\nline", "y"]), Record(7, ["3", "", ""]), Record(8, ["4", "z\rz", "end"]),
        ])
        for chunk in 16...48 {
            #expect(try recordsFromFile(bytes, chunkSize: chunk) == expected, "chunk size \(chunk)")
        }
    }

    @Test func readsTheSameWhenReadsReturnFewBytes() throws {
        // Short reads (1 to 5 bytes per read) split CRLF, doubled quotes and the BOM.
        let text = "\u{FEFF}a,\"b\"\"c\"\r\n\r\n\"x\ny\" ,z\r\nq\rr"
        let bytes = Array(text.utf8)
        let expected = [Record(1, ["a", "b\"c"]), Record(3, ["x\ny", "z"]), Record(5, ["q\rr"])]
        #expect(try records(bytes) == expected)
        for limit in 1...5 {
            let reader = CSVReader(bytes: bytes, fileName: "t.csv", chunkSize: 16, readLimit: limit)
            #expect(try drain(reader) == expected, "read limit \(limit)")
        }
    }

    @Test func readsATenMegabyteFieldAcrossChunks() throws {
        let big = String(repeating: "abcdefghij", count: 1_000_000)
        let bytes = Array("a,\"\(big)\"\nb,c\n".utf8)
        let got = try recordsFromFile(bytes, chunkSize: 1 << 16)
        #expect(got.count == 2)
        #expect(got[0].fields[1].utf8.count == 10_000_000)
        #expect(got[1] == Record(2, ["b", "c"]))
    }

    @Test func readsALineWithOneHundredThousandColumns() throws {
        let line = (0..<100_000).map(String.init).joined(separator: ",")
        let got = try recordsFromFile(Array((line + "\nlast\n").utf8), chunkSize: 1 << 12)
        #expect(got.count == 2)
        #expect(got[0].fields.count == 100_000)
        #expect(got[0].fields[99_999] == "99999")
        #expect(got[1] == Record(2, ["last"]))
    }

    @Test func reportsErrorsFoundAfterAChunkBoundary() throws {
        let bytes = Array((String(repeating: "a,b\n", count: 100) + "\"x\"y\n").utf8)
        do {
            _ = try recordsFromFile(bytes, chunkSize: 16)
            Issue.record("expected a stray character error")
        } catch let error as CSVError {
            #expect(error.line == 101)
            #expect(error.kind == .strayCharacterAfterQuote)
        }
    }
}
