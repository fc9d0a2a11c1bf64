/// The policies a replay compares for each SKU (README, "Replay").
public enum ReplayPolicyKind: String, Sendable, CaseIterable {
    /// restock's reorder point and order quantity, re-decided on each decision day.
    case restock
    /// The products file's reorder_point and order_quantity, held constant.
    case inForce = "in_force"
    /// The textbook normal formula at the same service level, re-decided on each decision day.
    case normalFormula = "normal_formula"
}

/// What restock decided for one SKU on one decision day, from the rows dated up to it.
public struct ReplayDecision: Sendable, Hashable {
    public var day: Day
    /// restock's recommended reorder point and order quantity that day, units.
    public var reorderPoint: Double
    public var orderQuantity: Double
    /// The textbook normal formula's reorder point that day, units.
    public var normalFormulaPoint: Double
    public var serviceLevel: Double
    public var demandClass: DemandClass
    /// The lead-time forecast that day, days (mean and standard deviation).
    public var leadTimeDays: Double
    public var leadTimeSDDays: Double

    public init(day: Day, reorderPoint: Double, orderQuantity: Double, normalFormulaPoint: Double,
                serviceLevel: Double, demandClass: DemandClass, leadTimeDays: Double = 0, leadTimeSDDays: Double = 0) {
        self.day = day
        self.leadTimeDays = leadTimeDays
        self.leadTimeSDDays = leadTimeSDDays
        self.reorderPoint = reorderPoint
        self.orderQuantity = orderQuantity
        self.normalFormulaPoint = normalFormulaPoint
        self.serviceLevel = serviceLevel
        self.demandClass = demandClass
    }

    /// The decision as `restock run --as-of day` makes it: the figures of that run, with the
    /// normal formula's point from the same window's daily demand and the same lead time.
    public init(day: Day, figures: SKUFigures, moments: DailyDemandMoments) {
        let normal = NormalFormula.reorderPoint(dailyMean: moments.mean, dailySD: moments.sd,
                                                leadTimeDays: figures.leadTimeDays, leadTimeSD: figures.leadTimeSDDays,
                                                serviceLevel: figures.serviceLevel)
        self.init(day: day, reorderPoint: figures.reorderPoint, orderQuantity: figures.orderQuantity,
                  normalFormulaPoint: normal, serviceLevel: figures.serviceLevel, demandClass: figures.demandClass,
                  leadTimeDays: figures.leadTimeDays, leadTimeSDDays: figures.leadTimeSDDays)
    }
}

/// One SKU's replay: its decisions and its real demand, played under each policy.
public struct SKUReplay: Sendable {
    public var sku: String
    public var decisions: [ReplayDecision]
    /// The products file's (reorder_point, order_quantity), when both are given.
    public var inForce: (reorderPoint: Double, orderQuantity: Double)?
    public var demand: [ReplayDemandDay]
    public var leadTimes: ReplayLeadTimes
    /// Backorder lines and units the store holds for the period (what really happened).
    public var actualBackorderLines: Int
    public var actualBackorderedUnits: Double

    public init(sku: String, decisions: [ReplayDecision], inForce: (reorderPoint: Double, orderQuantity: Double)?,
                demand: [ReplayDemandDay], leadTimes: ReplayLeadTimes,
                actualBackorderLines: Int, actualBackorderedUnits: Double) {
        self.sku = sku
        self.decisions = decisions.sorted { $0.day < $1.day }
        self.inForce = inForce
        self.demand = demand
        self.leadTimes = leadTimes
        self.actualBackorderLines = actualBackorderLines
        self.actualBackorderedUnits = actualBackorderedUnits
    }

    /// Stock on hand at the start, the same for every policy: restock's first decision's
    /// s + Q/2, rounded up to a whole unit (the mean stock of an (s, nQ) policy at the start
    /// of its first cycle, as if it had been in force before).
    public var startOnHand: Double {
        guard let first = decisions.first else { return 0 }
        return (first.reorderPoint + first.orderQuantity / 2).rounded(.up)
    }

    /// The SKU's demand class at the last decision day.
    public var demandClass: DemandClass { decisions.last?.demandClass ?? .new }

    /// The target service level at the last decision day.
    public var serviceLevel: Double { decisions.last?.serviceLevel ?? 0.95 }

    /// The policies of one kind, in decision order (nil for `inForce` without a point in force).
    public func policies(_ kind: ReplayPolicyKind) -> [ReplayPolicy]? {
        switch kind {
        case .restock:
            return decisions.map { ReplayPolicy(from: $0.day, reorderPoint: $0.reorderPoint, orderQuantity: $0.orderQuantity) }
        case .normalFormula:
            return decisions.map { ReplayPolicy(from: $0.day, reorderPoint: $0.normalFormulaPoint, orderQuantity: $0.orderQuantity) }
        case .inForce:
            guard let inForce, let first = decisions.first else { return nil }
            return [ReplayPolicy(from: first.day, reorderPoint: inForce.reorderPoint, orderQuantity: inForce.orderQuantity)]
        }
    }

    /// Plays every policy against the same demand, start and lead times.
    public func play(_ plan: ReplayPlan) -> [(kind: ReplayPolicyKind, outcome: ReplayOutcome)] {
        let times = leadTimes
        return ReplayPolicyKind.allCases.compactMap { kind in
            guard let policies = policies(kind) else { return nil }
            let replay = InventoryReplay(policies: policies, startOnHand: startOnHand) { times.draw(placedOn: $0) }
            return (kind, replay.play(from: plan.from, to: plan.to, demand: demand))
        }
    }
}
