import Testing
@testable import RestockCore

@Suite struct DemandClassifierTests {
    @Test func totalsThreeAndSeventeenSitExactlyOnTheCV2CutoffAndCountAsErratic() {
        // mean 10, population variance ((3-10)² + (17-10)²) / 2 = 49, cv2 = 49 / 10² = 0.49:
        // the cut-off itself, which belongs to the high-variability side (README, "The figures").
        // (√49 / 10 = 0.7 squared in floating point is 0.48999999999999994.)
        let c = DemandClassifier.classify(weekly: [3, 17])
        #expect(c.demandClass == .erratic)
        #expect(c.adi == 1)
        #expect(c.cv2 == 0.49)
    }

    @Test func totalsThreeAndSeventeenWithAGapAreLumpy() {
        // adi = 3 weeks / 2 demand weeks = 1.5 >= 1.32; cv2 = 0.49 as above.
        let c = DemandClassifier.classify(weekly: [3, 0, 17])
        #expect(c.demandClass == .lumpy)
        #expect(c.adi == 1.5)
    }

    @Test func fractionalTotalsOnTheCutoffCompareExactlyToo() {
        // 0.3 and 1.7 are 3 and 17 scaled by 1/10: the same cv2 = 0.49, compared in units × 10⁴.
        #expect(DemandClassifier.classify(weekly: [0.3, 1.7]).demandClass == .erratic)
        #expect(DemandClassifier.classify(weekly: [0.0003, 0, 0.0017]).demandClass == .lumpy)
    }

    @Test func hugeTotalsOnTheCutoffCompareExactlyInWideIntegers() {
        // 3e12 and 17e12: S1² = 4e26 needs more than 64 bits; still exactly 0.49.
        #expect(DemandClassifier.classify(weekly: [3e12, 17e12]).demandClass == .erratic)
    }

    @Test func adiOfExactly132IsIntermittent() {
        // 33 weeks, 25 with demand: adi = 33/25 = 1.32 exactly (in Double 1.32 and 33/25 may differ;
        // the class is decided by 100·33 >= 132·25, i.e. 3300 >= 3300).
        let weekly = (0..<33).map { $0 < 25 ? 5.0 : 0 }
        let c = DemandClassifier.classify(weekly: weekly)
        #expect(c.demandClass == .intermittent)
        #expect(c.cv2 == 0)
    }

    @Test func adiJustBelow132IsSmooth() {
        // 32 weeks / 25 = 1.28 < 1.32, constant sizes: smooth.
        let weekly = (0..<32).map { $0 < 25 ? 5.0 : 0 }
        #expect(DemandClassifier.classify(weekly: weekly).demandClass == .smooth)
    }

    @Test func eachClassFromAHandWorkedSeries() {
        // [5,5,6,5]: adi 1; mean 5.25, var (3·0.0625 + 0.5625)/4 = 0.1875, cv2 ≈ 0.0068: smooth.
        #expect(DemandClassifier.classify(weekly: [5, 5, 6, 5]).demandClass == .smooth)
        // [1,10,1,10]: adi 1; mean 5.5, var 20.25, cv2 = 20.25/30.25 ≈ 0.669: erratic.
        #expect(DemandClassifier.classify(weekly: [1, 10, 1, 10]).demandClass == .erratic)
        // [5,0,5,0,6]: adi 5/3 ≈ 1.67; cv2 ≈ 0.009: intermittent.
        #expect(DemandClassifier.classify(weekly: [5, 0, 5, 0, 6]).demandClass == .intermittent)
        // [1,0,0,10,0,1]: adi 2; mean 4, var (9+36+9)/3 = 18, cv2 = 1.125: lumpy.
        let lumpy = DemandClassifier.classify(weekly: [1, 0, 0, 10, 0, 1])
        #expect(lumpy.demandClass == .lumpy)
        #expect(lumpy.adi == 2)
        #expect(lumpy.cv2 == 1.125)
    }

    @Test func fewerThanTwoDemandWeeksIsNewWithoutFigures() {
        for weekly: [Double] in [[], [0, 0], [4], [0, 4, 0, 0]] {
            #expect(DemandClassifier.classify(weekly: weekly) == DemandClassification(adi: nil, cv2: nil, demandClass: .new))
        }
    }

    @Test func totalsThatAreNotMultiplesOfATenThousandthStillClassify() {
        // No exact scale: falls back to floating point, far from the cut-off here.
        // 0.00001 and 0.00005: mean 0.00003, sd 0.00002, cv2 = 4/9 ≈ 0.444 < 0.49: smooth.
        #expect(DemandClassifier.cv2AtLeastCutoff(weekly: [0.00001, 0.00005]) == nil)
        #expect(DemandClassifier.classify(weekly: [0.00001, 0.00005]).demandClass == .smooth)
    }
}

@Suite struct WideUIntTests {
    @Test func productKeepsAllOneHundredTwentyEightBits() {
        // (2⁶⁴ − 1)² = 2¹²⁸ − 2⁶⁵ + 1: high word 2⁶⁴ − 2, low word 1.
        let p = WideUInt.product(.max, .max)
        #expect(p == WideUInt(high: .max - 1, low: 1))
    }

    @Test func arithmeticReportsOverflowAndUnderflowAsNil() {
        #expect(WideUInt(high: .max, low: 0).multiplied(by: 2) == nil)
        #expect(WideUInt(high: .max, low: .max).adding(WideUInt(1)) == nil)
        #expect(WideUInt(1).subtracting(WideUInt(2)) == nil)
        #expect(WideUInt(high: 1, low: 0).subtracting(WideUInt(1)) == WideUInt(high: 0, low: .max))
        #expect(WideUInt(high: 0, low: .max).adding(WideUInt(1)) == WideUInt(high: 1, low: 0))
        #expect(WideUInt(high: 1, low: 1 << 63).multiplied(by: 4) == WideUInt(high: 6, low: 0))
    }
}
