/// What `restock generate` makes: how many SKUs, how many days, from which seed
/// (README, "Commands": `restock generate --out DIR [--skus N] [--days N] [--seed N]`).
public struct GeneratorConfig: Sendable, Hashable {
    /// Number of SKUs, 1 or more (named `SKU-000001` ... in products and orders).
    public var skus: Int
    /// Days of history, 1 or more, ending on `endDay` (both ends included).
    public var days: Int
    /// The seed: the same seed and settings give byte-identical files.
    public var seed: UInt64
    /// The last day of data (a day number; see `CivilDate`).
    public var endDay: Day

    public init(skus: Int, days: Int, seed: UInt64, endDay: Day) {
        self.skus = skus
        self.days = days
        self.seed = seed
        self.endDay = endDay
    }

    /// The first day of data: `endDay - days + 1`.
    public var startDay: Day { endDay - days + 1 }
}
