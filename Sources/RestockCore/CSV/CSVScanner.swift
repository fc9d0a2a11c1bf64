/// The state machine and buffer behind `CSVReader` (see there for the dialect).
///
/// A struct so that one call of `next(into:)` is one exclusive access: the class's stored
/// properties would otherwise pay a dynamic exclusivity check on every byte-loop access.
struct CSVScanner {
    /// The file name used in error messages.
    let fileName: String

    private enum State: UInt8 {
        /// At the start of a field; spaces and tabs are skipped.
        case fieldStart
        /// Inside an unquoted field.
        case unquoted
        /// Inside a quoted field.
        case quoted
        /// Just after a quote inside a quoted field: a closing quote, or the first of `""`.
        case quoteInQuoted
        /// After a closing quote and some spaces or tabs.
        case afterQuote
    }

    /// Byte range of one field in the buffer, before trimming. For a quoted field the range
    /// is between the quotes.
    private struct Span {
        var start: Int
        var end: Int
        var quoted: Bool
        var doubledQuotes: Bool
    }

    static let comma: UInt8 = 0x2C
    private static let quote: UInt8 = 0x22
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D
    private static let space: UInt8 = 0x20
    private static let tab: UInt8 = 0x09

    private let source: (any ByteSource)?
    /// The byte between fields: a comma unless the reader was made for another delimiter.
    private let delimiter: UInt8
    /// Bytes above this need no attention in an unquoted field (NUL, LF, CR and the delimiter
    /// are all at or below it).
    private let attention: UInt8
    private let chunkSize: Int
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Number of valid bytes in `buffer`.
    private var end = 0
    private var atEOF = false

    // Scanner state, kept across refills. Offsets are into `buffer`.
    private var position = 0
    private var recordStart = 0
    private var fieldBegin = 0
    private var quoteEnd = 0
    private var doubled = false
    private var state = State.fieldStart
    private var spans: [Span] = []
    /// Physical line (1-based) of the byte at `position`.
    private var line = 1
    private var recordLine = 1
    private var quoteLine = 1
    private var scratch: [UInt8] = []

    /// Opens the file at `path`, reading `chunkSize` bytes at a time (at least 16).
    init(path: String, name: String, chunkSize: Int, delimiter: UInt8 = CSVScanner.comma) throws(CSVError) {
        try self.init(source: try ReadableFile(path: path, name: name), name: name, chunkSize: chunkSize, delimiter: delimiter)
    }

    /// Reads from `source`, asking for `chunkSize` bytes at a time (at least 16).
    init(source: any ByteSource, name: String, chunkSize: Int, delimiter: UInt8 = CSVScanner.comma) throws(CSVError) {
        self.fileName = name
        self.source = source
        self.delimiter = delimiter
        self.attention = max(delimiter, CSVScanner.cr)
        self.chunkSize = max(chunkSize, 16)
        self.capacity = self.chunkSize
        self.buffer = .allocate(capacity: capacity)
        // Read until the byte-order mark can be recognized (a short read is possible).
        while end < 3 && !atEOF {
            try fill()
        }
        skipByteOrderMark()
    }

