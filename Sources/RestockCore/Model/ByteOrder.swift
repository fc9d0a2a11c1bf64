import Foundation

/// Text in the store's order: by the bytes of its UTF-8, as SQLite's BINARY collation and
/// `memcmp` compare them, a text before a longer one it begins (README, "The figures": SKUs
/// "in byte order"). Swift's own `<` and `==` compare by Unicode canonical equivalence, which
/// can differ for text that is not ASCII; these never do. They compare the bytes in place
/// (`memcmp`), where `utf8.lexicographicallyPrecedes` steps through them one by one: sorting a
/// first load's 1.8 million backordered orders by order_id took seconds that way.
public enum ByteOrder {
    /// Negative when `a` sorts before `b`, 0 when their bytes are the same, positive after.
    public static func compare(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, common))
                return order != 0 ? order : x.count - y.count
            }
        }
    }

    /// Whether `a` sorts before `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    /// Whether `a` and `b` have the same bytes.
    public static func same(_ a: String, _ b: String) -> Bool { compare(a, b) == 0 }
}
