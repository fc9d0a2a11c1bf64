import Foundation

/// Why a SKU is not stock (postage, a fee, a discount, a manual adjustment, a gift card, a
/// service) and is left out of the advice (README, "Non-stock lines").
public struct NonStock: Sendable, Hashable {
    /// Who said so.
    public enum Source: String, Sendable, Hashable {
        /// A line of the exclude list (`restock-exclude.txt`).
        case excludeList = "exclude_list"
        /// The products file's `stocked` column says no.
        case products
        /// The shop's export marks its order lines as not stock (`stocked` = no on an order
        /// line; Shopify's `Lineitem requires shipping` = false).
        case export
        /// restock's own list of codes and names that are never stock (`NonStockRule.builtIn`).
        case builtIn = "built_in"
    }

    public var source: Source
    /// Why, in words, starting with who said so: "restock-exclude.txt line 3: POST*",
    /// "products: stocked = no", "export: ...", "built in: postage". The `left_out` cell of
    /// skus.csv.
    public var why: String

    public init(source: Source, why: String) {
        self.source = source
        self.why = why
    }
}

/// Decides which SKUs are not stock (README, "Non-stock lines"). One rule, in this order:
///
/// 1. the exclude list (`restock-exclude.txt`): its last line matching the SKU decides, a
///    `!` line keeps the SKU whatever the rules below say;
/// 2. the products file's `stocked` column: no leaves the SKU out, any other value keeps it;
/// 3. the export: any of the SKU's stored order lines marked not stock leaves it out;
/// 4. built in: a SKU whose code, or products name, is one of `builtIn` is left out.
public enum NonStockRule {
    /// Codes (matched ignoring case, whole) and products names (whole, ignoring case) that
    /// are never stock, with what they are. Conservative: only what no shop sells off a
    /// shelf under that exact code or name.
    public static let builtIn: [(name: String, what: String)] = [
        ("POST", "postage"), ("POSTAGE", "postage"), ("DOT", "postage (DOTCOM POSTAGE)"), ("SHIPPING", "shipping"),
        ("CARRIAGE", "carriage"), ("C2", "carriage"), ("M", "manual adjustment"), ("MANUAL", "manual adjustment"),
        ("ADJUST", "manual adjustment"), ("ADJUSTMENT", "manual adjustment"), ("D", "discount"), ("DISCOUNT", "discount"),
        ("S", "samples"), ("SAMPLES", "samples"), ("B", "bad debt adjustment"), ("BANK CHARGES", "bank charges"),
        ("AMAZONFEE", "marketplace fee"), ("AMAZON FEE", "marketplace fee"), ("FEE", "fee"), ("CRUK", "commission"),
        ("GIFTCARD", "gift card"), ("GIFT CARD", "gift card"), ("GIFT VOUCHER", "gift voucher"),
    ]
    /// Code prefixes (ignoring case) that are gift cards or vouchers.
    public static let builtInPrefixes: [(prefix: String, what: String)] = [
        ("gift_", "gift voucher"), ("giftcard", "gift card"), ("gift-card", "gift card"), ("gift card", "gift card"),
        ("gift voucher", "gift voucher"),
    ]

    /// Whether and why `sku` is not stock.
    ///
    /// - Parameters:
    ///   - stocked: the products file's `stocked` (nil when not given).
    ///   - name: the products file's name.
    ///   - exportSaysNotStock: whether an order line of the SKU is marked not stock.
    ///   - exclude: the exclude list, nil without one.
    public static func nonStock(sku: String, stocked: Bool?, name: String?, exportSaysNotStock: Bool,
                                exclude: SKUList?) -> NonStock? {
        if let list = exclude, let entry = list.lastMatch(sku) {
            return entry.takesOut ? nil : NonStock(source: .excludeList, why: "\(list.file) line \(entry.line): \(entry.pattern)")
        }
        if let stocked { return stocked ? nil : NonStock(source: .products, why: "products: stocked = no") }
        if exportSaysNotStock { return NonStock(source: .export, why: "export: its order lines are marked not stock (needs no shipping)") }
        if let what = builtInMatch(code: sku) ?? name.flatMap({ builtInMatch(code: $0) }) {
            return NonStock(source: .builtIn, why: "built in: \(what)")
        }
        return nil
    }

    /// What a code or name is, when the built-in list knows it as not stock.
    public static func builtInMatch(code: String) -> String? {
        var contiguous = code
        return contiguous.withUTF8 { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? builtInMatchASCII(bytes) : builtInMatchUnicode(code: code)
        }
    }

    /// `builtIn` and `builtInPrefixes` as bytes, for `builtInMatchASCII`.
    private static let namesASCII = builtIn.map { (bytes: Array($0.name.utf8), what: $0.what) }
    private static let prefixesASCII = builtInPrefixes.map { (bytes: Array($0.prefix.utf8), what: $0.what) }

    /// `builtInMatchUnicode` for an ASCII code, on its bytes: trimming leaves only spaces and
    /// tabs to take off and case mapping only A-Z and a-z to map, so the answer is the same,
    /// without Foundation's Unicode trimming and case mapping for every SKU of a run.
    private static func builtInMatchASCII(_ code: UnsafeBufferPointer<UInt8>) -> String? {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        var start = 0, end = code.count
        while start < end && blank(code[start]) { start += 1 }
        while end > start && blank(code[end - 1]) { end -= 1 }
        let upper: (UInt8) -> UInt8 = { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        let lower: (UInt8) -> UInt8 = { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        for name in namesASCII where name.bytes.count == end - start {
            if name.bytes.indices.allSatisfy({ upper(code[start + $0]) == name.bytes[$0] }) { return name.what }
        }
        for prefix in prefixesASCII where prefix.bytes.count <= end - start {
            if prefix.bytes.indices.allSatisfy({ lower(code[start + $0]) == prefix.bytes[$0] }) { return prefix.what }
        }
        return nil
    }

    /// `builtInMatch` for any code: trimmed, then compared ignoring case.
    private static func builtInMatchUnicode(code: String) -> String? {
        let key = code.trimmingCharacters(in: .whitespaces).uppercased()
        if let hit = builtIn.first(where: { $0.name == key }) { return hit.what }
        let lower = key.lowercased()
        return builtInPrefixes.first(where: { lower.hasPrefix($0.prefix) })?.what
    }
}
