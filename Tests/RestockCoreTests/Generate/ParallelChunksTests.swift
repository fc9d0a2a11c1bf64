import Testing
@testable import RestockCore

@Suite struct ParallelChunksTests {
    @Test func mapsEveryItemInPlaceInItemOrderWhateverTheWorkers() {
        // 10 items in pieces of 3 (four pieces, the last of one item): item i gives i x i.
        for workers in [1, 2, 4] {
            #expect(ParallelChunks.map(items: 10, pieceSize: 3, workers: workers) { $0 * $0 } == [0, 1, 4, 9, 16, 25, 36, 49, 64, 81])
        }
        // Results that own memory, and pieces larger than the items.
        #expect(ParallelChunks.map(items: 5, pieceSize: 2, workers: 2) { String($0) } == ["0", "1", "2", "3", "4"])
        #expect(ParallelChunks.map(items: 3, pieceSize: 64) { $0 + 1 } == [1, 2, 3])
        #expect(ParallelChunks.map(items: 0, pieceSize: 3) { $0 }.isEmpty)
    }
}
