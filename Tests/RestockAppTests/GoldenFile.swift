import Foundation
import Testing

/// Files of `Tests/RestockAppTests/Golden/` that an output must equal, byte for byte.
///
/// `RECORD_GOLDEN=1 swift test --filter Golden` rewrites the files that differ and prints
/// each one it rewrote; without the variable a difference fails the test with the first
/// differing line, and nothing is ever rewritten (README, "Tests").
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recordCommand = "RECORD_GOLDEN=1 swift test --filter Golden"
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// Checks `actual` against the golden file `name` (or records it when recording).
    static func check(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        let recorded = try? String(contentsOf: url, encoding: .utf8)
        if recording {
            guard recorded != actual else { return }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            print("golden: re-recorded Tests/RestockAppTests/Golden/\(name) (read git diff before committing)")
            return
        }
        guard let recorded else {
            Issue.record("no golden file Golden/\(name); record it with \(recordCommand)", sourceLocation: sourceLocation)
            return
        }
        if let difference = firstDifference(recorded, actual) {
            Issue.record("""
                \(name) differs from Golden/\(name) at line \(difference.line):
                  recorded: \(difference.recorded)
                  now:      \(difference.now)
                If the change is meant, re-record with \(recordCommand) and say why in the commit.
                """, sourceLocation: sourceLocation)
        }
    }

    /// The first line (1-based) where the two texts differ, with both versions of it; nil
    /// when they are equal.
    static func firstDifference(_ recorded: String, _ now: String) -> (line: Int, recorded: String, now: String)? {
        guard recorded != now else { return nil }
        let a = recorded.split(separator: "\n", omittingEmptySubsequences: false)
        let b = now.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : "(end of file)"
            let y = i < b.count ? String(b[i]) : "(end of file)"
            if x != y { return (i + 1, x, y) }
        }
        return (a.count, "(same lines, different bytes)", "")
    }
}
