/// Numbers SKUs 0, 1, 2... by their UTF-8 bytes, without making a `String` for every row:
/// an open-addressing hash table over the bytes (FNV-1a), strings made once per SKU.
struct SKUIntern {
    /// The SKUs in the order first seen; a SKU's id is its index.
    private(set) var names: [String] = []
    private var bytes: [[UInt8]] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1 << 12)

    /// The id of the SKU spelled by `text`, added when new.
    mutating func id(for text: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = Int(slots[i])
            if slot < 0 { break }
            if bytes[slot].elementsEqual(text) { return slot }
            i = (i + 1) & mask
        }
        let id = names.count
        slots[i] = Int32(id)
        bytes.append(Array(text))
        names.append(String(decoding: text, as: UTF8.self))
        if names.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, b) in bytes.enumerated() {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for x in b {
                hash ^= UInt64(x)
                hash = hash &* 0x100_0000_01b3
            }
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
        }
    }
}
