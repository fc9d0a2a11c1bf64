extension Int {
    /// The largest magnitude `init(saturating:)` gives: 2^62, so that a few additions to the
    /// result cannot overflow either.
    public static let saturationBound = 1 << 62

    /// `x` rounded toward zero as an `Int`, for every double: NaN gives 0, and values beyond
    /// ±2^62 (infinities included) give ±2^62.
    ///
    /// `Int(_: Double)` stops the program on NaN or a value out of range; the per-SKU
    /// computations use this instead, so that no stored number can crash a run (README,
    /// "Limits"). Within range it is `Int(x)` exactly.
    @inlinable
    public init(saturating x: Double) {
        if x.isNaN {
            self = 0
        } else if x >= 0x1p62 {
            self = Int.saturationBound
        } else if x <= -0x1p62 {
            self = -Int.saturationBound
        } else {
            self = Int(x)
        }
    }
}
