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
    ///
    /// The two work lists (columns below, and at or above, the average weight) are stacks in
    /// one scratch buffer, each taking its most recently added column first.
    init(weights: [Double]) {
        let n = weights.count
        let total = weights.reduce(0, +)
        var keep = [Double](repeating: 1, count: n)
        var alias = [Int](unsafeUninitializedCapacity: n) { alias, count in
            for i in 0..<n { alias.initializeElement(at: i, to: i) }
            count = n
        }
        keep.withUnsafeMutableBufferPointer { keep in
        alias.withUnsafeMutableBufferPointer { alias in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { scaled in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * n) { lists in
            // small: lists[0..<smallCount], large: lists[n..<n + largeCount].
            var smallCount = 0, largeCount = 0
            for i in 0..<n {
                let w = weights[i] * Double(n) / total
                scaled.initializeElement(at: i, to: w)
                if w < 1 {
                    lists.initializeElement(at: smallCount, to: i)
                    smallCount += 1
                } else {
                    lists.initializeElement(at: n + largeCount, to: i)
                    largeCount += 1
                }
            }
            while smallCount > 0 && largeCount > 0 {
                smallCount -= 1
                largeCount -= 1
                let s = lists[smallCount], l = lists[n + largeCount]
                keep[s] = scaled[s]
                alias[s] = l
                scaled[l] -= 1 - scaled[s]
                if scaled[l] < 1 {
                    lists[smallCount] = l
                    smallCount += 1
                } else {
                    lists[n + largeCount] = l
                    largeCount += 1
                }
            }
        }
        }
        }
        }
        self.keep = keep
        self.alias = alias
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
