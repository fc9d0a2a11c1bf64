// libFuzzer entry point for CSVReader (and CSVWriter round trips).
// Build and run with Tests/Fuzz/run-fuzz.sh; not part of any SwiftPM target.
//
// Invariants checked for every input:
// - reading never crashes: it yields records or throws a CSVError with a line >= 1;
// - record line numbers increase strictly and never pass the input's line count;
// - no field starts or ends with a space or tab (every value is trimmed);
// - the streaming path gives the same records (or the same error) as the in-memory path,
//   whatever the buffer size and however few bytes each read returns;
// - writing the records with CSVWriter and reading them back gives the records again
//   (text that starts like a formula comes back with its leading ').

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let control = input.first else { return 0 }
    let bytes = Array(input.dropFirst())
    let memory = readAll(CSVReader(bytes: bytes, fileName: "fuzz.csv"))

    // Streaming with a buffer of 16...31 bytes and reads of 1...8 bytes.
    let chunked = readAll(CSVReader(bytes: bytes, fileName: "fuzz.csv",
                                    chunkSize: 16 + Int(control & 0x0F), readLimit: 1 + Int(control >> 5)))
    require(memory == chunked, "streaming and in-memory reads differ")

    let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    var previous = 0
    for record in memory.records {
        require(record.line > previous && record.line <= lineCount, "line numbers out of order")
        previous = record.line
        for field in record.fields {
            let utf8 = Array(field.utf8)
            if let first = utf8.first, let last = utf8.last {
                require(first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09, "untrimmed field")
            }
        }
    }
    if let error = memory.error {
        require((error.line ?? 0) >= 1 && (error.line ?? 0) <= lineCount, "error line out of range")
    } else {
        roundTrip(memory.records)
    }
    return 0
}

private struct Outcome: Equatable {
    var records: [Record] = []
    var error: CSVError?
}

private struct Record: Equatable {
    var line: Int
    var fields: [String]
}

private func readAll(_ reader: CSVReader) -> Outcome {
    var outcome = Outcome()
    var fields: [String] = []
    do {
        while let line = try reader.next(into: &fields) {
            outcome.records.append(Record(line: line, fields: fields))
        }
    } catch {
        outcome.error = error
    }
    return outcome
}

/// Write the records, read them back, compare field by field.
private func roundTrip(_ records: [Record]) {
    // A record of one empty field is written as an empty line, which reads as blank.
    let rows = records.map(\.fields).filter { $0 != [""] }
    guard let header = rows.first else { return }
    var writer = CSVWriter(header: header)
    for row in rows.dropFirst() { writer.append(row.map { CSVCell.text($0) }) }
    let back = readAll(CSVReader(bytes: writer.bytes, fileName: "roundtrip.csv"))
    require(back.error == nil, "writer output does not read back: \(String(describing: back.error))")
    require(back.records.count == rows.count, "round trip changed the number of records")
    for (row, record) in zip(rows, back.records) {
        let expected = row.map { field -> String in
            guard let first = field.utf8.first, CSVWriter.needsFormulaGuard(first) else { return field }
            return "'" + field
        }
        require(record.fields == expected, "round trip changed a record: \(row) -> \(record.fields)")
    }
}

/// `precondition` that also prints its message in an optimized build, then aborts.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if condition { return }
    print("fuzz invariant failed: \(message())")
    fatalError(message())
}
