import Foundation
import Testing

extension Tag {
    /// Tests that take many seconds (crash tests with `kill -9`, the reorder-point
    /// calibration, real-data checks, 100,000-SKU reports).
    @Tag static var slow: Self
}

extension Trait where Self == ConditionTrait {
    /// Leaves a `.slow` test out of the fast subset, `RESTOCK_FAST=1 swift test` (README,
    /// "Tests"); it is reported as skipped, with this reason. (`swift test` 6.3 filters by
    /// name only, not by tag.)
    static var skippedWhenFast: Self {
        .disabled(if: ProcessInfo.processInfo.environment["RESTOCK_FAST"] == "1",
                  "slow: left out of the fast subset (RESTOCK_FAST=1)")
    }
}
