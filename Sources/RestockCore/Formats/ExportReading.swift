/// Why one record could not be adapted: the record is rejected, or the whole file is refused.
enum AdaptFailure: Error {
    case row(Rejection)
    case file(CSVError)
}

/// How an adapter reads the cells of its export: file name for messages, the date reader and
/// the decimal mark (nil: as `ExportNumber` decides).
struct ExportReading: Sendable {
    let fileName: String
    let dates: ExportDateReader
    let mark: DecimalMark?

    init(fileName: String, options: ExportOptions, mark: DecimalMark? = nil) {
        self.fileName = fileName
        self.dates = ExportDateReader(order: options.dateOrder)
        self.mark = mark
    }

    init(fileName: String, dates: ExportDateReader, mark: DecimalMark?) {
        self.fileName = fileName
        self.dates = dates
        self.mark = mark
    }

    func reject(_ line: Int, _ column: String, _ value: String, _ reason: String,
                code: Rejection.Code = .badExportValue) -> AdaptFailure {
        .row(Rejection(file: fileName, line: line, column: column, value: Rejection.clip(value), code: code, reason: reason))
    }

    /// A date cell in the form the row parser reads; nil stays nil.
    func date(_ raw: String?, column: String, line: Int) throws(AdaptFailure) -> String? {
        guard let raw else { return nil }
        let result: Result<String, DateParseError>
        do { result = try dates.canonical(raw, column: column) } catch { throw .file(error.error(file: fileName, line: line)) }
        switch result {
        case .success(let text): return text
        case .failure(let why): throw reject(line, column, raw, "\(column) must be a date, got \"\(Rejection.clip(raw, to: 60))\": \(why)")
        }
    }

    /// A number cell (price, quantity) in plain form; nil stays nil.
    func number(_ raw: String?, column: String, line: Int) throws(AdaptFailure) -> String? {
        guard let raw else { return nil }
        switch ExportNumber.canonical(raw, mark: mark) {
        case .success(let text): return text
        case .failure(let why): throw reject(line, column, raw, "\(column) must be a number, got \"\(Rejection.clip(raw, to: 60))\": \(why.reason)")
        }
    }

    /// A required text cell.
    func required(_ value: String?, column: String, line: Int, why: String) throws(AdaptFailure) -> String {
        guard let value else { throw reject(line, column, "", "\(column) is empty: \(why)", code: .emptyCell) }
        return value
    }

    /// Runs `body` for one record, turning a row failure into a rejection in `out`.
    func record(into out: inout [AdaptedRow], _ body: (inout [AdaptedRow]) throws(AdaptFailure) -> Void) throws(CSVError) {
        do {
            try body(&out)
        } catch {
            switch error {
            case .row(let rejection): out.append(.rejected(rejection))
            case .file(let refusal): throw refusal
            }
        }
    }
}

/// Choices for reading exports that the export itself does not record.
public struct ExportOptions: Sendable, Hashable {
    /// Day or month first in numeric dates (`--date-order`); nil refuses such dates.
    public var dateOrder: DateOrder?

    public init(dateOrder: DateOrder? = nil) {
        self.dateOrder = dateOrder
    }
}

/// Numbers the lines of an order by SKU so that each line has a stable id: the SKU itself,
/// or `SKU#2`, `SKU#3` for the second and third line of the same SKU in one order.
struct LineNumbering {
    private var order: String?
    private var seen: [String: Int] = [:]

    mutating func lineId(order: String, sku: String) -> String {
        if order != self.order {
            self.order = order
            seen.removeAll(keepingCapacity: true)
        }
        let n = (seen[sku] ?? 0) + 1
        seen[sku] = n
        return n == 1 ? sku : "\(sku)#\(n)"
    }
}
