import Testing
@testable import RestockCore

/// Text compared by its UTF-8 bytes, as the store sorts keys.
@Suite struct ByteOrderTests {
    @Test func ordersByBytesAShorterTextBeforeALongerOneItBegins() {
        #expect(ByteOrder.precedes("SKU-1", "SKU-10"))
        #expect(ByteOrder.precedes("SKU-10", "SKU-2"))   // "1" (0x31) before "2" (0x32)
        #expect(ByteOrder.precedes("B", "a"))            // upper case (0x42) before lower (0x61)
        #expect(!ByteOrder.precedes("SKU-2", "SKU-2"))
        #expect(ByteOrder.precedes("", "A"))
        #expect(ByteOrder.compare("abc", "abd") < 0 && ByteOrder.compare("abd", "abc") > 0)
        #expect(ByteOrder.compare("", "") == 0)
    }

    @Test func keysCompareAsTheStoreSortsThemByteForByte() {
        // The key-order append's comparison (`KeyOrderAppend`) of key parts.
        #expect(ByteOrder.compare("A", "AB") < 0)
        #expect(ByteOrder.compare("B", "AB") > 0)
        #expect(ByteOrder.compare("", "A") < 0)
        #expect(ByteOrder.compare("O1", "O1") == 0)
        // "é" is the bytes C3 A9, after "z" (7A) byte for byte.
        #expect(ByteOrder.compare("é", "z") > 0)
    }

    @Test func textsThatSwiftCallsEqualButWhoseBytesDifferAreTwoKeys() {
        // "é" as one code point (C3 A9) and as "e" + combining acute (65 CC 81): Swift's ==
        // says equal, the store keeps two keys; 0x65 sorts before 0xC3.
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(!ByteOrder.same(composed, decomposed))
        #expect(ByteOrder.precedes(decomposed, composed))
        #expect(ByteOrder.same(composed, "caf\u{E9}"))
    }

    @Test func longTextsCompareLikeShortOnes() {
        // Longer than a small string's 15 bytes: stored on the heap, compared in place.
        let a = String(repeating: "x", count: 40) + "1", b = String(repeating: "x", count: 40) + "2"
        #expect(ByteOrder.precedes(a, b))
        #expect(ByteOrder.same(a, String(repeating: "x", count: 40) + "1"))
    }
}
