/// Every column README, "Input files" defines, of any kind (`FileKind.knownColumns` names each
/// kind's), so that `RowParser` finds a cell by its column's number instead of hashing the
/// column's name for every cell of every row.
public enum InputColumn: Int, CaseIterable, Sendable {
    case orderId, lineId, orderedAt, sku, quantity, unitPrice, status, stocked
    case fulfilledAt, cancelledAt, fulfillmentStatus, lineFulfillmentStatus, shippedQuantity, backorderedQuantity
    case backorderId, backorderedAt
    case name, category, supplier, unitCost, onHand, onOrder, reorderPoint, orderQuantity, leadTimeDays, serviceLevel, casePack
    case poId, receivedAt

    /// The column's name in a header (lowercase), as README, "Input files" spells it.
    public var name: String {
        switch self {
        case .orderId: "order_id"
        case .lineId: "line_id"
        case .orderedAt: "ordered_at"
        case .sku: "sku"
        case .quantity: "quantity"
        case .unitPrice: "unit_price"
        case .status: "status"
        case .stocked: "stocked"
        case .fulfilledAt: "fulfilled_at"
        case .cancelledAt: "cancelled_at"
        case .fulfillmentStatus: "fulfillment_status"
        case .lineFulfillmentStatus: "line_fulfillment_status"
        case .shippedQuantity: "shipped_quantity"
        case .backorderedQuantity: "backordered_quantity"
        case .backorderId: "backorder_id"
        case .backorderedAt: "backordered_at"
        case .name: "name"
        case .category: "category"
        case .supplier: "supplier"
        case .unitCost: "unit_cost"
        case .onHand: "on_hand"
        case .onOrder: "on_order"
        case .reorderPoint: "reorder_point"
        case .orderQuantity: "order_quantity"
        case .leadTimeDays: "lead_time_days"
        case .serviceLevel: "service_level"
        case .casePack: "case_pack"
        case .poId: "po_id"
        case .receivedAt: "received_at"
        }
    }

    /// The column called `name` (lowercase), nil for a name README does not define.
    public init?(name: String) {
        guard let column = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = column
    }
}
