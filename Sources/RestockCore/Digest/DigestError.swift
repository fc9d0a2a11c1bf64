/// The store holds a digest it cannot decode: the file was damaged or written by another program.
public struct DigestError: Error, Sendable, CustomStringConvertible {
    /// What was wrong, with the byte offset where it was found.
    public var what: String
    public init(_ what: String) { self.what = what }
    public var description: String { "damaged digest in the store: \(what)" }
}
