import Foundation

/// The lead times a replay gives its purchase orders (README, "Replay").
///
/// A purchase order placed on day t takes the lead time of one of the SKU's real receipts
/// ordered near t: one of the `neighbours` receipts whose order day is closest to t, picked at
/// random. A SKU without receipts draws from its lead-time model instead: a lognormal with the
/// model's mean and standard deviation (a constant where the deviation is 0), rounded to whole
/// days. Draws are seeded by the SKU and the day, so every policy replayed for a SKU gets the
/// same lead time for an order placed on the same day (common random numbers: the policies
/// differ only by their decisions).
public struct ReplayLeadTimes: Sendable {
    /// Where the lead times come from.
    public enum Source: String, Sendable {
        /// The SKU's own receipts near each order day.
        case receipts
        /// The SKU's lead-time model (no receipt of its own).
        case model
    }

    /// How many receipts nearest the order day are drawn from.
    public static let neighbours = 5

    /// (day ordered, lead time in days) of the SKU's receipts, by day ordered.
    public let observations: [(day: Day, days: Int)]
    public let modelMeanDays: Double
    public let modelSDDays: Double
    public let seed: UInt64

    public init(receipts: [ReceiptFact], modelMeanDays: Double, modelSDDays: Double, seed: UInt64) {
        observations = receipts.map { (day: $0.orderedDay, days: max(0, $0.leadTimeDays)) }
            .sorted { ($0.day, $0.days) < ($1.day, $1.days) }
        self.modelMeanDays = modelMeanDays
        self.modelSDDays = modelSDDays
        self.seed = seed
    }

    public var source: Source { observations.isEmpty ? .model : .receipts }

    /// The lead time, whole days (>= 0), of a purchase order placed on `day`.
    public func draw(placedOn day: Day) -> Int {
        var random = SplitMix64(seed: seed, stream: UInt64(bitPattern: Int64(day)))
        if !observations.isEmpty {
            let near = nearest(to: day)
            return near[random.integer(in: 0...(near.count - 1))]
        }
        guard modelMeanDays.isFinite, modelMeanDays > 0 else { return 0 }
        guard modelSDDays.isFinite, modelSDDays > 0 else { return Int(modelMeanDays.rounded()) }
        let ratio = modelSDDays / modelMeanDays
        let sigma = (log(1 + ratio * ratio)).squareRoot()
        let median = modelMeanDays / (1 + ratio * ratio).squareRoot()
        let value = random.logNormal(median: median, sigma: sigma).rounded()
        return value.isFinite ? Int(min(value, 3650)) : 3650
    }

    /// Lead times of the `neighbours` receipts ordered closest to `day` (earlier first on ties).
    func nearest(to day: Day) -> [Int] {
        var low = observations.partitioningIndex { $0.day >= day } - 1
        var high = low + 1
        var picked: [Int] = []
        while picked.count < ReplayLeadTimes.neighbours, low >= 0 || high < observations.count {
            let takeLow = high >= observations.count
                || (low >= 0 && day - observations[low].day <= observations[high].day - day)
            if takeLow { picked.append(observations[low].days); low -= 1 } else { picked.append(observations[high].days); high += 1 }
        }
        return picked
    }
}

extension Array {
    /// The first index whose element satisfies `belongs` (the array is partitioned: every
    /// element that does comes after every one that does not); `count` when none does.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if belongs(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
