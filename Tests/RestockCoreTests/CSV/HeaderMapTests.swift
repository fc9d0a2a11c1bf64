import Testing
@testable import RestockCore

@Suite struct HeaderMapTests {
    @Test func matchesNamesCaseInsensitivelyAfterTrimming() {
        let header = HeaderMap([" Order_ID", "SKU\t", "quantity"])
        #expect(header.names == ["order_id", "sku", "quantity"])
        #expect(header.index(of: "order_id") == 0)
        #expect(header.index(of: "Sku") == 1)
        #expect(header.index(of: " QUANTITY ") == 2)
        #expect(header.index(of: "status") == nil)
    }

    @Test func listsMissingRequiredColumnsInTheirOrder() {
        let header = HeaderMap(["sku", "extra"])
        #expect(header.missing(required: ["order_id", "sku", "quantity"]) == ["order_id", "quantity"])
        #expect(header.missing(required: ["sku"]).isEmpty)
    }

    @Test func reportsDuplicatedNamesAndKeepsTheFirst() {
        let header = HeaderMap(["sku", "SKU", "qty", "Qty ", "sku"])
        #expect(header.duplicates == ["sku", "qty"])
        #expect(header.index(of: "sku") == 0)
        do {
            try header.checkNoDuplicates(file: "orders.csv", line: 1)
            Issue.record("expected a duplicate-column error")
        } catch {
            #expect(error.description == "orders.csv:1: column 'sku' appears more than once in the header; fix: rename or remove one of the columns")
        }
    }

    @Test func headerWithoutDuplicatesPassesTheCheck() throws {
        try HeaderMap(["a", "b"]).checkNoDuplicates(file: "x.csv", line: 1)
    }
}
