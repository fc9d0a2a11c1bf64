import SQLite

/// The store's schema, as numbered migrations (README, "The store"; ARCHITECTURE.md, "The store").
///
/// Loaded rows keep their parsed values: days are day numbers in the store's time zone
/// (recorded in `meta`), instants are microseconds since 1970-01-01T00:00:00Z, NULL where the
/// value had no time. `version` counts how often a key was replaced (0 = as first loaded).
enum Schema {
    static let migrator = Migrator([
        .init(version: 1, name: "initial", sql: """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE runs(
            id INTEGER PRIMARY KEY,
            command TEXT NOT NULL,
            pid INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            as_of TEXT,
            settings TEXT NOT NULL,
            outcome TEXT NOT NULL DEFAULT 'running',
            message TEXT);
        CREATE TABLE stages(
            run_id INTEGER NOT NULL REFERENCES runs(id),
            name TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            seconds REAL,
            rows INTEGER,
            outcome TEXT NOT NULL,
            PRIMARY KEY(run_id, name));
        CREATE TABLE ingests(
            id INTEGER PRIMARY KEY,
            run_id INTEGER REFERENCES runs(id),
            file TEXT NOT NULL,
            path TEXT NOT NULL,
            kind TEXT NOT NULL,
            size INTEGER NOT NULL,
            modified_ns INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            unchanged_of INTEGER REFERENCES ingests(id),
            rows_read INTEGER NOT NULL,
            rows_new INTEGER NOT NULL,
            rows_replaced INTEGER NOT NULL,
            duplicates INTEGER NOT NULL,
            rows_rejected INTEGER NOT NULL,
            ingested_at TEXT NOT NULL);
        CREATE INDEX ingests_file ON ingests(file, size, modified_ns);
        CREATE TABLE rejects(
            ingest_id INTEGER NOT NULL REFERENCES ingests(id),
            file TEXT NOT NULL,
            line INTEGER NOT NULL,
            column_name TEXT NOT NULL,
            value TEXT NOT NULL,
            reason TEXT NOT NULL);
        CREATE INDEX rejects_ingest ON rejects(ingest_id);
        CREATE TABLE order_lines(
            order_id TEXT NOT NULL,
            line_key TEXT NOT NULL,
            sku TEXT NOT NULL,
            day INTEGER NOT NULL,
            at INTEGER,
            quantity REAL NOT NULL,
            unit_price REAL,
            cancelled INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY(order_id, line_key)) WITHOUT ROWID;
        CREATE TABLE backorders(
            key TEXT NOT NULL PRIMARY KEY,
            order_id TEXT NOT NULL,
            sku TEXT NOT NULL,
            quantity REAL NOT NULL,
            b_day INTEGER NOT NULL,
            b_at INTEGER,
            f_day INTEGER,
            f_at INTEGER,
            c_day INTEGER,
            c_at INTEGER,
            version INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
        CREATE INDEX backorders_order ON backorders(order_id, sku);
        CREATE TABLE products(
            sku TEXT NOT NULL PRIMARY KEY,
            name TEXT, category TEXT, supplier TEXT,
            unit_cost REAL, unit_price REAL, on_hand REAL, on_order REAL,
            reorder_point REAL, order_quantity REAL, lead_time_days REAL,
            service_level REAL, case_pack INTEGER,
            version INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
        CREATE TABLE receipts(
            po_id TEXT NOT NULL,
            sku TEXT NOT NULL,
            supplier TEXT,
            o_day INTEGER NOT NULL,
            o_at INTEGER,
            r_day INTEGER NOT NULL,
            r_at INTEGER,
            quantity REAL,
            version INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY(po_id, sku)) WITHOUT ROWID;
        CREATE TABLE run_results(
            run_id INTEGER NOT NULL REFERENCES runs(id),
            sku TEXT NOT NULL,
            reorder_point REAL NOT NULL,
            reorder_point_increase REAL NOT NULL,
            order_now_units REAL,
            revenue_at_risk REAL NOT NULL,
            recommended INTEGER NOT NULL,
            PRIMARY KEY(run_id, sku)) WITHOUT ROWID;
        """),
        // Per-SKU digests a run reads instead of all rows (`DigestWriter` keeps them current;
        // the store fills them on first open after this migration, see `Store`).
        .init(version: 2, name: "per-SKU digests", sql: """
        CREATE TABLE sku_days(
            block INTEGER NOT NULL,
            sku TEXT NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY(block, sku)) WITHOUT ROWID;
        CREATE TABLE sku_events(
            sku TEXT NOT NULL PRIMARY KEY,
            data BLOB NOT NULL);
        INSERT INTO meta(key, value) VALUES('digests', 'to build');
        """),
        // Each reject's `Rejection.Code`, so that nothing reads the reason text back; rows
        // stored before are given theirs from their reason.
        .init(version: 3, name: "reject codes", sql: """
        ALTER TABLE rejects ADD COLUMN code TEXT NOT NULL DEFAULT '';
        UPDATE rejects SET code = \(legacyRejectCode);
        """),
        // Order lines with a negative quantity (credits), read by every run (`FactsReader`).
        .init(version: 4, name: "credits index", sql: """
        CREATE INDEX order_lines_credits ON order_lines(day) WHERE quantity < 0;
        """),
        // The shop export format each file was read as (`ExportFormat`'s raw value); NULL for
        // restock's own columns and for files ingested before.
        .init(version: 5, name: "ingest formats", sql: """
        ALTER TABLE ingests ADD COLUMN format TEXT;
        """),
        // What an order line records of its shipping (README, "Backorders inferred from
        // orders"): fulfilled and cancelled days and instants, the statuses' verdict
        // (`shipping`: 1 shipped, 0 not yet, NULL unknown), shipped and backordered units.
        // The index holds the lines that may have gone on backorder, whatever the handling
        // days (`FactsReader` reads them with `lateLineCondition`).
        .init(version: 6, name: "order line fulfilment", sql: """
        ALTER TABLE order_lines ADD COLUMN f_day INTEGER;
        ALTER TABLE order_lines ADD COLUMN f_at INTEGER;
        ALTER TABLE order_lines ADD COLUMN c_day INTEGER;
        ALTER TABLE order_lines ADD COLUMN c_at INTEGER;
        ALTER TABLE order_lines ADD COLUMN shipping INTEGER;
        ALTER TABLE order_lines ADD COLUMN shipped REAL;
        ALTER TABLE order_lines ADD COLUMN backordered REAL;
        CREATE INDEX order_lines_late ON order_lines(sku) WHERE \(lateLineCondition);
        """),
        // Non-stock marks (README, "Non-stock lines"): the `stocked` column of order lines
        // and products, the few lines marked not stock indexed for every run, and the SKU
        // lists of the data folder (`restock-exclude.txt`, `restock-recurring.txt`) by file name.
        .init(version: 7, name: "non-stock marks and SKU lists", sql: """
        ALTER TABLE order_lines ADD COLUMN stocked INTEGER;
        ALTER TABLE products ADD COLUMN stocked INTEGER;
        CREATE INDEX order_lines_not_stocked ON order_lines(sku) WHERE stocked = 0;
        CREATE TABLE sku_lists(file TEXT PRIMARY KEY, text TEXT NOT NULL) WITHOUT ROWID;
        """),
        // A file's status change time and identity beside its fingerprint, so that a file no
        // one has written since it was fingerprinted is not read whole again to prove it
        // unchanged (README, "Bad rows, keys and loading again"; `IngestLedger.knownFingerprint`).
        .init(version: 8, name: "ingested files' change time and identity", sql: """
        ALTER TABLE ingests ADD COLUMN changed_ns INTEGER;
        ALTER TABLE ingests ADD COLUMN file_id TEXT;
        """),
        // Ids keyed by their width first (`KeyWidth`), so that ids numbered upwards still come
        // in key order once they gain a digit: the three keyed tables are made again with a
        // width column first in their key, their rows copied, their indexes made again word
        // for word. The rows are copied in the old key order, not sorted: where ids have one
        // width that is the new order, otherwise one run per width (sorting them made the
        // upgrade of the 100,000-SKU store take 79 s instead of 44 s). The width is also the
        // first column declared: SQLite 3.40's integrity_check reports false "NULL value"
        // errors in a WITHOUT ROWID table whose key columns are not its leftmost ones.
        .init(version: 9, name: "ids keyed by their width first", sql: """
        CREATE TABLE order_lines_by_width(
            order_id_width INTEGER NOT NULL,
            order_id TEXT NOT NULL,
            line_key TEXT NOT NULL,
            sku TEXT NOT NULL,
            day INTEGER NOT NULL,
            at INTEGER,
            quantity REAL NOT NULL,
            unit_price REAL,
            cancelled INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 0,
            f_day INTEGER, f_at INTEGER, c_day INTEGER, c_at INTEGER,
            shipping INTEGER, shipped REAL, backordered REAL,
            stocked INTEGER,
            PRIMARY KEY(order_id_width, order_id, line_key)) WITHOUT ROWID;
        INSERT INTO order_lines_by_width(order_id_width, \(orderLineColumnsV8))
            SELECT \(KeyWidth.sql("order_id")), \(orderLineColumnsV8) FROM order_lines;
        DROP TABLE order_lines;
        ALTER TABLE order_lines_by_width RENAME TO order_lines;
        CREATE INDEX order_lines_credits ON order_lines(day) WHERE quantity < 0;
        CREATE INDEX order_lines_late ON order_lines(sku) WHERE \(lateLineCondition);
        CREATE INDEX order_lines_not_stocked ON order_lines(sku) WHERE stocked = 0;
        CREATE TABLE backorders_by_width(
            key_width INTEGER NOT NULL,
            key TEXT NOT NULL,
            order_id TEXT NOT NULL,
            sku TEXT NOT NULL,
            quantity REAL NOT NULL,
            b_day INTEGER NOT NULL,
            b_at INTEGER,
            f_day INTEGER,
            f_at INTEGER,
            c_day INTEGER,
            c_at INTEGER,
            version INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY(key_width, key)) WITHOUT ROWID;
        INSERT INTO backorders_by_width(key_width, \(backorderColumnsV8))
            SELECT \(KeyWidth.backorderSQL), \(backorderColumnsV8) FROM backorders;
        DROP TABLE backorders;
        ALTER TABLE backorders_by_width RENAME TO backorders;
        CREATE INDEX backorders_order ON backorders(order_id, sku);
        CREATE TABLE receipts_by_width(
            po_id_width INTEGER NOT NULL,
            po_id TEXT NOT NULL,
            sku TEXT NOT NULL,
            supplier TEXT,
            o_day INTEGER NOT NULL,
            o_at INTEGER,
            r_day INTEGER NOT NULL,
            r_at INTEGER,
            quantity REAL,
            version INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY(po_id_width, po_id, sku)) WITHOUT ROWID;
        INSERT INTO receipts_by_width(po_id_width, \(receiptColumnsV8))
            SELECT \(KeyWidth.sql("po_id")), \(receiptColumnsV8) FROM receipts;
        DROP TABLE receipts;
        ALTER TABLE receipts_by_width RENAME TO receipts;
        """),
    ])

