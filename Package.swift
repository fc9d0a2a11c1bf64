// swift-tools-version:6.0
// restock builds on Linux only (README, "The two commands"): it uses glibc and /proc.
import PackageDescription

// Release builds of restock's own modules (README, "Performance", "Build settings"): without the
// run-time exclusivity checks (debug builds, which `swift test` runs, keep them: a violation
// still traps there) and with cross-module optimisation, so that RestockApp inlines and
// specialises RestockCore's and SQLite's small functions. Measured on the 100,000-SKU
// benchmark: a first load (restock ingest) 48.5-48.8 s against 60.3 s, a night 8.5 s against
// 9.6 s; every output identical.
let releaseSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked", "-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "restock",
    products: [
        .executable(name: "restock", targets: ["restock"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLinuxFS", path: "Sources/CLinuxFS"),
        .target(name: "SQLite", dependencies: ["CSQLite"], swiftSettings: releaseSettings),
        .target(name: "RestockCore", swiftSettings: releaseSettings),
        .target(name: "RestockApp", dependencies: ["RestockCore", "SQLite", "CLinuxFS"], swiftSettings: releaseSettings),
        .executableTarget(name: "restock", dependencies: ["RestockApp"]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "RestockCoreTests", dependencies: ["RestockCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RestockAppTests", dependencies: ["RestockApp", "RestockCore", "SQLite"], exclude: ["Golden", "Stores"]),
    ],
    swiftLanguageModes: [.v6]
)
