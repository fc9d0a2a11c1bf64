import RestockCore

/// How the store orders the ids that key its order lines, backorders and receipts (README,
/// "The store"): by their width in UTF-8 bytes first, then byte by byte.
///
/// Shops number orders, backorders and purchase orders upwards, mostly without leading zeros
/// (#9998, #9999, #10000). In byte order alone #10000 sorts before #9999, so from the day
/// the numbers gain a digit every new id would belong inside the table rather than at its
/// end, and a load could no longer append in key order (`KeyOrderAppend`): at 300,000
/// SKUs a first load took 257 s instead of 202 s once the generator's order ids passed
/// O-9999999. With the width first, the next number is always the greatest key, and ids of
/// one width (zero-padded ones, names) keep their byte order.
///
/// Each keyed table holds the width as a column of its own (`order_id_width`, `key_width`,
/// `po_id_width`), first in its primary key; a query by id binds the width too.
enum KeyWidth {
    /// The width column's value for an id: its number of UTF-8 bytes.
    static func of(_ id: String) -> Int64 { Int64(id.utf8.count) }

    /// Whether id `a` sorts before id `b` in the store's key order.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let (x, y) = (a.utf8.count, b.utf8.count)
        return x != y ? x < y : ByteOrder.precedes(a, b)
    }

    /// The width of a stored text column in SQL (its bytes), as `of` counts it.
    static func sql(_ column: String) -> String { "length(CAST(\(column) AS BLOB))" }

    /// The width column of a backorder's stored key (`BackorderRow.storedKey`): the key's
    /// width; for a key made from the order, SKU and day of a backorder without a
    /// backorder_id (U+001F, order id, U+001F, SKU, U+001F, day), the width of its order id
    /// part less `madeKeyOffset`. Such keys so sort before every backorder_id, as their mark
    /// made them sort before 0.8.6, and among themselves in their orders' issue order,
    /// whatever the SKUs' lengths (the whole key's width would vary with the SKU and break a
    /// file's order). Read from the key alone, as a key part must be (a backorder_id that
    /// itself begins with U+001F is measured the same way, here and in `backorderSQL`).
    static func ofBackorderKey(_ key: String) -> Int64 {
        let bytes = key.utf8
        guard bytes.first == 0x1F else { return Int64(bytes.count) }
        let rest = bytes.dropFirst()
        let part = rest.firstIndex(of: 0x1F).map { rest.distance(from: rest.startIndex, to: $0) } ?? rest.count
        return Int64(part) - madeKeyOffset
    }

    /// Below every real id's width (ids are never 4 GiB long).
    static let madeKeyOffset: Int64 = 1 << 32

    /// `ofBackorderKey` in SQL over the backorders table's `key` column, in bytes (`instr`
    /// on blobs counts bytes). Part of migration 9, so it never changes.
    static let backorderSQL = """
        CASE WHEN substr(CAST(key AS BLOB), 1, 1) = x'1F'
        THEN (CASE WHEN instr(substr(CAST(key AS BLOB), 2), x'1F') > 0
                   THEN instr(substr(CAST(key AS BLOB), 2), x'1F') - 1
                   ELSE length(CAST(key AS BLOB)) - 1 END) - \(madeKeyOffset)
        ELSE length(CAST(key AS BLOB)) END
        """
}