    /// The columns of order_lines, backorders and receipts before migration 9, in their
    /// order: what it copies. Part of migration 9, so they never change.
    private static let orderLineColumnsV8 = """
        order_id, line_key, sku, day, at, quantity, unit_price, cancelled, version,
        f_day, f_at, c_day, c_at, shipping, shipped, backordered, stocked
        """
    private static let backorderColumnsV8 = "key, order_id, sku, quantity, b_day, b_at, f_day, f_at, c_day, c_at, version"
    private static let receiptColumnsV8 = "po_id, sku, supplier, o_day, o_at, r_day, r_at, quantity, version"

    /// The order lines that may have gone on backorder by README, "Backorders inferred from
    /// orders", for any handling days: a positive quantity, and units put on backorder,
    /// shipped a day or more after the order, not shipped in full, or not shipped yet by the
    /// statuses. Part of migration 6 (its partial index), so it never changes; a query that
    /// repeats it word for word reads the index.
    static let lateLineCondition =
        "quantity > 0 AND (backordered > 0 OR f_day > day OR shipped < quantity OR shipping = 0)"

    /// The `Rejection.Code` (as `stored`) of a `rejects` row written before migration 3,
    /// recognised from the reasons restock 0.1 and 0.2 wrote: an SQL expression over
    /// `column_name` and `reason`. Part of migration 3, so it never changes.
    static let legacyRejectCode = """
        CASE
        WHEN column_name = '' THEN 'extra_cells'
        WHEN reason = column_name || ' is required but the cell is empty' THEN 'empty_cell'
        \(legacyNumberCodes.map { rule, words in """
            WHEN reason = column_name || ' is required but the cell is empty (expected \(words))' THEN 'empty_number:\(rule)'
            WHEN instr(reason, column_name || ' must be \(words), got "') = 1 THEN 'bad_number:\(rule)'
            """ }.joined(separator: "\n"))
        WHEN instr(reason, column_name || ' must be a date (YYYY-MM-DD) or ISO 8601 date-time, got "') = 1 THEN 'bad_date'
        WHEN instr(reason, 'a backorder cannot be both fulfilled and cancelled; ') = 1 THEN 'fulfilled_and_cancelled'
        WHEN instr(reason, 'fulfilled_at must not be before backordered_at (') = 1 THEN 'fulfilled_before_backordered'
        WHEN instr(reason, 'cancelled_at must not be before backordered_at (') = 1 THEN 'cancelled_before_backordered'
        WHEN instr(reason, 'received_at must not be before ordered_at (') = 1 THEN 'received_before_ordered'
        ELSE '' END
        """

    /// The number rules of restock 0.1 and 0.2 as stored and in words, for `legacyRejectCode`.
    private static let legacyNumberCodes = [
        ("positive", "a number greater than 0"), ("non_negative", "a number of 0 or more"),
        ("service_level", "a number from 0.5 to 0.999"), ("case_pack", "a whole number of 1 or more"),
    ]
}