    /// Reads CSV from memory.
    init(bytes: [UInt8], fileName: String, delimiter: UInt8 = CSVScanner.comma) {
        self.fileName = fileName
        self.source = nil
        self.delimiter = delimiter
        self.attention = max(delimiter, CSVScanner.cr)
        self.chunkSize = max(bytes.count, 16)
        self.capacity = chunkSize
        self.buffer = .allocate(capacity: capacity)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.initialize(from: base, count: source.count) }
        }
        self.end = bytes.count
        self.atEOF = true
        skipByteOrderMark()
    }

    /// Frees the buffer; called once, by the owning `CSVReader`'s `deinit`.
    func deallocate() { buffer.deallocate() }

    private mutating func skipByteOrderMark() {
        if end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            position = 3
        }
    }

    /// See `CSVReader.next(into:)`.
    mutating func next(into fields: inout [String]) throws(CSVError) -> Int? {
        while true {
            recordStart = position
            recordLine = line
            fieldBegin = position
            state = .fieldStart
            doubled = false
            spans.removeAll(keepingCapacity: true)
            while !(try scan()) {
                if atEOF {
                    if try !finishAtEndOfInput() { return nil }
                    break
                }
                try fill()
            }
            if isBlankRecord() { continue }
            try makeFields(into: &fields)
            return recordLine
        }
    }

    /// Whether the record just scanned is a blank line (one unquoted field of only spaces and tabs).
    private func isBlankRecord() -> Bool {
        guard spans.count == 1, !spans[0].quoted else { return false }
        var i = spans[0].start
        let e = spans[0].end
        while i < e {
            let b = buffer[i]
            if b != CSVScanner.space && b != CSVScanner.tab { return false }
            i += 1
        }
        return true
    }

    /// Ends the last record at the end of the input; false when there is no record left.
    private mutating func finishAtEndOfInput() throws(CSVError) -> Bool {
        switch state {
        case .fieldStart:
            if spans.isEmpty && position == recordStart { return false }
            spans.append(Span(start: fieldBegin, end: position, quoted: false, doubledQuotes: false))
        case .unquoted:
            spans.append(Span(start: fieldBegin, end: position, quoted: false, doubledQuotes: false))
        case .quoted:
            throw CSVError.unterminatedQuote(file: fileName, line: quoteLine)
        case .quoteInQuoted, .afterQuote:
            spans.append(Span(start: fieldBegin, end: quoteEnd, quoted: true, doubledQuotes: doubled))
        }
        return true
    }

    /// Scans from `position` until the current record ends (true, `position` after its line
    /// end) or the buffered bytes run out (false; the state is kept for the next call).
    private mutating func scan() throws(CSVError) -> Bool {
        let p = buffer
        let end = self.end
        var i = position
        var state = self.state
        let delimiter = self.delimiter
        let attention = self.attention
        defer {
            position = i
            self.state = state
        }
        while i < end {
            switch state {
            case .fieldStart:
                let b = p[i]
                switch b {
                case delimiter:
                    spans.append(Span(start: fieldBegin, end: i, quoted: false, doubledQuotes: false))
                    i += 1
                    fieldBegin = i
                case CSVScanner.space, CSVScanner.tab:
                    i += 1
                case CSVScanner.quote:
                    state = .quoted
                    quoteLine = line
                    doubled = false
                    i += 1
                    fieldBegin = i
                case CSVScanner.lf:
                    spans.append(Span(start: fieldBegin, end: i, quoted: false, doubledQuotes: false))
                    line += 1
                    i += 1
                    return true
                case CSVScanner.cr:
                    guard i + 1 < end || atEOF else { return false }
                    if i + 1 == end || p[i + 1] == CSVScanner.lf {
                        spans.append(Span(start: fieldBegin, end: i, quoted: false, doubledQuotes: false))
                        if i + 1 < end { line += 1 }
                        i += i + 1 < end ? 2 : 1
                        return true
                    }
                    state = .unquoted
                    i += 1
                case 0:
                    throw CSVError.nulByte(file: fileName, line: line)
                default:
                    state = .unquoted
                    i += 1
                }

            case .unquoted:
                while i < end {
                    let b = p[i]
                    // Every byte that needs attention (NUL, LF, CR, the delimiter) is <= `attention`.
                    if b > attention { i += 1; continue }
                    if b == delimiter {
                        spans.append(Span(start: fieldBegin, end: i, quoted: false, doubledQuotes: false))
                        i += 1
                        fieldBegin = i
                        state = .fieldStart
                        break
                    } else if b == CSVScanner.lf {
                        spans.append(Span(start: fieldBegin, end: i, quoted: false, doubledQuotes: false))
                        line += 1
                        i += 1
                        return true
                    } else if b == CSVScanner.cr {
                        guard i + 1 < end || atEOF else { return false }
                        if i + 1 == end || p[i + 1] == CSVScanner.lf {
                            spans.append(Span(start: fieldBegin, end: i, quoted: false, doubledQuotes: false))
                            if i + 1 < end { line += 1 }
                            i += i + 1 < end ? 2 : 1
                            return true
                        }
                        i += 1
                    } else if b == 0 {
                        throw CSVError.nulByte(file: fileName, line: line)
                    } else {
                        i += 1
                    }
                }

            case .quoted:
                while i < end {
                    let b = p[i]
                    // Every byte that needs attention (NUL, LF, quote) is <= 0x22.
                    if b > CSVScanner.quote { i += 1; continue }
                    if b == CSVScanner.quote {
                        quoteEnd = i
                        state = .quoteInQuoted
                        i += 1
                        break
                    } else if b == CSVScanner.lf {
                        line += 1
                    } else if b == 0 {
                        throw CSVError.nulByte(file: fileName, line: line)
                    }
                    i += 1
                }

            case .quoteInQuoted, .afterQuote:
                let b = p[i]
                switch b {
                case CSVScanner.quote where state == .quoteInQuoted:
                    doubled = true
                    state = .quoted
                    i += 1
                case delimiter:
                    spans.append(Span(start: fieldBegin, end: quoteEnd, quoted: true, doubledQuotes: doubled))
                    i += 1
                    fieldBegin = i
                    state = .fieldStart
                case CSVScanner.space, CSVScanner.tab:
                    state = .afterQuote
                    i += 1
                case CSVScanner.lf:
                    spans.append(Span(start: fieldBegin, end: quoteEnd, quoted: true, doubledQuotes: doubled))
                    line += 1
                    i += 1
                    return true
                case CSVScanner.cr:
                    guard i + 1 < end || atEOF else { return false }
                    if i + 1 == end || p[i + 1] == CSVScanner.lf {
                        spans.append(Span(start: fieldBegin, end: quoteEnd, quoted: true, doubledQuotes: doubled))
                        if i + 1 < end { line += 1 }
                        i += i + 1 < end ? 2 : 1
                        return true
                    }
                    throw CSVError.strayCharacter(file: fileName, line: line, byte: b)
                case 0:
                    throw CSVError.nulByte(file: fileName, line: line)
                default:
                    throw CSVError.strayCharacter(file: fileName, line: line, byte: b)
                }
            }
        }
        return false
    }

    /// Moves the unfinished record to the front of the buffer (growing the buffer when the
    /// record fills it) and reads more bytes; sets `atEOF` when the file has no more.
    private mutating func fill() throws(CSVError) {
        guard let source else { atEOF = true; return }
        if recordStart > 0 {
            let keep = end - recordStart
            if keep > 0 { buffer.update(from: buffer + recordStart, count: keep) }
            let shift = recordStart
            position -= shift
            fieldBegin -= shift
            quoteEnd -= shift
            for k in spans.indices {
                spans[k].start -= shift
                spans[k].end -= shift
            }
            recordStart = 0
            end = keep
        }
        if end == capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.initialize(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        let n = try source.read(into: buffer + end, count: capacity - end)
        if n == 0 { atEOF = true }
        end += n
    }

    /// Turns the scanned spans into strings: trimmed, `""` collapsed, UTF-8 validated.
    private mutating func makeFields(into fields: inout [String]) throws(CSVError) {
        fields.removeAll(keepingCapacity: true)
        let p = buffer
        for (index, span) in spans.enumerated() {
            var s = span.start
            var e = span.end
            while s < e && (p[s] == CSVScanner.space || p[s] == CSVScanner.tab) { s += 1 }
            while e > s && (p[e - 1] == CSVScanner.space || p[e - 1] == CSVScanner.tab) { e -= 1 }
            if s == e {
                fields.append("")
                continue
            }
            let value: String?
            if span.doubledQuotes {
                scratch.removeAll(keepingCapacity: true)
                var k = s
                while k < e {
                    let b = p[k]
                    scratch.append(b)
                    // Inside a quoted span every quote is the first of a doubled pair.
                    k += b == CSVScanner.quote ? 2 : 1
                }
                value = scratch.withUnsafeBufferPointer { CSVScanner.string($0) }
            } else {
                value = CSVScanner.string(UnsafeBufferPointer(start: p + s, count: e - s))
            }
            guard let value else {
                throw CSVError.invalidUTF8(file: fileName, line: recordLine, field: index + 1)
            }
            fields.append(value)
        }
    }
}

extension CSVScanner {
    /// The string of a field's bytes, nil when they are not valid UTF-8.
    ///
    /// All-ASCII bytes (the common case, checked 8 bytes at a time) cannot be invalid and go
    /// straight to `String(decoding:as:)`; others go to `String(validating:as:)`, which
    /// refuses overlong forms, surrogates and truncated sequences. (On Swift 6.3 Linux,
    /// `String(validating:)` on every field made the whole reader 3 times slower.)
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let raw = UnsafeRawBufferPointer(bytes)
        let n = raw.count
        var high: UInt64 = 0
        var i = 0
        while i + 8 <= n {
            high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < n {
            high |= UInt64(raw[i])
            i += 1
        }
        if high & 0x8080_8080_8080_8080 == 0 {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
