import Foundation
import RestockCore
import SQLite

/// The command line (README, "Commands"): picks the command, runs it, and turns its outcome into
/// an exit status once, at the end: 0 success, 1 the run failed, 2 the command line was wrong.
public enum CLI {
    static var commands: [any Command.Type] { [
        RunCommand.self, IngestCommand.self, ReportCommand.self, SKUCommand.self, ReplayCommand.self,
        HistoryCommand.self, RejectsCommand.self, GenerateCommand.self,
    ] }

    /// Runs `restock` with `arguments` (the first is the program name) and returns the exit status.
    public static func main(_ arguments: [String]) -> Int32 {
        var words = Array(arguments.dropFirst())
        guard let name = words.first, !name.hasPrefix("-") else {
            if words.contains("--version") {
                print("restock \(version)")
                return 0
            }
            print(usage)
            return words.isEmpty || words.contains("--help") || words.contains("-h") ? (words.isEmpty ? 2 : 0) : 2
        }
        words.removeFirst()
        guard let command = commands.first(where: { $0.name == name }) else {
            FileHandle.standardError.write(Data("restock: unknown command '\(name)'\n\n\(usage)\n".utf8))
            return 2
        }
        var list = ArgumentList(words)
        if list.help() {
            print(command.help)
            return 0
        }
        do {
            return try command.run(&list)
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("restock \(name): \(error.message)\n(see 'restock \(name) --help')\n".utf8))
            return 2
        } catch let error as RunError {
            FileHandle.standardError.write(Data("restock \(name): error: \(error.message)\n".utf8))
            return 1
        } catch let error as SQLiteError where error.isCorrupt {
            // A reading command (sku, history, rejects, replay) met the damage: checked and
            // told as run and ingest tell it, the store named by the --db every such command takes.
            let message = StoreHealth.damaged(Self.storePath(words), error).message
            FileHandle.standardError.write(Data("restock \(name): error: \(message)\n".utf8))
            return 1
        } catch let error as CSVError {
            FileHandle.standardError.write(Data("restock \(name): error: \(error)\n".utf8))
            return 1
        } catch {
            FileHandle.standardError.write(Data("restock \(name): error: \(error)\n".utf8))
            return 1
        }
    }

    /// The store a command's words name (`--db`), else the default every command shares.
    static func storePath(_ words: [String]) -> String {
        var list = ArgumentList(words)
        return (try? list.option("db")) ?? CommonOptions().db
    }

    /// The version `restock --version` prints and the report's footer shows: the newest entry
    /// of the README's changelog (`VersionTests` checks that the two agree).
    static let version = "0.8.8"

    static let usage = """
    restock: which products to stock more of, and why.

    usage: restock COMMAND [options]

      run       ingest, compute and write the reports (the nightly job)
      ingest    load CSV files into the store (stage 1 alone)
      report    rebuild a report folder from the store alone
      sku       one SKU's figures, explained
      replay    what restock's advice would have done over the past year
      history   past runs, with outcome, counts and durations
      rejects   rows rejected by an ingest, with file, line and reason
      generate  write a realistic synthetic data set

    'restock COMMAND --help' explains each command and its options.
    Exit status: 0 success, 1 the run failed (the message says why), 2 wrong command line.
    """
}

/// One command of the command line.
protocol Command {
    static var name: String { get }
    static var help: String { get }
    /// Consumes the arguments, runs, and returns the exit status; throws `UsageError` (2) or `RunError` (1).
    static func run(_ arguments: inout ArgumentList) throws -> Int32
}
