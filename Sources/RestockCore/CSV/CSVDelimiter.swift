/// The byte between fields of a CSV file: a comma (restock's own files and most exports), a
/// semicolon (spreadsheets in locales that write decimal commas) or a tab.
///
/// Only a shop-system mapping chooses another delimiter than the comma (README, "Input files
/// from your shop system").
public enum CSVDelimiter: String, Sendable, Hashable, CaseIterable {
    case comma = ","
    case semicolon = ";"
    case tab = "\t"

    /// The delimiter written in a mapping file: `,` `;` `tab` (or a tab character), `comma`,
    /// `semicolon`; nil for anything else.
    public init?(mappingValue text: String) {
        switch text.lowercased() {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "\t", "tab", "\\t": self = .tab
        default: return nil
        }
    }

    var byte: UInt8 { rawValue.utf8.first! }
}
