import Foundation

/// The UTC offsets of one time zone as a table of transitions, so that turning instants into
/// days costs a binary search instead of a Foundation call per value.
///
/// Built once per zone by sampling `TimeZone.secondsFromGMT(for:)` at every UTC midnight
/// from 1900-01-01 to 2200-01-01 and, where two samples differ, bisecting to the second at
/// which the offset changes. Assumes the offset changes at most once within a UTC day
/// (true of every zone in the IANA database in that range). Instants outside the range
/// ask Foundation directly. A zone with no change in the range (UTC, fixed offsets) is a
/// single constant.
struct ZoneOffsets: Sendable {
    /// UTC seconds at which `offsets[k]` starts to apply; `starts[0]` is the range start.
    private let starts: [Int64]
    /// Offset from UTC, seconds (local = UTC + offset).
    private let offsets: [Int32]
    private let zone: TimeZone
    /// The offset of a zone that never changes in the range, nil otherwise.
    private let constant: Int32?

    static let rangeStart: Int64 = -2_208_988_800   // 1900-01-01T00:00:00Z
    static let rangeEnd: Int64 = 7_258_118_400      // 2200-01-01T00:00:00Z

    init(_ zone: TimeZone) {
        self.zone = zone
        func offset(_ t: Int64) -> Int32 {
            Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t))))
        }
        var starts: [Int64] = [ZoneOffsets.rangeStart]
        var offsets: [Int32] = [offset(ZoneOffsets.rangeStart)]
        var t = ZoneOffsets.rangeStart
        var current = offsets[0]
        while t < ZoneOffsets.rangeEnd {
            let next = t + 86_400
            let o = offset(next)
            if o != current {
                // First second in (t, next] with offset o.
                var lo = t, hi = next
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2
                    if offset(mid) == current { lo = mid } else { hi = mid }
                }
                starts.append(hi)
                offsets.append(o)
                current = o
            }
            t = next
        }
        self.starts = starts
        self.offsets = offsets
        // A zone without changes in the range is taken as constant everywhere only when
        // it is UTC or a fixed-offset zone (no daylight-saving transitions at all).
        if offsets.count == 1 && zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: 0)) == nil {
            self.constant = offsets[0]
        } else {
            self.constant = nil
        }
    }

    /// Offset from UTC (seconds) in force at `utc` (seconds since 1970-01-01T00:00:00Z).
    @inline(__always)
    func offset(atUTC utc: Int64) -> Int64 {
        if let constant { return Int64(constant) }
        if utc < ZoneOffsets.rangeStart || utc >= ZoneOffsets.rangeEnd {
            return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utc))))
        }
        // Last k with starts[k] <= utc.
        var lo = 0, hi = starts.count
        while hi - lo > 1 {
            let mid = (lo + hi) >> 1
            if starts[mid] <= utc { lo = mid } else { hi = mid }
        }
        return Int64(offsets[lo])
    }

    /// UTC seconds of a wall-clock time (`wall`: seconds since 1970-01-01T00:00:00 local).
    ///
    /// A wall time that occurs twice (clocks set back) takes its first occurrence, the
    /// earlier instant. A wall time that never occurs (clocks set forward) is read with the
    /// offset in force before the gap, so it lands as far after the gap's start as it was
    /// written (02:30 on a spring-forward day in New York is 07:30Z, shown as 03:30 EDT).
    /// Both are what `java.time.ZonedDateTime.ofLocal` and RFC 5545 do.
    func utc(forWall wall: Int64) -> Int64 {
        if let constant { return wall - Int64(constant) }
        // Offsets a day either side cover any single transition near this wall time.
        let before = offset(atUTC: wall - 86_400)
        let after = offset(atUTC: wall + 86_400)
        if before == after { return wall - before }
        let earlier = wall - before   // first occurrence: the offset before the transition
        let later = wall - after
        let earlierValid = offset(atUTC: earlier) == before
        let laterValid = offset(atUTC: later) == after
        if earlierValid { return earlier }   // unique, or the first of an overlap
        if laterValid { return later }
        return earlier                       // in a gap
    }
}
