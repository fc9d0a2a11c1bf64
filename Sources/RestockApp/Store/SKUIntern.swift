import Foundation

/// Numbers SKUs 0, 1, 2... by their UTF-8 bytes, without making a `String` for every row:
/// an open-addressing hash table over the bytes (FNV-1a), strings made once per SKU.
struct SKUIntern {
    /// The SKUs in the order first seen; a SKU's id is its index.
    private(set) var names: [String] = []
    /// Every SKU's bytes, one after another; SKU id i spans `starts[i] ..< starts[i + 1]`.
    private var storage: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1 << 12)
    /// `ranks()` as `currentRanks()` last sorted them.
    private var rankCache: [Int] = []

    private static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        // FNV's low bits (the slot) depend on few input bits: mix them (SplitMix64's finalizer).
        hash ^= hash >> 30
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 27
        hash = hash &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }

    /// The id of the SKU spelled by `text`, added when new.
    mutating func id(for text: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(text)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = Int(slots[i])
            if slot < 0 { break }
            if hashes[slot] == hash && equal(slot, text) { return slot }
            i = (i + 1) & mask
        }
        let id = names.count
        slots[i] = Int32(id)
        storage.append(contentsOf: text)
        starts.append(storage.count)
        hashes.append(hash)
        names.append(String(decoding: text, as: UTF8.self))
        if names.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `sku` (its UTF-8 bytes), added when new.
    mutating func id(for sku: String) -> Int {
        var text = sku
        return text.withUTF8 { id(for: $0) }
    }

    /// `ranks()`, sorted again only when SKUs were added since the last call (a first load
    /// asks after every drain, with the same SKUs).
    mutating func currentRanks() -> [Int] {
        if rankCache.count != names.count { rankCache = ranks() }
        return rankCache
    }

    /// Each SKU id's place in the SKUs' byte order (the store's key order): `ranks()[id]`.
    /// Compares the stored bytes (`memcmp`), not `String`s.
    func ranks() -> [Int] {
        storage.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress
            let order = names.indices.sorted { a, b in
                let (sa, na) = (starts[a], starts[a + 1] - starts[a])
                let (sb, nb) = (starts[b], starts[b + 1] - starts[b])
                let common = min(na, nb)
                let c = common == 0 ? 0 : memcmp(base! + sa, base! + sb, common)
                return c != 0 ? c < 0 : na < nb
            }
            var rank = [Int](repeating: 0, count: names.count)
            for (r, id) in order.enumerated() { rank[id] = r }
            return rank
        }
    }

    private func equal(_ id: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id], count = starts[id + 1] - start
        guard count == text.count else { return false }
        if count == 0 { return true }
        return storage.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, text.baseAddress!, count) == 0 }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
        }
    }
}
