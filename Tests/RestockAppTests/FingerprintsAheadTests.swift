import Foundation
import Testing
@testable import RestockApp

/// The fingerprints an ingest takes ahead on a thread of its own are the ones it would
/// take in turn, and a file that cannot be fingerprinted fails when the ingest reaches it.
@Suite struct FingerprintsAheadTests {
    @Test func fingerprintsTakenAheadEqualThoseTakenInTurn() throws {
        let dir = dataFolder([
            "orders.csv": "order_id,line,sku,ordered_at,quantity\nA1,1,SKU-1,2026-11-01,2\n",
            "orders-2.csv": "order_id,line,sku,ordered_at,quantity\nA2,1,SKU-2,2026-11-02,3\n",
            "receipts.csv": String(repeating: "x", count: 3 << 20),
        ])
        let files = try InputFile.collect([dir])
        #expect(files.count == 3)
        let ahead = FingerprintsAhead(files)
        for (index, file) in files.enumerated() {
            #expect(try ahead.fingerprint(index) == file.fingerprint())
        }
        // Two different contents, two different fingerprints.
        #expect(try ahead.fingerprint(0) != ahead.fingerprint(1))
    }

    @Test func aFileThatIsNoLongerRegularFailsWhenTheIngestReachesIt() throws {
        let dir = dataFolder(["orders.csv": "order_id,line,sku,ordered_at,quantity\nA1,1,SKU-1,2026-11-01,2\n",
                              "products.csv": "sku\nSKU-1\n"])
        let files = try InputFile.collect([dir])
        // products.csv replaced by a folder after the scan: the second fingerprint fails.
        let products = files[1].path
        try FileManager.default.removeItem(atPath: products)
        try FileManager.default.createDirectory(atPath: products, withIntermediateDirectories: false)
        let ahead = FingerprintsAhead(files)
        #expect(try ahead.fingerprint(0) == files[0].fingerprint())
        #expect(throws: RunError.self) { try ahead.fingerprint(1) }
    }
}
