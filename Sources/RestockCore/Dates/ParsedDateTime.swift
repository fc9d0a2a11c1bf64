/// A date or date-time cell as README, "The CSV dialect" reads it.
public struct ParsedDateTime: Sendable, Hashable {
    /// The calendar day in the configured time zone (README, "The CSV dialect":
    /// every date-time counts on its calendar day in that zone).
    public var day: Day
    /// The instant, in microseconds since 1970-01-01T00:00:00Z; nil for a date without a
    /// time. Fractions of a second beyond 6 digits are truncated.
    public var instant: Int64?

    public init(day: Day, instant: Int64?) {
        self.day = day
        self.instant = instant
    }
}

/// Why a cell is not a date or date-time README, "The CSV dialect" allows.
public struct DateParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason in plain words (`month 13 is out of range`,
    /// `2026-02-30 is not a date: February 2026 has 28 days`).
    public var reason: String

    public init(reason: String) { self.reason = reason }

    public var description: String { reason }

    static let shape = DateParseError(
        reason: "expected YYYY-MM-DD or an ISO 8601 date-time such as 2026-11-26T14:05:00Z")
}
