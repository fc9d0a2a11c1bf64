/// The file formats restock reads: its own, and the exports of the shop systems its users
/// have (README, "Input files from your shop system"). Recognised by header; `--format NAME`
/// forces one.
public enum ExportFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// restock's own columns (README, "Input files").
    case restock
    case shopifyOrders = "shopify-orders"
    case shopifyProducts = "shopify-products"
    case shopifyInventory = "shopify-inventory"
    case bigcommerceOrders = "bigcommerce-orders"
    case bigcommerceOrderLines = "bigcommerce-order-lines"
    case bigcommerceProducts = "bigcommerce-products"
    case woocommerceProducts = "woocommerce-products"
    case woocommerceOrders = "woocommerce-orders"
    /// A file read through a mapping file (`MappingFile`).
    case mapped = "mapping"

    /// The kind of rows this format holds; nil for `restock` and `mapped`, whose kind comes
    /// from the file name or the mapping.
    public var kind: FileKind? {
        switch self {
        case .restock, .mapped: nil
        case .shopifyOrders, .bigcommerceOrders, .bigcommerceOrderLines, .woocommerceOrders: .orders
        case .shopifyProducts, .shopifyInventory, .bigcommerceProducts, .woocommerceProducts: .products
        }
    }

    /// Words for the progress line and the report (`Shopify orders export`).
    public var title: String {
        switch self {
        case .restock: "restock columns"
        case .shopifyOrders: "Shopify orders export"
        case .shopifyProducts: "Shopify products export"
        case .shopifyInventory: "Shopify inventory export"
        case .bigcommerceOrders: "BigCommerce orders export"
        case .bigcommerceOrderLines: "BigCommerce orders export, one row per product"
        case .bigcommerceProducts: "BigCommerce products export"
        case .woocommerceProducts: "WooCommerce products export"
        case .woocommerceOrders: "WooCommerce orders export, one row per item"
        case .mapped: "mapped columns"
        }
    }

    /// The columns that identify each shop format, any one spelling per entry, in the order
    /// they are tried (the more specific first).
    static let signatures: [(ExportFormat, [[String]])] = [
        (.shopifyInventory, [["Handle", "URL handle"], ["SKU"], ["Location"], ["On hand (current)", "On hand"]]),
        (.shopifyOrders, [["Name"], ["Created at"], ["Lineitem quantity"], ["Lineitem sku"]]),
        (.shopifyProducts, [["Handle", "URL handle"], ["Title"], ["Variant SKU", "SKU"], ["Variant Price", "Price"]]),
        (.bigcommerceOrders, [["Order ID"], ["Order Date"], ["Order Status"], ["Product Details"]]),
        (.bigcommerceOrderLines, [["Order ID"], ["Order Date"], ["Order Status"], ["Product SKU"], ["Product Qty"]]),
        (.bigcommerceProducts, [["Item Type"], ["Product Code/SKU"], ["Current Stock Level"]]),
        (.woocommerceProducts, [["Type"], ["SKU"], ["In stock?"], ["Regular price"]]),
        (.woocommerceOrders, WooCommerceOrdersAdapter.signature),
    ]

    /// The format of a file whose header is `header`: the first shop format whose
    /// identifying columns are all present, else restock's own when the header has the
    /// columns a file of `kind` needs (`kind` from the file name; every kind is tried when
    /// nil); nil when none fits. Shop formats come first because a Shopify or WooCommerce
    /// products export also has a `SKU` column, all a restock products file needs.
    public static func recognise(header: [String], kind: FileKind? = nil) -> ExportFormat? {
        let map = HeaderMap(header)
        for (format, columns) in signatures where columns.allSatisfy({ names in names.contains { map.index(of: $0) != nil } }) {
            return format
        }
        for k in kind.map({ [$0] }) ?? FileKind.allCases where map.missing(required: k.requiredColumns).isEmpty {
            return .restock
        }
        return nil
    }

    /// The format named `name` (`shopify-orders`), as `--format` takes it.
    public static func named(_ name: String) -> ExportFormat? {
        ExportFormat(rawValue: name.lowercased())
    }

    /// The message for a file that matches no format: which formats restock knows, and how
    /// to write a mapping for any other.
    public static func unknownFormatHint() -> String {
        let names = allCases.filter { $0 != .mapped }.map(\.rawValue).joined(separator: ", ")
        return "restock reads \(names); for any other export write a mapping file, restock-map.txt in the data folder, "
            + "with a section per kind of file naming its files and which of its columns is which restock column "
            + "(`[orders]`, `file = sales*.csv`, `order_id = Invoice`, `ordered_at = Date`, `sku = Item`, `quantity = Qty`; "
            + "README, \"Mapping files\"), or name the format with --format"
    }

    /// The adapter that reads this shop format; nil for `restock` (read as it is) and
    /// `mapped` (made from its mapping, `MappedAdapter`).
    public func adapter(header: [String], fileName: String, options: ExportOptions) -> (any ExportAdapter)? {
        let reading = ExportReading(fileName: fileName, options: options)
        switch self {
        case .restock, .mapped: return nil
        case .shopifyOrders: return ShopifyOrdersAdapter(header: header, reading: reading)
        case .shopifyProducts: return ShopifyProductsAdapter(header: header, reading: reading)
        case .shopifyInventory: return ShopifyInventoryAdapter(header: header, reading: reading)
        case .bigcommerceOrders: return BigCommerceOrdersAdapter(header: header, reading: reading)
        case .bigcommerceOrderLines: return BigCommerceOrderLinesAdapter(header: header, reading: reading)
        case .bigcommerceProducts: return BigCommerceProductsAdapter(header: header, reading: reading)
        case .woocommerceProducts: return WooCommerceProductsAdapter(header: header, reading: reading)
        case .woocommerceOrders: return WooCommerceOrdersAdapter(header: header, reading: reading)
        }
    }
}
