import Foundation

/// Writes a file through a 1 MiB buffer: bytes are appended to `pending` and handed to the
/// file handle whenever a mebibyte has gathered, so a file of any size needs about 1 MiB.
///
/// Not `Sendable`: one writer belongs to one thread.
final class BufferedFileWriter {
    static let flushThreshold = 1 << 20

    private let handle: FileHandle
    private let path: String
    private var closed = false
    /// Bytes not yet written; callers format rows into it and then call `flushIfFull()`.
    var pending = CSVBytes(capacity: BufferedFileWriter.flushThreshold + 4_096)
    private(set) var bytesWritten = 0

    /// Creates (or truncates) the file at `path`.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw GeneratorError.cannotWrite(path: path)
        }
        self.handle = handle
        self.path = path
    }

    deinit {
        if !closed { try? handle.close() }
    }

    /// Appends finished bytes (a block formatted elsewhere).
    func append(_ bytes: [UInt8]) throws {
        if pending.bytes.count + bytes.count > BufferedFileWriter.flushThreshold {
            try flush()
        }
        if bytes.count >= BufferedFileWriter.flushThreshold {
            try write(bytes)
        } else {
            pending.bytes.append(contentsOf: bytes)
        }
    }

    /// Writes the buffer out once it holds a mebibyte or more.
    func flushIfFull() throws {
        if pending.bytes.count >= BufferedFileWriter.flushThreshold { try flush() }
    }

    /// Writes out everything buffered.
    func flush() throws {
        if pending.bytes.isEmpty { return }
        try write(pending.bytes)
        pending.bytes.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    func close() throws {
        try flush()
        closed = true
        do {
            try handle.close()
        } catch {
            throw GeneratorError.cannotWrite(path: path)
        }
    }

    private func write(_ bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: Data(bytes))
        } catch {
            throw GeneratorError.cannotWrite(path: path)
        }
        bytesWritten += bytes.count
    }
}

/// Why `SyntheticDataGenerator.write` failed.
public enum GeneratorError: Error, Equatable, CustomStringConvertible {
    /// skus or days below 1.
    case invalidConfig(String)
    /// A file or the folder could not be created or written.
    case cannotWrite(path: String)

    public var description: String {
        switch self {
        case .invalidConfig(let reason): return "generate: \(reason)"
        case .cannotWrite(let path): return "\(path): cannot write"
        }
    }
}
