/// Whether the data ends well before as-of (README, "Reliability": a stale-data note, exit 0).
///
/// A run as of a day long after the newest order line has too little recent demand to go on
/// (as-of 2030-01-01 on data ending in 2026 gives no recommendation at all), so the run says
/// so in its progress and the report, whether or not the newest line is still in the window.
public enum StaleData {
    /// Days between the newest order line and as-of from which the note is given: 7 (a week).
    public static let days = 7

    /// The note, nil when the data is recent enough or there is no order line at all.
    ///
    /// - Parameters:
    ///   - newestInWindow: the newest day with an order line in the window, nil without one.
    ///   - newestLoaded: the newest day with an order line in the store, nil without one.
    public static func note(newestInWindow: Day?, newestLoaded: Day?, settings: RunSettings) -> String? {
        let asOf = settings.asOf
        guard let newest = newestInWindow ?? newestLoaded.flatMap({ $0 <= asOf ? $0 : nil }),
              newest <= asOf - days else { return nil }
        let gap = asOf - newest
        let place = newestInWindow == nil ? ", outside the \(settings.windowDays)-day window" : ""
        return "the newest order line is from \(CivilDate.string(newest))\(place), \(gap) days before as-of "
            + "\(CivilDate.string(asOf)); the figures rest on old demand. Check that the latest exports arrived, "
            + "or pass --as-of \(CivilDate.string(newest)) if the data ends there"
    }
}
