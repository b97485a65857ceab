/// Interns connection sets as small integers so that the reachability rows are flat
/// `[UInt32]` arrays and repeated unions and intersections are memoised.
struct ConnectionTable: Sendable {
    static let none: UInt32 = 0
    static let all: UInt32 = 1

    private(set) var sets: [ConnectionSet] = [.none, .all]
    private var ids: [ConnectionSet: UInt32] = [.none: 0, .all: 1]
    private var unionMemo: [UInt64: UInt32] = [:]
    private var intersectionMemo: [UInt64: UInt32] = [:]
    private var subtractionMemo: [UInt64: UInt32] = [:]

    mutating func intern(_ c: ConnectionSet) -> UInt32 {
        if let id = ids[c] { return id }
        let id = UInt32(sets.count)
        sets.append(c)
        ids[c] = id
        return id
    }

    subscript(id: UInt32) -> ConnectionSet { sets[Int(id)] }

    mutating func union(_ a: UInt32, _ b: UInt32) -> UInt32 {
        if a == b || b == Self.none || a == Self.all { return a }
        if a == Self.none || b == Self.all { return b }
        let key = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
        if let id = unionMemo[key] { return id }
        let id = intern(self[a].union(self[b]))
        unionMemo[key] = id
        return id
    }

    mutating func intersection(_ a: UInt32, _ b: UInt32) -> UInt32 {
        if a == b || b == Self.all || a == Self.none { return a }
        if a == Self.all || b == Self.none { return b }
        let key = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
        if let id = intersectionMemo[key] { return id }
        let id = intern(self[a].intersection(self[b]))
        intersectionMemo[key] = id
        return id
    }

    mutating func subtracting(_ a: UInt32, _ b: UInt32) -> UInt32 {
        if a == Self.none || b == Self.none { return a }
        if a == b || b == Self.all { return Self.none }
        let key = UInt64(a) << 32 | UInt64(b)
        if let id = subtractionMemo[key] { return id }
        let id = intern(self[a].subtracting(self[b]))
        subtractionMemo[key] = id
        return id
    }
}
