import Testing
@testable import RestockApp

/// Each command's `--help` lists the options it takes, and only those (README, "Commands").
@Suite struct CommandHelpTests {
    @Test func runHelpNamesTheOptionsForReadingShopExports() {
        for option in ["--format NAME", "--date-order ORDER", "--map FILE", "--replay", "--service-level P"] {
            #expect(RunCommand.help.contains(option), "run --help lacks \(option)")
        }
    }

    @Test func replayHelpListsItsSettingsButNoEmailOptions() {
        let help = ReplayCommand.help
        for option in ["--from DATE", "--to DATE", "--every DAYS", "--service-level P", "--time-zone TZ", "--handling-days N"] {
            #expect(help.contains(option), "replay --help lacks \(option)")
        }
        // --to is the replay's last day there: the e-mail's --to, --from and --subject would mislead.
        for option in ["--email", "ADDRESS", "--subject", "--json", "--top N"] {
            #expect(!help.contains(option), "replay --help lists \(option), which replay does not use")
        }
        let outLines = help.split(separator: "\n").filter { $0.drop { $0 == " " }.hasPrefix("--out ") }
        #expect(outLines.count == 1, "--out DIR listed once among the options: \(outLines)")
    }

    @Test func exportOptionsLineUpWithTheOptionsListedWithThem() {
        let help = CommonOptions.exportHelp(column: 26).split(separator: "\n")
        #expect(help.count == 4)
        #expect(help[0] == "  --format NAME           read every input file as this export format (shopify-orders, bigcommerce-products, ...)")
        #expect(help[3] == String(repeating: " ", count: 26) + "README, \"Mapping files\")")
        #expect(IngestCommand.help.contains("  --date-order ORDER  dmy or mdy"))
    }

    @Test func helpForSomeOptionsKeepsEachOptionsContinuationLines() {
        let lines = RunOptions.help(only: ["handling-days", "quiet"]).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains("--handling-days N"))
        #expect(lines[1].contains("before it counts as backordered (default 3, 0 to 60)"))
        #expect(lines[2].contains("--quiet"))
    }

    @Test(arguments: [["sku", "SKU-000014", "--top", "5"], ["sku", "SKU-000014", "--json"], ["sku", "SKU-000014", "--from", "2026-01-01"],
                      ["replay", "--data", "x"], ["replay", "--email"], ["replay", "--top=5"]])
    func optionsWithoutEffectOnACommandAreRefused(_ words: [String]) {
        #expect(CLI.main(["restock"] + words + ["--db", "/nonexistent/s.sqlite"]) == 2)
    }
}
