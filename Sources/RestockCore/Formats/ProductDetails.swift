/// The `Product Details` cell of BigCommerce's default orders export: every line of the order
/// packed into one cell.
///
/// Lines are separated by `|` before `Product ID:`; each line is `Key: value` pairs joined by
/// `, `. Product names and variation details may themselves hold `, ` and `: `, so the cell
/// is split only where one of the known keys (`knownKeys`) follows `, ` (or starts the line),
/// never on every comma.
enum ProductDetails {
    /// The keys BigCommerce writes, each ending in `: `.
    static let knownKeys = ["Product ID", "Product Qty", "Product SKU", "Product Name", "Product Weight",
                            "Product Variation Details", "Product Options", "Product Unit Price", "Product Total Price"]

    /// The lines of `cell`, each a dictionary from key (without the colon) to value.
    static func lines(_ cell: String) -> [[String: String]] {
        let b = Array(cell.utf8)
        var lines: [[String: String]] = []
        var start = 0
        for i in b.indices where b[i] == UInt8(ascii: "|") && startsKey(b, at: skipBlanks(b, i + 1), key: "Product ID") {
            lines.append(pairs(Array(b[start..<i])))
            start = i + 1
        }
        lines.append(pairs(Array(b[start...])))
        return lines.filter { !$0.isEmpty }
    }

    /// The key-value pairs of one line.
    private static func pairs(_ b: [UInt8]) -> [String: String] {
        var found: [(key: String, start: Int, valueStart: Int)] = []
        var i = skipBlanks(b, 0)
        let first = i
        while i < b.count {
            let atBoundary = i == first || (i >= 2 && b[i - 2] == UInt8(ascii: ",") && b[i - 1] == UInt8(ascii: " "))
            if atBoundary, let key = knownKeys.first(where: { startsKey(b, at: i, key: $0) }) {
                found.append((key, i, i + key.utf8.count + 1))
                i += key.utf8.count + 1
            } else {
                i += 1
            }
        }
        var result: [String: String] = [:]
        for (n, f) in found.enumerated() {
            var end = n + 1 < found.count ? found[n + 1].start - 2 : b.count
            var s = f.valueStart
            while s < end, b[s] == UInt8(ascii: " ") { s += 1 }
            while end > s, b[end - 1] == UInt8(ascii: " ") { end -= 1 }
            result[f.key] = String(decoding: b[s..<max(s, end)], as: UTF8.self)
        }
        return result
    }

    /// Whether `key` followed by `:` starts at `i`.
    private static func startsKey(_ b: [UInt8], at i: Int, key: String) -> Bool {
        let k = Array(key.utf8)
        guard i + k.count < b.count else { return false }
        return Array(b[i..<(i + k.count)]) == k && b[i + k.count] == UInt8(ascii: ":")
    }

    private static func skipBlanks(_ b: [UInt8], _ i: Int) -> Int {
        var i = i
        while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
        return i
    }
}
