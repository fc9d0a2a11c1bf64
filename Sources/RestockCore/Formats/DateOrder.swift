/// Which number comes first in a date such as `03/04/2026`: the day (`dmy`, 3 April) or the
/// month (`mdy`, 4 March). restock never guesses it: `--date-order` or a mapping says so.
public enum DateOrder: String, Sendable, Hashable, CaseIterable {
    case dayFirst = "dmy"
    case monthFirst = "mdy"
}
