/// What one `SyntheticDataGenerator.write` wrote: data rows per file (headers not counted).
public struct GeneratorSummary: Sendable, Hashable, Codable {
    /// Rows of `orders.csv` (order lines, cancelled ones included).
    public var orderLines: Int
    /// Distinct orders among them.
    public var orders: Int
    /// Rows of `backorders.csv` (a partly filled backorder counts as its two rows).
    public var backorders: Int
    /// Rows of `products.csv`: one per SKU.
    public var products: Int
    /// Rows of `receipts.csv`: purchase orders received by the last day.
    public var receipts: Int

    public init(orderLines: Int, orders: Int, backorders: Int, products: Int, receipts: Int) {
        self.orderLines = orderLines
        self.orders = orders
        self.backorders = backorders
        self.products = products
        self.receipts = receipts
    }
}

extension GeneratorSummary: CustomStringConvertible {
    /// `6043 order lines in 3788 orders, 435 backorders, 40 products, 811 receipts`.
    public var description: String {
        "\(orderLines) order lines in \(orders) orders, \(backorders) backorders, "
            + "\(products) products, \(receipts) receipts"
    }
}
