/// `attack-paths --what-if`: the same pairs asked of the cluster before and after the
/// change files, and what became of each.
public struct AttackWhatIf: Sendable {
    public enum Status: String, Sendable {
        /// A path before, none after.
        case cut
        /// A path before and after (the path after is shown).
        case remains
        /// No path before, one after: the change opens a way.
        case opened
        /// None before or after.
        case unreachable
    }

    public var before: AttackPathsAnswer
    public var after: AttackPathsAnswer

    /// Both answers ask the same pairs, in the same order.
    public init(before: AttackPathsAnswer, after: AttackPathsAnswer) {
        self.before = before
        self.after = after
    }

    public var statuses: [Status] {
        zip(before.pairs, after.pairs).map { b, a in
            switch (b.path != nil, a.path != nil) {
            case (true, false): .cut
            case (true, true): .remains
            case (false, true): .opened
            case (false, false): .unreachable
            }
        }
    }
}
