import Testing
@testable import RestockCore

/// The data folder's SKU lists (README, "Non-stock lines").
@Suite struct SKUListTests {
    @Test func readsSKUsPatternsCommentsAndTakeOutsWithTheirLineNumbers() {
        let list = SKUList(file: "restock-exclude.txt", text: """
            # postage and fees
            POST          # line 2
            gift_*

              !gift_0001_50
            *-SERVICE
            !
            """)
        #expect(list.entries.map(\.pattern) == ["POST", "gift_*", "gift_0001_50", "*-SERVICE"])
        #expect(list.entries.map(\.line) == [2, 3, 5, 6])
        #expect(list.entries.map(\.takesOut) == [false, false, true, false])
    }

    @Test func theLastMatchingLineDecides() {
        let list = SKUList(file: "x", text: "gift_*\n!gift_0001_50\n")
        #expect(list.lists("gift_0001_10"))
        #expect(!list.lists("gift_0001_50"))
        #expect(list.lastMatch("gift_0001_50")?.line == 2)
        #expect(!list.lists("GIFT_0001_10"))  // SKUs are case-sensitive
        #expect(!list.lists("POST"))
    }

    @Test func aStarMatchesAnyRunOfCharactersIncludingNone() {
        #expect(SKUList.matches("POST*", "POST"))
        #expect(SKUList.matches("POST*", "POSTAGE"))
        #expect(!SKUList.matches("POST*", "XPOST"))
        #expect(SKUList.matches("*-SERVICE", "INSTALL-SERVICE"))
        #expect(!SKUList.matches("*-SERVICE", "INSTALL-SERVICE-2"))
        #expect(SKUList.matches("A*B*C", "AxxByyC"))
        #expect(SKUList.matches("A*B*C", "ABC"))
        #expect(!SKUList.matches("A*B*C", "AC"))
        #expect(!SKUList.matches("AB*BA", "ABA"))  // the two ends may not share a character
        #expect(SKUList.matches("*", "anything"))
        #expect(SKUList.matches("POST", "POST") && !SKUList.matches("POST", "POSTAGE"))
    }
}
