/// The ranges restock accepts for input values beyond each column's own rule (README,
/// "Limits"). A value outside is rejected at ingest with its file, line, column and a
/// reason, so that every stored number keeps the per-SKU computations within finite doubles
/// and whole lead-time days within a simulation's reach.
///
/// The bounds are far beyond real data (a billion units on one order line, a unit price of
/// a billion, ten years of lead time, the years 1900 to 2199) and below them values keep
/// their full precision; what lies beyond is a unit, decimal-point or export error.
public enum InputBounds {
    /// Largest quantity of one row (either sign: a credit line is negative) and largest stock
    /// level or case pack: 1,000,000,000 units.
    public static let maxUnits = 1e9
    /// Largest unit price or unit cost: 1,000,000,000 (in the data's currency).
    public static let maxMoney = 1e9
    /// Longest lead time, days: 3,650 (ten years), also `--lead-time-days`' maximum.
    public static let maxLeadTimeDays = 3_650.0
    /// Smallest value other than 0 that an amount may have: 0.000001 (a millionth).
    public static let minPositive = 1e-6
    /// Earliest and latest day a date may fall on: 1900-01-01 and 2199-12-31.
    public static let days: ClosedRange<Day> =
        CivilDate.day(year: 1900, month: 1, day: 1)...CivilDate.day(year: 2199, month: 12, day: 31)

    /// What a numeric column measures, and so which bound applies.
    public enum Measure: Sendable {
        case units, money, days

        var maximum: Double {
            switch self {
            case .units: InputBounds.maxUnits
            case .money: InputBounds.maxMoney
            case .days: InputBounds.maxLeadTimeDays
            }
        }

        var maximumText: String {
            switch self {
            case .units: "1,000,000,000 units"
            case .money: "1,000,000,000"
            case .days: "3,650 days"
            }
        }
    }

    /// The measure of a contract column, nil for one with its own range (service_level) or
    /// none. case_pack counts units.
    public static func measure(ofColumn column: String) -> Measure? {
        switch column {
        case "quantity", "on_hand", "on_order", "reorder_point", "order_quantity", "case_pack", "shipped_quantity",
             "backordered_quantity": .units
        case "unit_price", "unit_cost": .money
        case "lead_time_days": .days
        default: nil
        }
    }

    /// Why `value` (already within the column's own rule) is out of bounds, as the start of
    /// a rejection reason, nil when it is within them. `raw` is the cell as written.
    public static func problem(column: String, value: Double, raw: String) -> String? {
        guard let measure = measure(ofColumn: column) else { return nil }
        if value.magnitude > measure.maximum {
            return "\(column) must be at most \(measure.maximumText) (README, Limits), got \"\(raw)\"; "
                + "check the export for a unit or decimal-point error"
        }
        if value != 0 && value.magnitude < minPositive {
            return "\(column) must be 0 or at least 0.000001 (README, Limits), got \"\(raw)\"; "
                + "check the export for a unit or decimal-point error"
        }
        return nil
    }

    /// Why a date's day is out of bounds, nil when it is within them.
    public static func problem(column: String, day: Day, raw: String) -> String? {
        guard !days.contains(day) else { return nil }
        return "\(column) must be a date from 1900-01-01 to 2199-12-31 (README, Limits), got \"\(raw)\"; "
            + "check the export's date column"
    }

    /// Why the days between two dates of one row are too many for a lead time, nil when
    /// they are not (receipts: ordered to received; backorders: backordered to fulfilled).
    public static func problem(column: String, from start: Day, to end: Day, startColumn: String, raw: String) -> String? {
        guard Double(end - start) > maxLeadTimeDays else { return nil }
        return "\(column) must be at most 3,650 days after \(startColumn) (README, Limits), got \"\(raw)\", "
            + "\(end - start) days later; check both dates"
    }
}
