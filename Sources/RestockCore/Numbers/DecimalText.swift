/// The text of a number held as a whole count of 10^-places units, written without a format
/// string: `fixed(206, places: 1)` is "20.6", `fixed(-3, places: 1)` is "-0.3". With
/// `trimmingZeros`, zeros after the point (and then the point) are dropped:
/// `fixed(25_000, places: 4, trimmingZeros: true)` is "2.5", and zero is "0".
public enum DecimalText {
    public static func fixed(_ units: Int64, places: Int, trimmingZeros: Bool = false) -> String {
        precondition(places >= 1 && places <= 18, "1...18 places")
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let magnitude = units.magnitude
        let sign = units < 0 ? "-" : ""
        var fraction = magnitude % scale
        var digits = places
        if trimmingZeros {
            if units == 0 { return "0" }
            if fraction == 0 { return sign + String(magnitude / scale) }
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
        }
        let part = String(fraction)
        return sign + String(magnitude / scale) + "." + String(repeating: "0", count: digits - part.count) + part
    }
}
