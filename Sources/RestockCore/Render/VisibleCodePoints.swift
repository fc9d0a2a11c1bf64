/// The characters a report shows as a visible code instead of as themselves (README,
/// "Reliability": invisible and direction characters).
///
/// They are invisible, or they reorder or break the text around them, so a SKU holding one
/// would look like another SKU, or like nothing, on screen: zero-width space and word joiner
/// (U+200B, U+2060), the line and paragraph separators (U+2028, U+2029), the bidirectional
/// embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), the byte-order mark /
/// zero-width no-break space (U+FEFF), the invisible operators (U+2061-U+2064) and the soft
/// hyphen (U+00AD). The joiners and marks that shape real writing (U+200C, U+200D, U+200E,
/// U+200F) are kept: names in Persian, Hindi or with emoji need them.
///
/// The CSV files and `summary.json` keep every value exactly as loaded; only what people read
/// on a page shows the code.
public enum VisibleCodePoints {
    /// Whether `scalar` is shown as its code.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x200B, 0x2028, 0x2029, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// The visible code of a scalar: `⟨U+202E⟩` (upper-case hex, at least four digits).
    public static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\u{27E8}U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "\u{27E9}"
    }
}
