/// `skus.csv` and `recommendations.csv` (CONTRACT.md §4): columns, order and ranking.
public enum SKUTables {
    /// The `skus.csv` columns, in order: the contract's, then `forecast_bias` (README, The
    /// figures: the order is fixed and new columns only follow).
    public static let skuColumns = [
        "sku", "name", "category", "supplier", "order_lines", "ordered_units", "backorder_lines",
        "backordered_units", "backorder_rate", "stockout_days", "open_backorder_units", "lost_units",
        "fill_days_p50", "fill_days_p90", "adi", "cv2", "demand_class", "forecast_method", "forecast_daily",
        "forecast_mae", "lead_time_days", "lead_time_sd_days", "lead_time_source", "service_level",
        "safety_stock", "reorder_point", "reorder_point_in_force", "reorder_point_increase",
        "order_quantity", "on_hand", "on_order", "inventory_position", "order_now_units", "unit_price",
        "revenue_at_risk", "backorder_eta", "forecast_bias",
    ]

    /// `recommendations.csv` columns: rank, sku, name, the numbers a buyer acts on, then reason.
    public static let recommendationColumns = [
        "rank", "sku", "name", "supplier", "reorder_point_in_force", "reorder_point", "reorder_point_increase",
        "order_quantity", "inventory_position", "order_now_units", "revenue_at_risk", "backorder_lines",
        "open_backorder_units", "backorder_eta", "lead_time_days", "forecast_daily", "service_level",
        "demand_class", "reason",
    ]

    /// The recommendations, ranked by revenue_at_risk (highest first), then backorder_lines
    /// (most first), then sku (byte order).
    public static func ranked(_ figures: [SKUFigures]) -> [SKUFigures] {
        figures.filter(\.isRecommended).sorted { a, b in
            if a.revenueAtRisk != b.revenueAtRisk { return a.revenueAtRisk > b.revenueAtRisk }
            if a.backorderLines != b.backorderLines { return a.backorderLines > b.backorderLines }
            return Array(a.sku.utf8).lexicographicallyPrecedes(Array(b.sku.utf8))
        }
    }

    private static func day(_ d: Day?) -> CSVCell { .text(d.map(CivilDate.string)) }

    /// `skus.csv`: every SKU, in the order given.
    public static func skusCSV(_ figures: [SKUFigures]) -> [UInt8] {
        var w = CSVWriter(header: skuColumns)
        for f in figures {
            w.append([
                .text(f.sku), .text(f.name), .text(f.category), .text(f.supplier),
                .integer(f.orderLines), .number(f.orderedUnits), .integer(f.backorderLines), .number(f.backorderedUnits),
                .number(f.backorderRate), .integer(f.stockoutDays), .number(f.openBackorderUnits), .number(f.lostUnits),
                .number(f.fillDaysP50), .number(f.fillDaysP90), .number(f.adi), .number(f.cv2),
                .text(f.demandClass.rawValue), .text(f.forecastMethod), .number(f.forecastDaily), .number(f.forecastMAE),
                .number(f.leadTimeDays), .number(f.leadTimeSDDays), .text(f.leadTimeSource.rawValue), .number(f.serviceLevel),
                .number(f.safetyStock), .number(f.reorderPoint), .number(f.reorderPointInForce), .number(f.reorderPointIncrease),
                .number(f.orderQuantity), .number(f.onHand), .number(f.onOrder), .number(f.inventoryPosition),
                .number(f.orderNowUnits), .number(f.unitPrice), .number(f.revenueAtRisk), day(f.backorderETA),
                .number(f.forecastBias),
            ])
        }
        return w.bytes
    }

    /// `recommendations.csv`: the ranked recommendations.
    public static func recommendationsCSV(_ ranked: [SKUFigures]) -> [UInt8] {
        var w = CSVWriter(header: recommendationColumns)
        for (i, f) in ranked.enumerated() {
            w.append([
                .integer(i + 1), .text(f.sku), .text(f.name), .text(f.supplier),
                .number(f.reorderPointInForce), .number(f.reorderPoint), .number(f.reorderPointIncrease),
                .number(f.orderQuantity), .number(f.inventoryPosition), .number(f.orderNowUnits),
                .number(f.revenueAtRisk), .integer(f.backorderLines), .number(f.openBackorderUnits), day(f.backorderETA),
                .number(f.leadTimeDays), .number(f.forecastDaily), .number(f.serviceLevel),
                .text(f.demandClass.rawValue), .text(f.reason),
            ])
        }
        return w.bytes
    }
}
