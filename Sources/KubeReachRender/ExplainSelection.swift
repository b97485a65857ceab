/// Which part of `list --explain` to print (netpol-analyzer's `--explain-only`): reviewers
/// of a large cluster usually ask one question at a time, "why is this open?" or "why is
/// this blocked?", and the other half of the output is noise for it.
public enum ExplainSelection: String, Sendable, CaseIterable {
    /// Pairs with something allowed, and the pairs allowed by default.
    case allow
    /// Pairs where a policy denies part of the scope, including pairs with no connection.
    case deny
}
