/// Shopify's products export (Products > Export), in both header generations: the older
/// `Handle`, `Variant SKU`, `Variant Inventory Qty`, `Variant Price`, `Variant Inventory
/// Policy`, and the newer `URL handle`, `SKU`, `Inventory quantity`, `Price`, `Continue
/// selling when out of stock`; `Cost per item` in both.
///
/// One row per variant; product columns (`Title`, `Vendor`, `Type`) are filled on a product's
/// first row only and carried to its other rows by handle. Rows with neither a SKU nor a
/// price are the product's extra images and are skipped; a variant without a SKU is rejected.
/// `Inventory quantity` counts the store's only location (Shopify writes it for single-location
/// stores; several locations need the inventory export).
struct ShopifyProductsAdapter: ExportAdapter {
    let format = ExportFormat.shopifyProducts
    let kind = FileKind.products
    let columns = CanonicalColumns.header(for: .products)
    private let reading: ExportReading
    private let handle, title, vendor, type, category, sku, quantity, price, cost, policy: Int?
    private let skuName, quantityName, priceName: String
    private var product: (handle: String, title: String?, vendor: String?, category: String?)?

    init(header: [String], reading: ExportReading) {
        let c = ExportColumns(header: header)
        self.reading = reading
        handle = c.index("Handle", "URL handle")
        title = c.index("Title")
        vendor = c.index("Vendor")
        type = c.index("Type")
        category = c.index("Product Category", "Product category")
        sku = c.index("Variant SKU", "SKU")
        quantity = c.index("Variant Inventory Qty", "Inventory quantity")
        price = c.index("Variant Price", "Price")
        cost = c.index("Cost per item")
        policy = c.index("Variant Inventory Policy", "Continue selling when out of stock")
        skuName = c.name(sku, header: header)
        quantityName = c.name(quantity, header: header)
        priceName = c.name(price, header: header)
    }

    mutating func adapt(_ fields: [String], line: Int, into out: inout [AdaptedRow]) throws(CSVError) {
        let r = ExportRecord(fields: fields, line: line)
        let h = r.cell(handle) ?? ""
        if product?.handle != h {
            product = (h, r.cell(title), r.cell(vendor), r.cell(type) ?? r.cell(category))
        } else {
            product!.title = product!.title ?? r.cell(title)
            product!.vendor = product!.vendor ?? r.cell(vendor)
            product!.category = product!.category ?? r.cell(type) ?? r.cell(category)
        }
        if r.cell(sku) == nil && r.cell(price) == nil {
            out.append(.skipped(line: line, reason: "an image row of product \(h): no variant"))
            return
        }
        let reading = self.reading, p = product!
        let (skuName, quantityName, priceName) = (self.skuName, self.quantityName, self.priceName)
        let (sku, quantity, price, cost, policy) = (self.sku, self.quantity, self.price, self.cost, self.policy)
        try reading.record(into: &out) { (out: inout [AdaptedRow]) throws(AdaptFailure) in
            var row = CanonicalRow(kind: .products)
            row["sku"] = try reading.required(r.cell(sku), column: skuName, line: line,
                                              why: "restock counts SKUs; give the variant a SKU in Shopify and export again")
            row["name"] = p.title
            row["supplier"] = p.vendor
            row["category"] = p.category
            row["on_hand"] = try reading.number(r.cell(quantity), column: quantityName, line: line)
            row["unit_price"] = try reading.number(r.cell(price), column: priceName, line: line)
            row["unit_cost"] = try reading.number(r.cell(cost), column: "Cost per item", line: line)
            row["backorders_allowed"] = r.cell(policy)
            out.append(.row(line: line, fields: row.fields))
        }
    }
}
