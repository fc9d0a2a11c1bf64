import Foundation

/// Writes a report folder whole or not at all (README, "What you get every morning"): files go
/// to a hidden folder beside the target, which then replaces the target by rename, so a failed
/// night leaves yesterday's folder untouched.
struct ReportFolder {
    /// The final folder, `<out>/<as-of>`.
    let target: URL
    /// Where files are written first: `<out>/.<as-of>.partial-<pid>`.
    let staging: URL

    init(out: String, name: String) {
        let outURL = URL(fileURLWithPath: out, isDirectory: true)
        target = outURL.appendingPathComponent(name, isDirectory: true)
        staging = outURL.appendingPathComponent(".\(name).partial-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
    }

    /// Creates the staging folder (and `out`), clearing leftovers of killed runs.
    func prepare() throws(RunError) {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if let leftovers = try? fm.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) {
                for name in leftovers where name.hasPrefix(".\(target.lastPathComponent).partial-") || name.hasPrefix(".\(target.lastPathComponent).old-") {
                    try? fm.removeItem(at: target.deletingLastPathComponent().appendingPathComponent(name))
                }
            }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            let why = Self.fileInTheWay(of: target.deletingLastPathComponent()).map { "'\($0)' is a file, not a folder" } ?? Self.reason(error)
            throw RunError("cannot create the report folder in '\(target.deletingLastPathComponent().path)': \(why); check that it is writable, or pass --out")
        }
    }

    /// Writes one file into the staging folder.
    func write(_ name: String, _ bytes: [UInt8]) throws(RunError) {
        try write(name) { piece in try piece(bytes) }
    }

    /// Writes one file into the staging folder piece by piece: `produce` hands each piece to
    /// the function it is given, in order, so that a large file is never in memory whole.
    func write(_ name: String, pieces produce: (([UInt8]) throws -> Void) throws -> Void) throws(RunError) {
        let url = staging.appendingPathComponent(name)
        do {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try produce { bytes in try handle.write(contentsOf: bytes) }
        } catch {
            throw RunError("cannot write \(name) in '\(staging.deletingLastPathComponent().path)': \(Self.reason(error)); free space or fix permissions (the previous report is untouched)")
        }
    }

    /// Moves the staging folder into place, replacing the previous report folder.
    func commit() throws(RunError) {
        let fm = FileManager.default
        let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            if fm.fileExists(atPath: target.path) {
                try fm.moveItem(at: target, to: old)
            }
            try fm.moveItem(at: staging, to: target)
            try? fm.removeItem(at: old)
        } catch {
            if !fm.fileExists(atPath: target.path) && fm.fileExists(atPath: old.path) { try? fm.moveItem(at: old, to: target) }
            throw RunError("cannot move the new report into '\(target.path)': \(Self.reason(error))")
        }
    }

    /// Removes the staging folder after a failure.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// The first existing part of `folder`'s path that is a file, not a folder (which
    /// Foundation reports only as a Cocoa error number); nil when there is none.
    static func fileInTheWay(of folder: URL) -> String? {
        var path = folder.standardizedFileURL
        while path.path != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) {
                return isDirectory.boolValue ? nil : path.path
            }
            path = path.deletingLastPathComponent()
        }
        return nil
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}
