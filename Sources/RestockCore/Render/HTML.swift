/// A fragment of HTML (or inline SVG) whose text is safe to insert into a page.
///
/// Built by string interpolation: the literal text of the source code is taken verbatim (it is
/// markup the program wrote), every interpolated `String` or number is escaped, and a nested
/// `HTML` value is inserted as it is. So "every value from the data is escaped"
/// (README, "The report") is a property of the type rather than a habit:
///
/// ```swift
/// let cell: HTML = "<td class=\"sku\">\(figures.sku)</td>"   // sku escaped
/// let row: HTML = "<tr>\(cell)</tr>"                         // cell inserted as is
/// ```
///
/// Escaping replaces all five of `& < > " '`, so a value is safe both in element text and in
/// a quoted attribute. Characters that XML 1.0 forbids (C0 controls other than tab, line feed
/// and carriage return; U+FFFE, U+FFFF) become U+FFFD, so the page also parses as XML.
/// Characters a reader cannot see but that change what is shown (`VisibleCodePoints`) are
/// written as a visible code, so two SKUs that differ only by one never look the same.
public struct HTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup, ready to write out.
    public private(set) var rendered: String

    /// Markup taken verbatim: only for text the program wrote itself, never for data.
    public init(trusted markup: String) { rendered = markup }

    /// The empty fragment.
    public init() { rendered = "" }

    public init(stringLiteral value: String) { rendered = value }

    public init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.rendered }

    /// Text taken as data: escaped.
    public init(text: String) { rendered = HTML.escape(text) }

    public var description: String { rendered }

    /// Whether the fragment is empty.
    public var isEmpty: Bool { rendered.isEmpty }

    /// The fragments one after another, with `separator` between them.
    public static func join(_ parts: some Sequence<HTML>, separator: HTML = HTML()) -> HTML {
        var out = ""
        var first = true
        for part in parts {
            if !first { out += separator.rendered }
            out += part.rendered
            first = false
        }
        return HTML(trusted: out)
    }

    /// Appends another fragment.
    public static func += (lhs: inout HTML, rhs: HTML) { lhs.rendered += rhs.rendered }

    /// `&` -> `&amp;`, `<` -> `&lt;`, `>` -> `&gt;`, `"` -> `&quot;`, `'` -> `&#39;`; characters
    /// not allowed in XML 1.0 -> U+FFFD; invisible and direction characters -> their visible
    /// code, `⟨U+202E⟩` (`VisibleCodePoints`); everything else unchanged.
    public static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else if VisibleCodePoints.isHidden(scalar) {
                    out += VisibleCodePoints.code(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Collects the pieces of an interpolated `HTML` literal.
    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var rendered = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            rendered.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        /// Literal source text: markup, verbatim.
        public mutating func appendLiteral(_ literal: String) { rendered += literal }

        /// A value: escaped.
        public mutating func appendInterpolation(_ text: String) { rendered += HTML.escape(text) }

        /// A value: escaped.
        public mutating func appendInterpolation(_ text: Substring) { rendered += HTML.escape(text) }

        /// An integer: written in decimal (nothing to escape, but it goes through the same path).
        public mutating func appendInterpolation(_ number: some BinaryInteger) {
            rendered += HTML.escape(String(number))
        }

        /// A floating-point number as Swift prints it; the report formats numbers first with
        /// `ReportFormat`, this overload only keeps raw numbers safe.
        public mutating func appendInterpolation(_ number: Double) {
            rendered += HTML.escape(String(number))
        }

        /// Nested markup: inserted as is.
        public mutating func appendInterpolation(_ html: HTML) { rendered += html.rendered }

        /// Nested markup fragments, one after another.
        public mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { rendered += part.rendered }
        }
    }
}
