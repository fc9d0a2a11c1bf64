import RestockCore
import SQLite

/// Keeps the store's per-SKU digests (`sku_days`, `sku_events`) equal to what its rows reduce
/// to, inside the ingest's transaction: a run then reads the digests, and a night's work grows
/// with the night's new rows and the number of SKUs, not with all of history.
///
/// - Order lines: every stored, replaced or taken-out line adds its `DailyTotal` delta
///   (`DailyDeltas`, summed on a thread of its own: `DailyDeltasThread`); the deltas are merged
///   into the stored 64-day blocks when they grow large and at the end.
/// - Backorders and receipts: a stored or replaced row becomes an edit (`SKUEvents.Edit`) of
///   its SKU's record, held on a thread of their own (`RecordEditsThread`); an order whose
///   lines may have changed is marked, and its lines of the SKU are read again at the end.
///   Each touched record is then read, edited and written once.
///
/// The logic is RestockCore's; this class reads and writes the blobs (`DailyTotalsBlock+Codec`,
/// `SKUEventsCodec`).
final class DigestWriter {
    private let db: Connection
    /// Numbers, sums and drains the daily-total deltas, on its own thread.
    private let sums: DailyDeltasThread
    /// Deltas of lines not yet handed to `sums` (see `note`).
    private var noted: [(sku: String, total: DailyTotal)] = []
    /// Numbers the SKUs of the record edits and holds the edits and marks, on its own thread;
    /// beyond `eventFlushBytes` (or `eventFlushThreshold` edits) they are written out.
    private let held: RecordEditsThread
    /// Edits and marks not yet handed to `held`.
    private var batch: [RecordEditsThread.Item] = []
    /// Edits held since the records were last written, and their bytes as `PendingEdits`
    /// counts them (counted here, so that the records are written at the same rows as when
    /// this thread held the edits itself).
    private var heldCount = 0
    private var heldBytes = 0
    /// The edits being written (`writeEditedEvents`), as `held` handed them back.
    private var edits = PendingEdits()
    /// Merge pending deltas into the store beyond this many (bounds memory on a first load).
    private let flushThreshold: Int
    private let eventFlushThreshold: Int
    private let eventFlushBytes: Int
    /// Whether the store held backorders before this ingest: only then can a new order line
    /// belong to a backorder that this ingest did not write (and so must be looked up).
    private var hadBackorders: Bool
    /// Whether the store held event records before this ingest (else there is nothing to read back).
    private var hadEvents: Bool
    /// Items handed to `held` at a time.
    private static let batchSize = 4_096
    /// Times the held record edits were written out (middle and end of the ingest).
    private(set) var recordWrites = 0

    private let probeBackorder: Statement
    private let readBlock: Statement
    private let writeBlock: Statement
    private let deleteBlock: Statement
    private let orderLines: Statement
    private let readEvents: Statement
    private let writeEvents: Statement
    /// Rewrites a stored record in place (keeps its row, unlike REPLACE's delete and insert).
    private let updateEvents: Statement
    private let deleteEvents: Statement

    /// Record edits held before they are written, in their encoded bytes (`PendingEdits`):
    /// 160 MiB. A first load of 100,000 SKUs (3.6 million backorders and receipts, about 151 MB
    /// encoded by the layout's sizes) then writes each record once; 300,000 SKUs write them
    /// three times. Held as `Edit` values, 2 million edits were the limit: with 4 million a
    /// first load of 300,000 SKUs peaked at 972-1,023 MiB (Sources/PERFORMANCE.md, "Record
    /// edits held encoded").
    static let defaultEventFlushBytes = 160 << 20

