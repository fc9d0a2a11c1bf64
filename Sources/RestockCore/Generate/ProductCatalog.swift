import Foundation

/// The fixed vocabulary of synthetic products: categories, their seasons and price levels,
/// and the words product names are made of.
enum ProductCatalog {
    /// One product category.
    struct Category: Sendable {
        var name: String
        /// Day of the year (1...365) on which demand peaks.
        var peakDayOfYear: Int
        /// Seasonal swing: demand is 1 + amplitude * cos(2 pi (doy - peak) / 365.25) times its
        /// yearly average (0 = no season).
        var amplitude: Double
        /// Median unit cost, euros.
        var medianCost: Double
        var nouns: [String]
        var variants: [String]
    }

    static let categories: [Category] = [
        Category(name: "Hardware", peakDayOfYear: 120, amplitude: 0.10, medianCost: 3,
                 nouns: ["Hex Bolt", "Wood Screw", "Door Hinge", "Padlock", "Wall Plug",
                         "Drill Bit", "Spirit Level", "Claw Hammer", "Tape Measure", "Cable Tie"],
                 variants: ["M6", "M8", "M10", "50 mm", "100 mm", "Pack of 10", "Pack of 100",
                            "Steel", "Zinc Plated", "Heavy Duty"]),
        Category(name: "Kitchen", peakDayOfYear: 345, amplitude: 0.15, medianCost: 8,
                 nouns: ["Mixing Bowl", "Chef Knife", "Cutting Board", "Saucepan", "Frying Pan",
                         "Measuring Cup", "Whisk", "Colander", "Spice Rack", "Kettle"],
                 variants: ["20 cm", "24 cm", "28 cm", "1 L", "2 L", "Set of 3", "Bamboo",
                            "Stainless", "Non-Stick", "Cast Iron"]),
        Category(name: "Garden", peakDayOfYear: 130, amplitude: 0.45, medianCost: 12,
                 nouns: ["Garden Hose", "Pruning Shears", "Watering Can", "Plant Pot", "Rake",
                         "Seed Tray", "Lawn Feed", "Trowel", "Hose Reel", "Bird Feeder"],
                 variants: ["15 m", "25 m", "5 L", "10 L", "30 cm", "Terracotta", "Green",
                            "Pack of 6", "Ergonomic", "Galvanised"]),
        Category(name: "Electrical", peakDayOfYear: 330, amplitude: 0.10, medianCost: 15,
                 nouns: ["LED Bulb", "Extension Lead", "Plug Adapter", "Light Switch",
                         "Cable Reel", "Smoke Alarm", "Doorbell", "Monitor", "USB Charger",
                         "Night Light"],
                 variants: ["E27", "GU10", "4-Way", "10 m", "Warm White", "Dimmable", "27\"",
                            "24\"", "Twin Pack", "White"]),
        Category(name: "Office", peakDayOfYear: 245, amplitude: 0.20, medianCost: 4,
                 nouns: ["Ballpoint Pen", "Notebook", "Stapler", "Lever Arch File",
                         "Desk Organiser", "Sticky Notes", "Printer Paper", "Highlighter",
                         "Envelope", "Whiteboard Marker"],
                 variants: ["A4", "A5", "Blue", "Black", "Assorted", "Pack of 12", "Box of 50",
                            "80 gsm", "Recycled", "Ruled"]),
        Category(name: "Toys", peakDayOfYear: 350, amplitude: 0.50, medianCost: 10,
                 nouns: ["Building Blocks", "Jigsaw Puzzle", "Plush Bear", "Toy Car",
                         "Board Game", "Kite", "Yo-Yo", "Doll House", "Train Set", "Card Game"],
                 variants: ["500 pcs", "1000 pcs", "Small", "Large", "Deluxe", "Classic",
                            "Wooden", "Ages 3+", "Ages 8+", "Family Edition"]),
        Category(name: "Outdoor", peakDayOfYear: 190, amplitude: 0.35, medianCost: 25,
                 nouns: ["Camping Stove", "Tent Peg", "Sleeping Bag", "Head Torch", "Cool Box",
                         "Folding Chair", "Water Bottle", "Rain Poncho", "Picnic Blanket",
                         "Hiking Pole"],
                 variants: ["2-Person", "4-Person", "1 L", "750 ml", "Lightweight", "Orange",
                            "Navy", "Pack of 10", "Compact", "XL"]),
        Category(name: "Bathroom", peakDayOfYear: 30, amplitude: 0.05, medianCost: 9,
                 nouns: ["Shower Head", "Towel Rail", "Bath Mat", "Soap Dispenser",
                         "Toothbrush Holder", "Shower Curtain", "Toilet Seat", "Mirror",
                         "Laundry Basket", "Towel"],
                 variants: ["Chrome", "White", "Grey", "60 cm", "180 x 200 cm", "Anti-Slip",
                            "Wall Mounted", "Bamboo", "Cotton", "Soft Close"]),
    ]

    private static let adjectives = [
        "Classic", "Premium", "Essential", "Pro", "Eco", "Compact", "Deluxe", "Basic", "Smart",
        "Heritage",
    ]

    /// A product name for category `category`: "Pro Drill Bit 8 mm". About one name in ten is
    /// catalogue-style with commas ("Drill Bit, Pro, 8 mm"), which CSV writers must quote;
    /// sizes in inches bring double quotes.
    static func productName(category: Int, using rng: inout SplitMix64) -> String {
        let spec = categories[category]
        let noun = spec.nouns[rng.integer(in: 0...(spec.nouns.count - 1))]
        let variant = spec.variants[rng.integer(in: 0...(spec.variants.count - 1))]
        let adjective = adjectives[rng.integer(in: 0...(adjectives.count - 1))]
        if rng.bernoulli(0.1) {
            return "\(noun), \(adjective), \(variant)"
        }
        return "\(adjective) \(noun) \(variant)"
    }

    /// The seasonal factor of category `category` on day `day` (mean 1 over a year).
    static func seasonalFactor(category: Int, day: Day) -> Double {
        let spec = categories[category]
        if spec.amplitude == 0 { return 1 }
        let civil = CivilDate.civil(day)
        let dayOfYear = day - CivilDate.day(year: civil.year, month: 1, day: 1) + 1
        return 1 + spec.amplitude * cos(2 * Double.pi * Double(dayOfYear - spec.peakDayOfYear) / 365.25)
    }

    /// Relative demand by weekday, Monday first (mean 1): weekends are quieter.
    static let weekdayFactors: [Double] = [1.10, 1.08, 1.06, 1.06, 1.02, 0.88, 0.80]

    /// 0 for Monday ... 6 for Sunday (1970-01-01, day 0, was a Thursday).
    static func weekday(_ day: Day) -> Int {
        ((day + 3) % 7 + 7) % 7
    }
}
