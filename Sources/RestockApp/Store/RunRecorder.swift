import Foundation
import SQLite

/// Records a command's run and its stages in the store (README, "The store"): when, with which
/// settings, each stage's start, end, row count and outcome.
final class RunRecorder {
    let db: Connection
    let runId: Int64
    private var stageStarted: [String: Date] = [:]
    private(set) var stageRecords: [StageRecord] = []

    /// One finished stage.
    struct StageRecord: Sendable, Codable, Hashable {
        var name: String
        var seconds: Double
        var rows: Int
    }

    /// Now as an ISO 8601 UTC timestamp with milliseconds.
    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }

    /// Marks runs left `running` by a process that died (we hold the lock, so none is alive),
    /// then records a new run.
    init(db: Connection, command: String, asOf: String?, settingsJSON: String) throws {
        self.db = db
        try db.execute("UPDATE runs SET outcome='interrupted', message='the process ended before the run finished (killed or crashed); the next run redid its work' WHERE outcome='running'")
        let s = try db.prepare("INSERT INTO runs(command, pid, started_at, as_of, settings) VALUES(?, ?, ?, ?, ?)")
        try s.bind([.text(command), .integer(Int64(ProcessInfo.processInfo.processIdentifier)), .text(Self.now()),
                    .optional(asOf), .text(settingsJSON)])
        try s.run()
        runId = db.lastInsertRowID
    }

    /// A stage begins.
    func begin(_ stage: String) throws {
        stageStarted[stage] = Date()
        let s = try db.prepare("INSERT OR REPLACE INTO stages(run_id, name, started_at, outcome) VALUES(?, ?, ?, 'running')")
        try s.bind([.integer(runId), .text(stage), .text(Self.now())])
        try s.run()
    }

    /// A stage ended; returns its duration in seconds (the wall time since `begin` unless
    /// `seconds` gives the time of a stage whose work was interleaved with another's).
    @discardableResult
    func end(_ stage: String, rows: Int, outcome: String = "success", seconds given: Double? = nil) throws -> Double {
        let seconds = given ?? Date().timeIntervalSince(stageStarted[stage] ?? Date())
        let s = try db.prepare("UPDATE stages SET finished_at=?, seconds=?, rows=?, outcome=? WHERE run_id=? AND name=?")
        try s.bind([.text(Self.now()), .real(seconds), .integer(Int64(rows)), .text(outcome), .integer(runId), .text(stage)])
        try s.run()
        if outcome == "success" { stageRecords.append(StageRecord(name: stage, seconds: seconds, rows: rows)) }
        return seconds
    }

    /// The run ended.
    func finish(outcome: String, message: String? = nil) {
        // Best effort: a failure to record the end must not hide the run's own error.
        if let s = try? db.prepare("UPDATE runs SET finished_at=?, outcome=?, message=? WHERE id=?") {
            try? s.bind([.text(Self.now()), .text(outcome), .optional(message), .integer(runId)])
            try? s.run()
        }
        if outcome != "success",
           let s = try? db.prepare("UPDATE stages SET finished_at=?, outcome='failed' WHERE run_id=? AND outcome='running'") {
            try? s.bind([.text(Self.now()), .integer(runId)])
            try? s.run()
        }
    }
}