    /// `eventFlushThreshold`: edits held at most whatever their bytes (tests use small ones).
    init(_ db: Connection, flushThreshold: Int = 1_000_000, eventFlushThreshold: Int = .max,
         eventFlushBytes: Int = defaultEventFlushBytes) throws {
        self.db = db
        self.flushThreshold = flushThreshold
        self.eventFlushThreshold = eventFlushThreshold
        self.eventFlushBytes = eventFlushBytes
        hadBackorders = try db.scalarInt("SELECT EXISTS(SELECT 1 FROM backorders)") == 1
        hadEvents = try db.scalarInt("SELECT EXISTS(SELECT 1 FROM sku_events)") == 1
        // Whether the store held daily totals before this ingest; if not, only the blocks an
        // earlier flush of this ingest wrote can be there (`DailyDeltasThread` knows those).
        let hadDays = try db.scalarInt("SELECT EXISTS(SELECT 1 FROM sku_days)") == 1
        sums = DailyDeltasThread(flushThreshold: flushThreshold, hadDays: hadDays)
        held = RecordEditsThread()
        probeBackorder = try db.prepare("SELECT 1 FROM backorders WHERE order_id=? AND sku=? LIMIT 1")
        readBlock = try db.prepare("SELECT data FROM sku_days WHERE block=? AND sku=?")
        writeBlock = try db.prepare("INSERT OR REPLACE INTO sku_days(block, sku, data) VALUES(?, ?, ?)")
        deleteBlock = try db.prepare("DELETE FROM sku_days WHERE block=? AND sku=?")
        orderLines = try db.prepare("SELECT day, cancelled OR quantity < 0 FROM order_lines WHERE order_id_width=? AND order_id=? AND sku=?")
        readEvents = try db.prepare("SELECT data FROM sku_events WHERE sku=?")
        writeEvents = try db.prepare("INSERT OR REPLACE INTO sku_events(sku, data) VALUES(?, ?)")
        updateEvents = try db.prepare("UPDATE sku_events SET data=?2 WHERE sku=?1")
        deleteEvents = try db.prepare("DELETE FROM sku_events WHERE sku=?")
    }

    /// The values of an order line that the digests depend on.
    struct OrderLine: Equatable {
        var orderId: String
        var sku: String
        var day: Day
        var cancelled: Bool
        var quantity: Double
        var unitPrice: Double?
    }

    /// An order line was stored (`old` nil) or replaced.
    func orderLine(old: OrderLine?, new: OrderLine) throws {
        // What a backordered order's lines keep of a line: its SKU, day and cancellation.
        let moved = old.map { $0.sku != new.sku || $0.day != new.day || $0.cancelled != new.cancelled } ?? true
        if let old {
            note(old.sku, DailyTotal(day: old.day, cancelled: old.cancelled, units: old.quantity, price: old.unitPrice, sign: -1))
            if moved { try lineChanged(orderId: old.orderId, sku: old.sku) }
        }
        if moved { try lineChanged(orderId: new.orderId, sku: new.sku) }
        note(new.sku, DailyTotal(day: new.day, cancelled: new.cancelled, units: new.quantity, price: new.unitPrice))
    }

    /// A backorder was stored or replaced; `oldSKU` is the SKU a replaced row had.
    func backorder(key: String, oldSKU: String?, sku: String, _ b: SKUEvents.Backorder) {
        if let oldSKU, oldSKU != sku { hold(.removeBackorder(key: key), of: oldSKU) }
        hold(.setBackorder(key: key, b), of: sku)
        mark(b.orderId, sku)
    }

    /// A receipt was stored or replaced.
    func receipt(poId: String, sku: String, _ r: ReceiptFact) {
        hold(.setReceipt(poId: poId, r), of: sku)
    }

    /// Merges the pending deltas into the store when they outgrew the threshold (called
    /// between rows, so memory stays bounded however large the load).
    func flushIfLarge() throws {
        if noted.count >= min(200_000, flushThreshold) { handOver() }
        while let drained = sums.nextDrained(wait: false) { try write(drained) }
        if batch.count >= Self.batchSize { handOverEdits() }
        if heldBytes >= eventFlushBytes || heldCount >= eventFlushThreshold {
            let drained = drainHeld(final: false)
            try writeEditedEvents(names: drained.names, rank: drained.ranks)
            // Millions of edits were just freed on this thread's heap, and the daily totals are
            // summed on another thread's: without this their pages would add up (at 300,000
            // SKUs a first load's peak went from 1,023 MiB to the figure in README, "Performance").
            FreedMemory.returnToSystem()
        }
    }

