import Foundation
import Testing

/// The house rules a reader of the code relies on (Sources/ARCHITECTURE.md, "House rules"),
/// checked on the sources themselves so that a change that breaks one fails here.
@Suite struct HouseRulesTests {
    /// Functions allowed to run longer: the CSV scanner's state machine and the reorder-point
    /// simulation's inner loop, each one tight loop that reads best whole.
    static let longFunctionsAllowed: Set<String> = [
        "CSVScanner.swift: private mutating func scan() throws(CSVError) -> Bool {",
        "ReorderPointModel.swift: static func simulate(",
    ]
    static let maxFunctionLines = 60

    /// Every `.swift` file under Sources, with its path relative to the package.
    static func sources() throws -> [(path: String, lines: [Substring])] {
        let root = packageRoot().appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(atPath: root.path)
        var files: [(String, [Substring])] = []
        while let relative = walker?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: root.appendingPathComponent(relative).path, encoding: .utf8)
            files.append(("Sources/" + relative, text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The functions (and initialisers) of a file with more than `limit` lines from their
    /// declaration to their closing brace, as "file: first line (n lines)". Braces inside
    /// strings and comments are rare enough in this code base to count as code.
    static func longFunctions(_ lines: [Substring], file: String, limit: Int) -> [String] {
        let declaration = /^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|static|class|final|override|mutating|nonisolated|convenience|required)\s+)*(?:func\s|init[?!]?[(<])/
        var found: [String] = []
        for (start, line) in lines.enumerated() where line.contains(declaration) {
            var depth = 0, opened = false, end = start
            while end < lines.count {
                for c in lines[end] {
                    if c == "{" { depth += 1; opened = true } else if c == "}" { depth -= 1 }
                }
                if opened && depth <= 0 { break }
                if !opened && lines[end].contains(";") { break }   // a protocol requirement
                end += 1
            }
            let count = end - start + 1
            let name = file.split(separator: "/").last.map(String.init) ?? file
            let head = line.trimmingCharacters(in: .whitespaces)
            let allowed = Self.longFunctionsAllowed.contains { entry in
                let parts = entry.split(separator: ":", maxSplits: 1)
                return parts[0] == name && head.hasPrefix(parts[1].trimmingCharacters(in: .whitespaces))
            }
            if opened && count > limit && !allowed { found.append("\(file): \(head) (\(count) lines)") }
        }
        return found
    }

    @Test func noFunctionIsLongerThanSixtyLines() throws {
        let long = try Self.sources().flatMap { Self.longFunctions($0.lines, file: $0.path, limit: Self.maxFunctionLines) }
        #expect(long.isEmpty, "split these: \(long.joined(separator: "; "))")
    }

    @Test func theLengthCheckCountsFromDeclarationToClosingBrace() {
        let body = (1...59).map { _ in "        x += 1" }
        let sixtyOne = ["    func f() {"] + body[...].prefix(59).map { Substring($0) } + ["    }"]
        #expect(Self.longFunctions(sixtyOne.map { Substring($0) }, file: "A.swift", limit: 60) == ["A.swift: func f() { (61 lines)"])
        let sixty = Array(sixtyOne.dropFirst(2))
        #expect(Self.longFunctions((["    init(x: Int) {"] + sixty).map { Substring($0) }, file: "A.swift", limit: 60).isEmpty)
    }

    @Test func everySQLiteCallIsInTheSQLiteWrapper() throws {
        let outside = try Self.sources().filter { !$0.path.hasPrefix("Sources/SQLite/") && !$0.path.hasPrefix("Sources/CSQLite/") }
            .filter { $0.lines.contains { $0.contains("sqlite3_") } }.map(\.path)
        #expect(outside.isEmpty, "sqlite3_* calls outside Sources/SQLite: \(outside)")
    }

    @Test func noSourceCitesAFileTheRepositoryDoesNotHave() throws {
        let citing = try Self.sources().filter { $0.lines.contains { $0.contains("CONTRACT.md") || $0.contains("../shared") } }.map(\.path)
        #expect(citing.isEmpty, "cite the README or Sources/ARCHITECTURE.md instead: \(citing)")
    }
}
