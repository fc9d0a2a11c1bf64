import Foundation

/// The visible text of `report.html`, one line per text node, with what changes from run to
/// run normalised: the version and start time in the footer, and the stage timings.
enum ReportText {
    static func visible(_ html: String) -> String {
        var lines: [String] = []
        var text = ""
        var rest = Substring(html)
        func flush() {
            let line = unescape(text).trimmingCharacters(in: .whitespacesAndNewlines)
            if !line.isEmpty { lines.append(contentsOf: line.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }) }
            text = ""
        }
        while let open = rest.firstIndex(of: "<") {
            text += rest[..<open]
            flush()
            rest = rest[open...]
            if rest.hasPrefix("<style"), let end = rest.range(of: "</style>") {
                rest = rest[end.upperBound...]
            } else if let close = rest.firstIndex(of: ">") {
                rest = rest[rest.index(after: close)...]
            } else {
                rest = ""
            }
        }
        text += rest
        flush()
        return lines.map(normalised).joined(separator: "\n") + "\n"
    }

    /// The five escapes `HTML` writes, undone (`&amp;` last, so `&amp;lt;` stays `&lt;`).
    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func normalised(_ line: String) -> String {
        if line.hasPrefix("Written by restock") {
            // "Written by restock 0.2.0, run 1, started 2026-12-03T03:55:40.647Z."
            return line.replacing(try! Regex(#"restock [0-9][^,]*,"#), with: "restock VERSION,")
                .replacing(try! Regex(#"started [0-9T:.\-]+Z"#), with: "started TIME")
        }
        if line.hasPrefix("Stages:") {
            // "Stages: ingest 0.25 s (6,474 rows); ..."
            return line.replacing(try! Regex(#"[0-9]+(\.[0-9]+)? s\b"#), with: "N s")
        }
        return line
    }
}