    /// Merges the pending daily deltas into `sku_days` and writes the edited `sku_events`.
    func finish() throws {
        handOver()
        try drainAll(sums)
        Trace.mark("digests: daily totals merged")
        var drained = drainHeld(final: true)
        try readMarkedOrders(&drained.marks, names: drained.names)
        drained.marks = []
        FreedMemory.returnToSystem()
        try writeEditedEvents(names: drained.names, rank: drained.ranks)
        Trace.mark("digests: backorders and receipts")
    }

    /// Counts every stored row afresh: empties both digests, then adds every row. Used when a
    /// store gains digests (schema 2).
    func rebuildAll() throws {
        try db.execute("DELETE FROM sku_days; DELETE FROM sku_events")
        (hadEvents, hadBackorders) = (false, false)
        let rebuilt = DailyDeltasThread(flushThreshold: flushThreshold, hadDays: false)
        let lines = try db.prepare("SELECT sku, day, cancelled, quantity, unit_price FROM order_lines")
        while try lines.step() {
            note(lines.text(0) ?? "", DailyTotal(day: lines.int(1), cancelled: lines.int(2) != 0, units: lines.double(3),
                                                 price: lines.optionalDouble(4)))
            // Merged as soon as `flushThreshold` deltas are spilled, delta by delta.
            if noted.count >= 200_000 { handOver(to: rebuilt, drainAtEach: true) }
            while let drained = rebuilt.nextDrained(wait: false) { try write(drained) }
        }
        handOver(to: rebuilt, drainAtEach: true)
        try drainAll(rebuilt)
        let backorders = try db.prepare("SELECT key, sku, order_id, quantity, b_day, f_day, c_day FROM backorders")
        while try backorders.step() {
            backorder(key: backorders.text(0) ?? "", oldSKU: nil, sku: backorders.text(1) ?? "",
                      SKUEvents.Backorder(orderId: backorders.text(2) ?? "", quantity: backorders.double(3),
                                          backorderedDay: backorders.int(4), fulfilledDay: backorders.optionalInt(5),
                                          cancelledDay: backorders.optionalInt(6)))
        }
        let receipts = try db.prepare("SELECT po_id, sku, supplier, o_day, r_day, quantity FROM receipts")
        while try receipts.step() {
            receipt(poId: receipts.text(0) ?? "", sku: receipts.text(1) ?? "",
                    ReceiptFact(supplier: receipts.text(2), orderedDay: receipts.int(3), receivedDay: receipts.int(4),
                                quantity: receipts.optionalDouble(5)))
        }
        try finish()
    }

    // MARK: - Record edits

    /// Holds an edit of `sku`'s record: counted here, numbered and kept by `held`.
    private func hold(_ edit: SKUEvents.Edit, of sku: String) {
        heldCount += 1
        heldBytes += PendingEdits.encodedSize(of: edit)
        batch.append(.edit(sku: sku, edit))
    }

    /// Marks an order whose lines of `sku` the record must read again at the end.
    private func mark(_ order: String, _ sku: String) {
        batch.append(.mark(order: order, sku: sku))
    }

    /// Everything `held` holds, once the batch is in: its edits become `edits` (the only copy,
    /// so that taking them copies nothing), the rest is returned.
    private func drainHeld(final: Bool) -> RecordEditsThread.Held {
        handOverEdits()
        var drained = held.drain(final: final)
        edits = drained.edits
        drained.edits = PendingEdits()
        (heldCount, heldBytes) = (0, 0)
        return drained
    }

    /// Hands the batch of edits and marks to `held`.
    private func handOverEdits() {
        guard !batch.isEmpty else { return }
        held.add(batch)
        batch = []
        batch.reserveCapacity(Self.batchSize)
    }

    // MARK: - Daily totals

