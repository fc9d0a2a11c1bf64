import Testing
@testable import RestockCore

@Suite struct ReportFormatTests {
    @Test func groupsThousandsAndRoundsHalfAwayFromZero() {
        #expect(ReportFormat.number(1_234_567.891, decimals: 2) == "1,234,567.89")
        #expect(ReportFormat.number(2.5) == "3")
        #expect(ReportFormat.number(-2.5) == "-3")
        #expect(ReportFormat.number(999.5) == "1,000")
        #expect(ReportFormat.number(-0.004, decimals: 2) == "0.00")
    }

    @Test func trimsTrailingZerosOnlyWhenAsked() {
        #expect(ReportFormat.number(2.50, decimals: 2, trim: true) == "2.5")
        #expect(ReportFormat.number(3, decimals: 2, trim: true) == "3")
        #expect(ReportFormat.number(3, decimals: 2) == "3.00")
    }

    @Test func writesUnitsMoneyAndPercentages() {
        #expect(ReportFormat.units(12.0) == "12")
        #expect(ReportFormat.units(2.25) == "2.3")       // 22.5 rounds away from zero to 23
        #expect(ReportFormat.units(nil as Double?) == "–")
        #expect(ReportFormat.money(1234.5) == "1,235")
        #expect(ReportFormat.money(12.5) == "12.50")
        #expect(ReportFormat.percent(0.0423) == "4.2%")
        #expect(ReportFormat.percent(nil) == "–")
        #expect(ReportFormat.count(-12_345) == "-12,345")
    }

    @Test func writesSVGCoordinatesWithoutGroupingOrExponent() {
        #expect(ReportFormat.coordinate(1234.567) == "1234.57")
        #expect(ReportFormat.coordinate(1e-9) == "0")
        #expect(ReportFormat.coordinate(.nan) == "0")
    }

    @Test func picksRoundAxisMaxima() {
        #expect(SVGChart.niceCeiling(1) == 1)
        #expect(SVGChart.niceCeiling(3) == 5)
        #expect(SVGChart.niceCeiling(51) == 100)
        #expect(SVGChart.niceCeiling(200) == 200)
    }
}
