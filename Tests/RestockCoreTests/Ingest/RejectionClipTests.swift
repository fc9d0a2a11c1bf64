import Testing
@testable import RestockCore

/// A rejected value is cut at a number of characters, not bytes (rejects.csv stays readable
/// whatever the alphabet); `clip` asks the byte count first only to skip the count of
/// characters for the many values that are short anyway.
@Suite struct RejectionClipTests {
    @Test func aValueOfAtMostTheLimitInCharactersIsKeptWholeEvenWhenItHasMoreBytes() {
        // 150 "é": 150 characters, 300 bytes; the limit is 200 characters.
        let value = String(repeating: "é", count: 150)
        #expect(Rejection.clip(value) == value)
        // 60 ASCII characters at a limit of 60: kept.
        let ascii = String(repeating: "x", count: 60)
        #expect(Rejection.clip(ascii, to: 60) == ascii)
    }

    @Test func aLongerValueIsCutToTheLimitInCharactersWithItsLengthInBytes() {
        // 201 "é" = 402 bytes: the first 200 characters, then the whole value's byte count.
        let value = String(repeating: "é", count: 201)
        #expect(Rejection.clip(value) == String(repeating: "é", count: 200) + "… (402 bytes)")
        // 61 ASCII characters at a limit of 60.
        #expect(Rejection.clip(String(repeating: "x", count: 61), to: 60) == String(repeating: "x", count: 60) + "… (61 bytes)")
    }
}