    /// Notes a line's delta as it comes. SKUs are numbered later, in bulk and on another
    /// thread (`DailyDeltasThread`): looking a SKU up between two SQLite writes costs several
    /// cache misses, in a tight loop far less.
    private func note(_ sku: String, _ delta: DailyTotal) {
        if delta.isZero { return }
        noted.append((sku, delta))
    }

    /// Hands the noted deltas to the thread that sums them.
    private func handOver(to thread: DailyDeltasThread? = nil, drainAtEach: Bool = false) {
        guard !noted.isEmpty else { return }
        (thread ?? sums).add(noted, drainAtEach: drainAtEach)
        noted = []
        noted.reserveCapacity(min(200_000, flushThreshold))
    }

    /// Ends `thread`'s deltas and writes its drains up to the last.
    private func drainAll(_ thread: DailyDeltasThread) throws {
        thread.finish()
        while let drained = thread.nextDrained(wait: true) {
            if !drained.blocks.isEmpty { try write(drained) }
            if drained.isLast { break }
        }
    }

    /// Writes one drain's blocks, in their (block, sku) order: a new block's bytes as they
    /// come, another merged with the stored block.
    private func write(_ drained: DailyDeltasThread.Drained) throws {
        Trace.mark("digests: \(drained.deltaCount) daily deltas pending")
        defer { Trace.mark("digests: flushed") }
        for item in drained.blocks {
            if let blob = item.blob {
                try put(blob, block: item.block, sku: item.sku)
                continue
            }
            let stored = try storedBlock(item.block, sku: item.sku)
            let merged = DailyTotalsBlock.merge(stored, drained.totals[item.range])
            if merged.isEmpty {
                if !stored.isEmpty {
                    deleteBlock.reset()
                    try deleteBlock.bind([.integer(Int64(item.block)), .text(item.sku)])
                    try deleteBlock.run()
                }
            } else if merged != stored {
                try put(DailyTotalsBlock.encode(merged, block: item.block), block: item.block, sku: item.sku)
            }
        }
    }

    /// Writes one block's bytes.
    private func put(_ blob: [UInt8], block: Int, sku: String) throws {
        writeBlock.reset()
        try writeBlock.bind(.integer(Int64(block)), at: 1)
        try writeBlock.bind(text: sku, at: 2)
        try writeBlock.bind(blob: blob, at: 3)
        try writeBlock.run()
    }

    /// The stored totals of one block of one SKU (none when the row is absent).
    private func storedBlock(_ block: Int, sku: String) throws -> [DailyTotal] {
        readBlock.reset()
        defer { readBlock.reset() }
        try readBlock.bind(.integer(Int64(block)), at: 1)
        try readBlock.bind(text: sku, at: 2)
        guard try readBlock.step() else { return [] }
        return try readBlock.withBlob(0) { bytes throws in try DailyTotalsBlock.decode(bytes, block: block) }
    }

    // MARK: - Backorders and receipts

    /// An order line of (order_id, sku) came, went or changed: when a backorder of that order
    /// and SKU was stored before this ingest, the SKU's record must read the order's lines
    /// again. (Backorders this ingest writes mark their order themselves.)
    private func lineChanged(orderId: String, sku: String) throws {
        guard hadBackorders else { return }
        probeBackorder.reset()
        try probeBackorder.bind(text: orderId, at: 1)
        try probeBackorder.bind(text: sku, at: 2)
        let hit = try probeBackorder.step()
        probeBackorder.reset()
        if hit { mark(orderId, sku) }
    }

    /// Reads the lines of every marked order, in the table's key order (`KeyWidth`: neighbouring keys share pages),
    /// into `edits`; `names` are the SKUs' by the marks' numbers.
    private func readMarkedOrders(_ marks: inout [(order: String, sku: Int32)], names: [String]) throws {
        guard !marks.isEmpty else { return }
        var lines: [SKUEvents.Line] = []
        var previous: (order: String, sku: Int32)?
        marks.sort { $0.order != $1.order ? KeyWidth.precedes($0.order, $1.order) : $0.sku < $1.sku }
        for mark in marks {
            if let previous, previous.order == mark.order && previous.sku == mark.sku { continue }
            previous = mark
            lines.removeAll(keepingCapacity: true)
            orderLines.reset()
            try orderLines.bind(int: KeyWidth.of(mark.order), at: 1)
            try orderLines.bind(text: mark.order, at: 2)
            try orderLines.bind(text: names[Int(mark.sku)], at: 3)
            while try orderLines.step() { lines.append(SKUEvents.Line(day: orderLines.int(0), cancelled: orderLines.int(1) != 0)) }
            orderLines.reset()
            edits.setLines(orderId: mark.order, lines, of: Int(mark.sku))
        }
        Trace.mark("digests: \(marks.count) orders' lines read")
    }

