/// The range rule a number cell must meet (README, "Input files").
public enum NumberRule: String, Sendable, Hashable, Codable, CaseIterable {
    case positive = "positive"
    /// Any number but 0: an order line's quantity, negative for a return or cancellation
    /// (README, "Returns and cancellations").
    case nonZero = "non_zero"
    case nonNegative = "non_negative"
    /// Any number: products' on_hand, below 0 where a shop system counts units sold without
    /// stock as negative stock (README, "products").
    case any = "any"
    case serviceLevel = "service_level"
    case casePack = "case_pack"

    /// Whether `x` meets the rule.
    func allows(_ x: Double) -> Bool {
        switch self {
        case .positive: x > 0
        case .nonZero: x != 0
        case .nonNegative: x >= 0
        case .any: true
        case .serviceLevel: (0.5...0.999).contains(x)
        case .casePack: x >= 1 && x == x.rounded()
        }
    }

    /// What a number must be, in words ("a number greater than 0").
    public var expectation: String {
        switch self {
        case .positive: "a number greater than 0"
        case .nonZero: "a number other than 0"
        case .nonNegative: "a number of 0 or more"
        case .any: "a number"
        case .serviceLevel: "a number from 0.5 to 0.999"
        case .casePack: "a whole number of 1 or more"
        }
    }
}
