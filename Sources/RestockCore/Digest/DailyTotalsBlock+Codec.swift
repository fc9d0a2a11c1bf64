/// The bytes of one `DailyTotalsBlock` row (`sku_days.data`), format (version) 1. Field types
/// as in `BinaryEncoding.swift`, all little-endian; n = the number of days with lines, 0...64.
///
/// | Offset       | Size | Field                                                    |
/// |--------------|------|----------------------------------------------------------|
/// | 0            | 1    | u8 format: 1                                             |
/// | 1 + 25k      | 1    | u8 day - first day of the block (0...63), k-th day       |
/// | 1 + 25k + 1  | 4    | i32 non-cancelled lines                                  |
/// | 1 + 25k + 5  | 4    | i32 of those, lines with a unit_price                    |
/// | 1 + 25k + 9  | 8    | f64 units ordered                                        |
/// | 1 + 25k + 17 | 8    | f64 sum of unit_price                                    |
///
/// Entries k = 0 ..< n follow in day order, none empty; the record is 1 + 25n bytes. The
/// block number is the row's key, not in the bytes. A new layout takes a new format byte (and
/// a decoder that still reads format 1, or a migration of the stored blocks).
extension DailyTotalsBlock {
    static let format: UInt8 = 1

    /// Encodes one block's totals (all within the block, sorted by day, none empty).
    public static func encode(_ totals: [DailyTotal], block: Int) -> [UInt8] {
        var w = ByteWriter(capacity: 1 + totals.count * 25)
        w.u8(format)
        let first = firstDay(of: block)
        for t in totals {
            precondition(t.day >= first && t.day < first + days, "day \(t.day) outside block \(block)")
            w.u8(UInt8(t.day - first))
            w.i32(t.lines)
            w.i32(t.pricedLines)
            w.f64(t.units)
            w.f64(t.priceSum)
        }
        return w.bytes
    }

    /// Decodes one block's totals, calling `body` with each in day order.
    public static func decode(_ bytes: UnsafeRawBufferPointer, block: Int, _ body: (DailyTotal) -> Void) throws(DigestError) {
        var r = ByteReader(bytes)
        guard try r.u8() == format else { throw DigestError("daily totals of block \(block) in an unknown format") }
        let first = firstDay(of: block)
        while !r.isAtEnd {
            let offset = Int(try r.u8())
            guard offset < days else { throw DigestError("day offset \(offset) in block \(block)") }
            body(DailyTotal(day: first + offset, lines: try r.i32(), pricedLines: try r.i32(), units: try r.f64(), priceSum: try r.f64()))
        }
    }

    /// Decodes one block's totals into an array (the same decoder, collected).
    public static func decode(_ bytes: UnsafeRawBufferPointer, block: Int) throws(DigestError) -> [DailyTotal] {
        var out: [DailyTotal] = []
        try decode(bytes, block: block) { out.append($0) }
        return out
    }
}
