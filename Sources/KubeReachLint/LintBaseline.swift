import KubeReachCore

/// Findings already accepted (`lint --baseline FILE`): matched by fingerprint, as many times
/// as the baseline lists it, so a second finding with the same fingerprint is still new.
public struct LintBaseline: Sendable {
    private var remaining: [String: Int] = [:]

    public init(fingerprints: [String]) {
        for f in fingerprints { remaining[f, default: 0] += 1 }
    }

    /// The findings not in the baseline, and how many were.
    public func split(_ findings: [LintFinding]) -> (new: [LintFinding], known: Int) {
        var left = remaining
        var new: [LintFinding] = []
        for f in findings {
            if let n = left[f.fingerprint], n > 0 {
                left[f.fingerprint] = n - 1
            } else {
                new.append(f)
            }
        }
        return (new, findings.count - new.count)
    }
}

extension LintRegistry {
    /// The rules `--enable` (only these, when given) and `--disable` leave; an unknown id
    /// is an error naming the closest known one.
    public static func selection(enable: [String], disable: [String]) -> Result<[any LintRule], UnknownRuleID> {
        let ids = all.map(\.id)
        for id in enable + disable where !ids.contains(id) {
            return .failure(UnknownRuleID(id: id, nearest: EditDistance.nearest(id, in: ids)))
        }
        let off = Set(disable)
        return .success(all.filter { (enable.isEmpty || enable.contains($0.id)) && !off.contains($0.id) })
    }
}

/// A rule id that no rule has.
public struct UnknownRuleID: Error, Sendable, CustomStringConvertible {
    public var id: String
    public var nearest: String?

    public var description: String {
        "unknown lint rule '\(id)'\(nearest.map { " (did you mean '\($0)'?)" } ?? ""); `kubereach lint --rules-doc` lists the rules"
    }
}
