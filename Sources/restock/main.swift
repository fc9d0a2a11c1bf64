import Foundation
import RestockApp

exit(CLI.main(CommandLine.arguments))
