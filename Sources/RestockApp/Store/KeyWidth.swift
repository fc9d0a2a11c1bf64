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
}
