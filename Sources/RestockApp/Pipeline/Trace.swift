import Foundation

/// `RESTOCK_TRACE=1` prints each step's time and the process's resident memory on stderr,
/// for profiling a run.
enum Trace {
    static let enabled = ProcessInfo.processInfo.environment["RESTOCK_TRACE"] == "1"
    nonisolated(unsafe) static var last = Date()
    /// When the process started (from /proc/self/stat), for the "at" column.
    static let started: Date = {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let uptime = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return Date() }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // Field 22 (starttime, clock ticks since boot) is the 20th after the command name.
        guard fields.count > 19, let ticks = Double(fields[19]), let up = Double(uptime.split(separator: " ")[0]) else { return Date() }
        return Date().addingTimeInterval(ticks / Double(sysconf(Int32(_SC_CLK_TCK))) - up)
    }()

    static func mark(_ step: String) {
        guard enabled else { return }
        let now = Date()
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let rss = status.split(separator: "\n").first { $0.hasPrefix("VmRSS") }.map(String.init) ?? ""
        FileHandle.standardError.write(Data(String(format: "trace %-28@ %7.2f s (at %6.2f s)  %@\n", step, now.timeIntervalSince(last),
                                                   now.timeIntervalSince(started), rss).utf8))
        last = now
    }
}
