import KubeReachAttack
import KubeReachCore

/// `kubereach attack-paths --chokepoints|--what-if -o json`, version 1: the paths of the
/// cluster analysed (after the what-if files), what became of each asked pair (`whatIf`),
/// and the minimum cut with the change that removes each edge of it (`chokepoints`).
public struct AttackChangesDocument: Encodable, Sendable {
    public struct WhatIf: Encodable, Sendable {
        public var files: [String]
        public var pairs: [WhatIfPair]
    }

    /// `status`: cut, remains, opened or unreachable; the shortest path before and after.
    public struct WhatIfPair: Encodable, Sendable {
        public var from: String
        public var to: String
        public var status: String
        public var before: [AttackPathsDocument.Step]?
        public var after: [AttackPathsDocument.Step]?
    }

    public struct Chokepoint: Encodable, Sendable {
        public var from: String
        public var to: String
        public var technique: String
        public var why: String
        public var source: String?
        public var change: String
        public var changeSource: String?
    }

    public var version = JSONOutput.version
    public var paths: [AttackPathsDocument.Path]
    public var unreachable: [AttackPathsDocument.Pair]
    public var whatIf: WhatIf?
    public var chokepoints: [Chokepoint]?
    /// True when no manifest change separates the starts from the targets.
    public var uncuttable: Bool?

    public init(_ answer: AttackPathsAnswer, whatIf: AttackWhatIf? = nil, files: [String] = [], cut: AttackCut? = nil) {
        let doc = AttackPathsDocument(answer)
        paths = doc.paths
        unreachable = doc.unreachable
        if let whatIf {
            let before = Self.steps(whatIf.before), after = Self.steps(whatIf.after)
            let pairs = whatIf.statuses.enumerated().map { i, status in
                let p = whatIf.after.pairs[i]
                return WhatIfPair(
                    from: p.from.description, to: p.to.description, status: status.rawValue, before: before[i], after: after[i])
            }
            self.whatIf = WhatIf(files: files, pairs: pairs)
        }
        if let cut {
            let g = answer.graph
            chokepoints = cut.chokepoints.map { c in
                let e = g.edges[c.edge]
                return Chokepoint(
                    from: g.vertices[e.from].description, to: g.vertices[e.to].description, technique: e.technique.rawValue, why: e.why,
                    source: e.source.map(RBACText.source), change: c.change.text, changeSource: c.change.location.map(RBACText.source))
            }
            uncuttable = cut.uncuttable
        }
    }

    /// Per asked pair, the steps of its path (nil when unreachable), as `attack-paths` prints them.
    static func steps(_ a: AttackPathsAnswer) -> [[AttackPathsDocument.Step]?] {
        var found = AttackPathsDocument(a).paths.makeIterator()
        return a.pairs.map { $0.path == nil ? nil : found.next()?.steps }
    }
}
