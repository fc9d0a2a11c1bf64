/// An unsigned 128-bit integer as a (high, low) pair of 64-bit words, with overflow-checked
/// arithmetic: just enough for the exact demand-class cut-off test of `DemandClassifier`.
///
/// (Written when the package still named macOS 13, where the standard library's `UInt128`
/// is missing; on Linux `UInt128` would serve as well.) Every operation returns nil
/// on overflow or underflow instead of trapping.
struct WideUInt: Sendable, Hashable, Comparable {
    var high: UInt64
    var low: UInt64

    static let zero = WideUInt(high: 0, low: 0)

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init(_ value: UInt64) {
        self.init(high: 0, low: value)
    }

    /// The full 128-bit product of two 64-bit values (never overflows).
    static func product(_ a: UInt64, _ b: UInt64) -> WideUInt {
        let (high, low) = a.multipliedFullWidth(by: b)
        return WideUInt(high: high, low: low)
    }

    func adding(_ other: WideUInt) -> WideUInt? {
        let (low, carry) = low.addingReportingOverflow(other.low)
        let (high1, o1) = high.addingReportingOverflow(other.high)
        let (high2, o2) = high1.addingReportingOverflow(carry ? 1 : 0)
        return o1 || o2 ? nil : WideUInt(high: high2, low: low)
    }

    /// self − other; nil when other > self.
    func subtracting(_ other: WideUInt) -> WideUInt? {
        let (low, borrow) = low.subtractingReportingOverflow(other.low)
        let (high1, o1) = high.subtractingReportingOverflow(other.high)
        let (high2, o2) = high1.subtractingReportingOverflow(borrow ? 1 : 0)
        return o1 || o2 ? nil : WideUInt(high: high2, low: low)
    }

    func multiplied(by factor: UInt64) -> WideUInt? {
        let lowProduct = WideUInt.product(low, factor)
        let (highProductHigh, highProductLow) = high.multipliedFullWidth(by: factor)
        guard highProductHigh == 0 else { return nil }
        let (high, overflow) = lowProduct.high.addingReportingOverflow(highProductLow)
        return overflow ? nil : WideUInt(high: high, low: lowProduct.low)
    }

    static func < (lhs: WideUInt, rhs: WideUInt) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }
}
