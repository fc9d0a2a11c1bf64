import Foundation
import RestockCore
#if canImport(Glibc)
import Glibc
#endif

/// Progress on stderr (README, "Progress and logs"): a redrawn bar with counts and rate on a
/// terminal; on anything else (cron, a log file) nothing until the stage ends, then one plain
/// line.
///
/// `@unchecked Sendable`: worker threads report through `update`, which holds `lock`.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    /// Whether stderr is a terminal.
    let interactive: Bool
    /// `--quiet`: only errors.
    let quiet: Bool
    private var stage = ""
    private var started = Date()
    private var lastDraw = Date.distantPast

    init(quiet: Bool) {
        self.quiet = quiet
        self.interactive = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// A stage begins.
    func begin(_ name: String) {
        stage = name
        started = Date()
        lastDraw = .distantPast
    }

    /// Work within the stage: `done` of `total` units (nil total when unknown).
    func update(done: Int64, total: Int64?, note: String = "", unit: String = "bytes") {
        guard interactive, !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let seconds = max(now.timeIntervalSince(started), 0.001)
        var line = "\(stage.padding(toLength: 9, withPad: " ", startingAt: 0)) "
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let width = 24
            let filled = Int(fraction * Double(width))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            line += String(format: "%3.0f%% ", fraction * 100)
        }
        line += "\(Self.count(done)) \(unit), \(Self.count(Int64(Double(done) / seconds)))/s \(note)"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    /// The stage ended: one line with its duration and counts.
    func end(_ summary: String, seconds: Double) {
        guard !quiet else { return }
        let clear = interactive ? "\r\u{1B}[K" : ""
        let line = "\(clear)\(stage.padding(toLength: 9, withPad: " ", startingAt: 0)) \(String(format: "%7.2f", seconds)) s  \(summary)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// A line for the user (not per stage).
    func note(_ text: String) {
        guard !quiet else { return }
        warn(text)
    }

    /// A line the user must see even with `--quiet`, which silences progress, not trouble
    /// (a file of the data folder not read, data that stopped arriving): cron mails stderr.
    func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// `12,345,678` (`ReportFormat.count`, as the report writes counts).
    static func count(_ n: Int64) -> String { ReportFormat.count(Int(n)) }
}
