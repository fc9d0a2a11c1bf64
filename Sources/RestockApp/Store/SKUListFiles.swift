import Foundation
import RestockCore
import SQLite

/// The SKU lists of the data folder (`SKUList`): `restock-exclude.txt` (README, "Non-stock
/// lines") and `restock-recurring.txt` (README, "One-off bulk orders"), kept in the store
/// (`sku_lists`) so that `restock report` and `restock sku` use them without the folder.
enum SKUListFiles {
    /// SKUs that are not stock.
    static let exclude = "restock-exclude.txt"
    /// SKUs whose bulk lines are recurring demand.
    static let recurring = "restock-recurring.txt"
    /// The most bytes of a list file read: far more than any list of SKUs needs.
    static let maxBytes = 4 << 20

    /// Keeps the lists of the data folder `folder` as they are now: a file present replaces
    /// its stored list, a file absent removes it. Returns the names of the files found.
    @discardableResult
    static func keep(folder: String, db: Connection) throws -> [String] {
        var found: [String] = []
        for name in [exclude, recurring] {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                let delete = try db.prepare("DELETE FROM sku_lists WHERE file = ?1")
                try delete.bind([.text(name)])
                try delete.run()
                continue
            }
            guard data.count <= maxBytes, let text = String(data: data, encoding: .utf8) else {
                throw RunError("\(name): not a UTF-8 text file of at most \(maxBytes >> 20) MB; write one SKU or pattern a line (README, Non-stock lines)")
            }
            let upsert = try db.prepare("INSERT INTO sku_lists(file, text) VALUES(?1, ?2) ON CONFLICT(file) DO UPDATE SET text = excluded.text")
            try upsert.bind([.text(name), .text(text)])
            try upsert.run()
            found.append(name)
        }
        return found
    }

    /// The stored lists, by file name.
    static func read(_ db: Connection) throws -> [String: SKUList] {
        let row = try db.prepare("SELECT file, text FROM sku_lists")
        var lists: [String: SKUList] = [:]
        while try row.step() {
            let file = row.text(0) ?? ""
            lists[file] = SKUList(file: file, text: row.text(1) ?? "")
        }
        return lists
    }

    /// The SKUs with an order line marked not stock (`stocked` = 0), each once, in byte order
    /// (of `only`, when given), through the partial index: a stream `FactsReader` walks
    /// beside the others.
    static func exportNotStocked(_ db: Connection, sku only: String?) throws -> Statement {
        let row = try db.prepare("SELECT DISTINCT sku FROM order_lines WHERE stocked = 0 AND (?1 IS NULL OR sku = ?1) ORDER BY sku")
        try row.bind([.optional(only)])
        return row
    }
}
