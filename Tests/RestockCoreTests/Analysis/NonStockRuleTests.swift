import Testing
@testable import RestockCore

/// Which SKUs are not stock, and who says so (README, "Non-stock lines").
@Suite struct NonStockRuleTests {
    func rule(_ sku: String, stocked: Bool? = nil, name: String? = nil, export: Bool = false, list: String? = nil) -> NonStock? {
        NonStockRule.nonStock(sku: sku, stocked: stocked, name: name, exportSaysNotStock: export,
                              exclude: list.map { SKUList(file: "restock-exclude.txt", text: $0) })
    }

    @Test func postageManualAndGiftVoucherCodesAreRecognisedBuiltIn() {
        #expect(rule("POST")?.source == .builtIn)
        #expect(rule("POST")?.why == "built in: postage")
        #expect(rule("DOT")?.source == .builtIn)
        #expect(rule("M")?.why == "built in: manual adjustment")
        #expect(rule("m")?.why == "built in: manual adjustment")
        #expect(rule("BANK CHARGES")?.source == .builtIn)
        #expect(rule("gift_0001_20")?.why == "built in: gift voucher")
        #expect(rule("ITEM-1", name: "Postage")?.why == "built in: postage")
    }

    @Test func ordinaryCodesAreStock() {
        for sku in ["85123A", "POSTER-1", "MUG", "DOTTY-CUP", "23843", "C3", "SKU-000001"] {
            #expect(rule(sku) == nil, "\(sku)")
        }
    }

    @Test func blanksAroundACodeAndItsCaseDoNotMatterWhetherItIsASCIIOrNot() {
        // Spaces and tabs at either end are trimmed, inner ones kept; case is ignored.
        #expect(NonStockRule.builtInMatch(code: " post\t") == "postage")
        #expect(NonStockRule.builtInMatch(code: "\tBank Charges ") == "bank charges")
        #expect(NonStockRule.builtInMatch(code: "BANK  CHARGES") == nil)
        #expect(NonStockRule.builtInMatch(code: "  Gift Card for Anna") == "gift card")
        #expect(NonStockRule.builtInMatch(code: "GIFT_") == "gift voucher")
        #expect(NonStockRule.builtInMatch(code: "gift") == nil)
        #expect(NonStockRule.builtInMatch(code: " \t ") == nil)
        #expect(NonStockRule.builtInMatch(code: "POSTAGE2") == nil)
        // Not ASCII: Unicode trimming (a no-break space is a blank) and case mapping.
        #expect(NonStockRule.builtInMatch(code: "\u{00A0}post") == "postage")
        #expect(NonStockRule.builtInMatch(code: "Gift card für Anna") == "gift card")
        #expect(NonStockRule.builtInMatch(code: "PÖST") == nil)
    }

    @Test func theExcludeListComesFirstAndATakeOutBringsASKUBack() {
        #expect(rule("MUG", list: "MU*")?.why == "restock-exclude.txt line 1: MU*")
        #expect(rule("POST", list: "!POST") == nil)
        #expect(rule("POST", stocked: false, list: "!POST") == nil)
        #expect(rule("MUG", stocked: true, list: "MUG")?.source == .excludeList)
    }

    @Test func productsStockedDecidesBeforeTheExportAndTheBuiltInList() {
        #expect(rule("MUG", stocked: false)?.source == .products)
        #expect(rule("POST", stocked: true) == nil)
        #expect(rule("GIFT", stocked: true, export: true) == nil)
        #expect(rule("CARD-10", export: true)?.source == .export)
    }

    @Test func whyStartsWithWhoSaidSo() {
        #expect(rule("POST")?.why == "built in: postage")
        #expect(rule("MUG", stocked: false)?.why == "products: stocked = no")
        #expect(rule("CARD-10", export: true)?.why == "export: its order lines are marked not stock (needs no shipping)")
        #expect(rule("MUG", list: "# x\nMUG")?.why == "restock-exclude.txt line 2: MUG")
    }
}
