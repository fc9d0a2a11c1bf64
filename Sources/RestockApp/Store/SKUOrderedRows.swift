import RestockCore
import SQLite

/// A query whose rows come in byte order of the SKU, its first column, one row ahead: the
/// streams `FactsReader` merges SKU by SKU (products, backorders-and-receipts records, each
/// block of daily totals, the order lines that may have gone on backorder, the credits and
/// the not-stock marks), so that only the SKUs being handed out are in memory.
final class SKUOrderedRows {
    let row: Statement
    /// The SKU of the row ahead, nil after the last row.
    private(set) var sku: String?

    /// Runs `row` (already bound) and steps to its first row.
    init(_ row: Statement) throws {
        self.row = row
        try advance()
    }

    /// Steps to the next row.
    func advance() throws {
        sku = try row.step() ? (row.text(0) ?? "") : nil
    }

    /// Steps past the rows of every SKU before `sku` in byte order: for a stream that only
    /// adds to SKUs the other streams meet.
    func skip(before sku: String) throws {
        while let ahead = self.sku, ByteOrder.precedes(ahead, sku) { try advance() }
    }

    /// Whether the row ahead is `sku`'s.
    func isAt(_ sku: String) -> Bool { self.sku.map { ByteOrder.same($0, sku) } ?? false }

    /// The smallest SKU ahead of any of `streams` in byte order (SQLite's BINARY collation),
    /// nil when every stream is done.
    static func smallest(_ streams: [SKUOrderedRows]) -> String? {
        var smallest: String?
        for s in streams {
            guard let sku = s.sku else { continue }
            if let current = smallest, !ByteOrder.precedes(sku, current) { continue }
            smallest = sku
        }
        return smallest
    }
}
