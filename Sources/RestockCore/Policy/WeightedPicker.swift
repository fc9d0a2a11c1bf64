/// Draws an index with probability proportional to given weights in constant time: Walker's
/// alias method as built by Vose ("A linear algorithm for generating random numbers with a
/// given distribution", IEEE TSE 1991).
struct WeightedPicker: Sendable {
    /// Chance of keeping column i rather than taking its alias, 0...1 (`pick` keeps it when
    /// the low 32 bits as a fraction of 2^32 are below it).
    private(set) var keep: [Double]
    /// The index column i stands for when it is not kept.
    private(set) var alias: [Int]

    /// Weights >= 0, not all 0.
    init(weights: [Double]) {
        let n = weights.count
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(n) / total }
        keep = [Double](repeating: 1, count: n)
        alias = Array(0..<n)
        var small: [Int] = [], large: [Int] = []
        small.reserveCapacity(n)
        large.reserveCapacity(n)
        for (i, w) in scaled.enumerated() {
            if w < 1 { small.append(i) } else { large.append(i) }
        }
        while let s = small.popLast(), let l = large.popLast() {
            keep[s] = scaled[s]
            alias[s] = l
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 { small.append(l) } else { large.append(l) }
        }
        // What is left in either list keeps its column (probability 1, up to rounding).
    }

    /// An index in 0..<weights.count, from one 64-bit draw: the high 32 bits pick the
    /// column, the low 32 bits decide between it and its alias.
    func pick(_ random: inout PolicyRandom) -> Int {
        let bits = random.next()
        let column = Int(truncatingIfNeeded: ((bits >> 32) &* UInt64(keep.count)) >> 32)
        let coin = Double(bits & 0xFFFF_FFFF) * 0x1.0p-32
        return coin < keep[column] ? column : alias[column]
    }
}
