/// A failure of a run that a user can act on: exit status 1 (README, "Exit status").
public struct RunError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A wrong command line or setting: exit status 2 (README, "Exit status").
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
