import Testing
@testable import RestockApp

/// The command line's words as a command consumes them (README, "Commands"; a wrong
/// command line exits 2, README, "Exit status").
@Suite struct ArgumentListTests {
    /// The message of the `UsageError` that `body` throws, nil when it throws none.
    func usageMessage(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as UsageError {
            return error.message
        } catch {
            return "not a UsageError: \(error)"
        }
    }

    @Test func readsAnOptionWrittenAsTwoWordsOrWithAnEqualsSign() throws {
        var a = ArgumentList(["--db", "a.sqlite", "--out=/tmp/r"])
        let db = try a.option("db"), out = try a.option("out"), asOf = try a.option("as-of")
        #expect(db == "a.sqlite")
        #expect(out == "/tmp/r")
        #expect(asOf == nil)
        try a.finish()
    }

    @Test func theLastOfARepeatedOptionWins() throws {
        var a = ArgumentList(["--top", "5", "--top=7", "--top", "9"])
        let top = try a.option("top")
        #expect(top == "9")
        try a.finish()
        var b = ArgumentList(["--top", "5", "--top=7"])
        let other = try b.option("top")
        #expect(other == "7")
    }

    @Test func anOptionWithoutItsValueIsRefusedByName() {
        var atTheEnd = ArgumentList(["--quiet", "--db"])
        #expect(usageMessage { _ = try atTheEnd.option("db") } == "option --db needs a value")
        // The next word is another option, not the value.
        var beforeAnOption = ArgumentList(["--db", "--quiet"])
        #expect(usageMessage { _ = try beforeAnOption.option("db") } == "option --db needs a value")
    }

    @Test func anEmptyValueAfterAnEqualsSignIsAnEmptyString() throws {
        var a = ArgumentList(["--subject="])
        let subject = try a.option("subject")
        #expect(subject == "")
    }

    @Test func flagsAreTrueWhenPresentAndConsumed() throws {
        var a = ArgumentList(["--quiet", "--json"])
        let quiet = a.flag("quiet"), reload = a.flag("reload"), json = a.flag("json"), jsonAgain = a.flag("json")
        #expect(quiet && json)
        #expect(!reload && !jsonAgain)
        try a.finish()
    }

    @Test func helpIsAskedWithEitherSpelling() {
        var long = ArgumentList(["--help"])
        var short = ArgumentList(["-h"])
        var neither = ArgumentList(["--db", "x"])
        let asked = [long.help(), short.help(), neither.help()]
        #expect(asked == [true, true, false])
    }

    @Test func finishRefusesAnUnknownOptionAndAStrayWordByName() {
        var unknown = ArgumentList(["--quiet", "--colour"])
        _ = unknown.flag("quiet")
        #expect(usageMessage { try unknown.finish() } == "unknown option --colour")
        let stray = ArgumentList(["extra"])
        #expect(usageMessage { try stray.finish() } == "unexpected argument 'extra'")
    }

    @Test func positionalsAreTheWordsThatAreNotOptions() throws {
        var a = ArgumentList(["SKU-1", "--db", "s.sqlite", "SKU-2"])
        let db = try a.option("db")
        let words = a.positionals()
        #expect(db == "s.sqlite")
        #expect(words == ["SKU-1", "SKU-2"])
        try a.finish()
    }

    @Test func integersAreCheckedAgainstTheirRange() throws {
        var ok = ArgumentList(["--window-days", "14"])
        let days = try ok.integer("window-days", in: 14...3660)
        #expect(days == 14)
        var low = ArgumentList(["--window-days", "13"])
        #expect(usageMessage { _ = try low.integer("window-days", in: 14...3660) }
            == "--window-days must be a whole number from 14 to 3660, got '13'")
        var fraction = ArgumentList(["--top", "2.5"])
        #expect(usageMessage { _ = try fraction.integer("top", in: 1...1000) }
            == "--top must be a whole number from 1 to 1000, got '2.5'")
    }

    @Test func numbersMustBeFiniteAndInRange() throws {
        var ok = ArgumentList(["--service-level=0.999"])
        let level = try ok.number("service-level", in: 0.5...0.999)
        #expect(level == 0.999)
        for text in ["2", "nan", "inf", "0.95x"] {
            var a = ArgumentList(["--service-level", text])
            #expect(usageMessage { _ = try a.number("service-level", in: 0.5...0.999) }
                == "--service-level must be a number from 0.5 to 0.999, got '\(text)'")
        }
    }
}
