import Foundation
import Testing
@testable import RestockCore

/// The automatic selection against every single method on real intermittent series
/// (carparts, RAF spare parts, MAN weekly; ../shared/data/external). Each period counts as
/// a week; each series starts at its first demand (as a restock history does); the last 8
/// periods are forecast one step ahead from rolling origins, the selector re-run on each
/// prefix. Every series is used (no subsampling): about 10 s in a debug build. Series
/// without any demand (1,581 of MAN's) have no restock history and are left out; so are
/// series whose only demand falls in the last period (no origin with a prior period).
/// Skips when ../shared is absent.
@Suite(.tags(.slow), .skippedWhenFast) struct RealDataForecastTests {
    @Test(.enabled(if: ExternalDemandSeries.folder() != nil,
                   "needs ../shared/data/external, present only in the project's own workspace"))
    func automaticSelectionIsAtLeastAsGoodAsTheBestSingleMethod() throws {
        let folder = try #require(ExternalDemandSeries.folder())
        let all = try ExternalDemandSeries.load(from: folder)
        var sections: [String] = []
        var result = HoldoutBenchmark()
        for dataset in ["carparts", "raf", "man"] {
            let part = HoldoutBenchmark.run(all.filter { $0.dataset == dataset }.map(\.history))
            sections.append(part.markdown(title: dataset))
            result.merge(part)
        }
        sections.insert(result.markdown(title: "all three pooled"), at: 0)
        print(sections.joined(separator: "\n\n"))
        let best = result.bestSingle
        #expect(result.automatic.mae <= best.mae,
                "automatic \(result.automatic.mae) vs best single \(best.method.rawValue) \(best.mae)")
    }
}