    /// One SKU's record to edit: its stored bytes (nil: none) and the held edits, still
    /// encoded (decoded by the thread that edits).
    private struct RecordEdit: Sendable {
        var sku: String
        var stored: [UInt8]?
        var held: PendingEdits.Held
    }

    /// SKUs' records edited at a time: the next chunk's are edited and encoded on another
    /// thread while this one writes the chunk before.
    private static let recordsPerChunk = 2_048

    /// Applies the held edits to the SKUs' records, in SKU order: read, edit, write once each.
    /// Reading and writing stay on this thread (the connection's); decoding the held edits,
    /// editing and encoding go to the other cores (`OverlappedChunks`, `ParallelChunks`), a
    /// stored record edited in its bytes (`SKUEventsCodec.edited`).
    private func writeEditedEvents(names: [String], rank: [Int]) throws {
        let touched = edits.ids.sorted { rank[$0] < rank[$1] }
        var next = 0
        let chunks = OverlappedChunks<[RecordEdit], [(sku: String, replacing: Bool, bytes: Result<[UInt8]?, any Error>)]>(
            read: { [self] in
                guard next < touched.count else { return nil }
                let ids = touched[next ..< min(next + Self.recordsPerChunk, touched.count)]
                next = ids.endIndex
                return try ids.map { id in
                    RecordEdit(sku: names[id], stored: hadEvents ? try storedRecord(names[id]) : nil, held: edits.takeHeld(id))
                }
            },
            compute: { chunk in
                ParallelChunks.map(items: chunk.count, pieceSize: 256) { i in
                    (chunk[i].sku, chunk[i].stored != nil, Result { try Self.edited(chunk[i]) })
                }
            })
        _ = try chunks.run { records in
            for record in records { try writeRecord(record.bytes.get(), sku: record.sku, replacing: record.replacing) }
        }
        if !touched.isEmpty {
            hadEvents = true
            recordWrites += 1
        }
        Trace.mark("digests: \(touched.count) SKUs' backorders and receipts written")
    }

    /// A record's bytes after its edits, nil when no backorder and no receipt is left.
    private static func edited(_ record: RecordEdit) throws -> [UInt8]? {
        let edits = record.held.edits
        guard let stored = record.stored else {
            var events = SKUEvents()
            events.apply(edits)
            return events.isEmpty ? nil : events.encode()
        }
        return try stored.withUnsafeBytes { bytes in try SKUEventsCodec.edited(bytes, applying: edits) }
    }

    /// A SKU's stored record's bytes, nil when it has none.
    private func storedRecord(_ sku: String) throws -> [UInt8]? {
        readEvents.reset()
        defer { readEvents.reset() }
        try readEvents.bind(text: sku, at: 1)
        guard try readEvents.step() else { return nil }
        return readEvents.withBlob(0) { Array($0) }
    }

    /// Writes a SKU's edited record's bytes (updating its row when `replacing`), or deletes
    /// the record when it was left empty (`bytes` nil).
    private func writeRecord(_ bytes: [UInt8]?, sku: String, replacing: Bool) throws {
        guard let bytes else {
            guard hadEvents else { return }
            deleteEvents.reset()
            try deleteEvents.bind([.text(sku)])
            try deleteEvents.run()
            return
        }
        let write = replacing ? updateEvents : writeEvents
        write.reset()
        try write.bind(text: sku, at: 1)
        try write.bind(blob: bytes, at: 2)
        try write.run()
    }
}
