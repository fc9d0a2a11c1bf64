/// The command line's words, consumed option by option by a command; `finish()` refuses
/// whatever is left (README, "Exit status": wrong arguments exit 2).
struct ArgumentList {
    private var words: [String]

    init(_ words: [String]) { self.words = words }

    /// Whether `--help` or `-h` was given.
    mutating func help() -> Bool { flag("help") || remove("-h") }

    /// Removes `--name` and reports whether it was there.
    mutating func flag(_ name: String) -> Bool { remove("--" + name) }

    private mutating func remove(_ word: String) -> Bool {
        guard let i = words.firstIndex(of: word) else { return false }
        words.remove(at: i)
        return true
    }

    /// The value of `--name VALUE` or `--name=VALUE`; the last one wins when repeated.
    mutating func option(_ name: String) throws(UsageError) -> String? {
        var value: String?
        var i = 0
        while i < words.count {
            let word = words[i]
            if word == "--" + name {
                guard i + 1 < words.count, !words[i + 1].hasPrefix("--") else {
                    throw UsageError("option --\(name) needs a value")
                }
                value = words[i + 1]
                words.removeSubrange(i...(i + 1))
            } else if word.hasPrefix("--\(name)=") {
                value = String(word.dropFirst(name.count + 3))
                words.remove(at: i)
            } else {
                i += 1
            }
        }
        return value
    }

    /// An integer option within `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = try option(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError("--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// A number option within `range`.
    mutating func number(_ name: String, in range: ClosedRange<Double>) throws(UsageError) -> Double? {
        guard let text = try option(name) else { return nil }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw UsageError("--\(name) must be a number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// The words that are not options (positional arguments), removed.
    mutating func positionals() -> [String] {
        let result = words.filter { !$0.hasPrefix("-") }
        words.removeAll { !$0.hasPrefix("-") }
        return result
    }

    /// Refuses each of `names` (without dashes) that was given, saying why: options that
    /// other commands take and that would have no effect here.
    func refuse(_ names: [String], because why: String) throws(UsageError) {
        for name in names where words.contains(where: { $0 == "--" + name || $0.hasPrefix("--\(name)=") }) {
            throw UsageError("--\(name) \(why)")
        }
    }

    /// Refuses leftovers.
    func finish() throws(UsageError) {
        if let word = words.first {
            throw UsageError(word.hasPrefix("-") ? "unknown option \(word)" : "unexpected argument '\(word)'")
        }
    }
}
