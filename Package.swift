// swift-tools-version:6.0
// restock builds on Linux only (README, "The two commands"): it uses glibc and /proc.
import PackageDescription

let package = Package(
    name: "restock",
    products: [
        .executable(name: "restock", targets: ["restock"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLinuxFS", path: "Sources/CLinuxFS"),
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        .target(name: "RestockCore"),
        .target(name: "RestockApp", dependencies: ["RestockCore", "SQLite", "CLinuxFS"]),
        .executableTarget(name: "restock", dependencies: ["RestockApp"]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "RestockCoreTests", dependencies: ["RestockCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RestockAppTests", dependencies: ["RestockApp", "RestockCore", "SQLite"], exclude: ["Golden", "Stores"]),
    ],
    swiftLanguageModes: [.v6]
)
