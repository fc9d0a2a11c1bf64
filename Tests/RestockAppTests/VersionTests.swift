import Foundation
import Testing
@testable import RestockApp

/// One version: `CLI.version` is what `restock --version` prints and what the README's
/// changelog names last (README, "Changelog").
@Suite struct VersionTests {
    @Test func theNewestChangelogEntryIsTheVersionRestockPrints() throws {
        let readme = try String(contentsOf: packageRoot().appendingPathComponent("README.md"), encoding: .utf8)
        let changelog = try #require(readme.range(of: "\n## Changelog\n"))
        // The first entry after the heading: "- 0.2.0 (2026-11-27): ...".
        let firstEntry = try #require(readme[changelog.upperBound...].split(separator: "\n").first { $0.hasPrefix("- ") })
        let newest = firstEntry.dropFirst(2).prefix { $0 != " " }
        #expect(String(newest) == CLI.version)
    }

    @Test func versionOptionPrintsTheVersion() throws {
        let r = try runRestock(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout == "restock \(CLI.version)\n")
    }
}
