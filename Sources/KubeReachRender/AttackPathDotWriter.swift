import KubeReachAttack
import KubeReachCore
import KubeReachGraphviz

/// DOT for attack paths (or any set of attack-graph edges): one node per vertex, shaped by
/// its kind, edges coloured by their technique's family, and a legend of the families used.
public enum AttackPathDotWriter {
    /// The edges of every path of `a`, each once.
    public static func dot(_ a: AttackPathsAnswer) -> String {
        var seen: Set<Int> = [], edges: [Int] = []
        for p in a.pairs { for e in p.paths.joined() where seen.insert(e).inserted { edges.append(e) } }
        return dot(a.graph, edges: edges)
    }

    /// The paths drawn as SVG by the in-process Graphviz.
    public static func svg(_ a: AttackPathsAnswer) throws(RenderError) -> [UInt8] {
        do {
            return try GraphvizRenderer.render(dot: dot(a))
        } catch {
            throw .graphviz(error.description)
        }
    }

    public static func dot(_ g: AttackGraph, edges: [Int]) -> String {
        var lines = [
            "digraph \"attack-paths\" {", "\trankdir=LR", "\tnode [fontname=\"Helvetica\" fontsize=11 style=filled]",
            "\tedge [fontname=\"Helvetica\" fontsize=9]",
        ]
        var vertices: [Int] = []
        var drawn: Set<Int> = []
        for e in edges { for v in [g.edges[e].from, g.edges[e].to] where drawn.insert(v).inserted { vertices.append(v) } }
        for v in vertices {
            let vertex = g.vertices[v]
            lines.append("\t\(DotText.id(vertex.description)) [\(shape(vertex))]")
        }
        var families: Set<Family> = []
        for e in edges.map({ g.edges[$0] }) {
            let family = Family(e.technique)
            families.insert(family)
            lines.append(
                "\t\(DotText.id(g.vertices[e.from].description)) -> \(DotText.id(g.vertices[e.to].description)) "
                    + "[label=\(DotText.id(e.technique.rawValue)) color=\"\(family.colour)\" fontcolor=\"\(family.colour)\"]")
        }
        lines.append("\tsubgraph \"cluster_legend\" {")
        lines.append("\t\tlabel=<<B>Legend</B>> style=\"rounded,dashed\" color=\"#9aa5b1\" fontcolor=\"#3c4a57\"")
        for f in Family.allCases where families.contains(f) {
            lines.append(
                "\t\t\(DotText.id("legend: \(f.rawValue)")) [shape=plaintext style=\"\" fontcolor=\"\(f.colour)\" label=<<B>\(f.rawValue)</B><BR/>\(DotText.html(f.techniques))>]"
            )
        }
        lines.append("\t}")
        return lines.joined(separator: "\n") + "\n}\n"
    }

    /// Shapes by vertex kind: the internet and cluster-admin stand out, nodes are boxes in 3D.
    static func shape(_ v: AttackVertex) -> String {
        switch v {
        case .internet: "shape=ellipse fillcolor=\"#fde2e1\" color=\"#c0392b\""
        case .workload, .container: "shape=box fillcolor=\"#eef3fb\" color=\"#2c5aa0\""
        case .node: "shape=box3d fillcolor=\"#fff4d6\" color=\"#b08900\""
        case .serviceAccount, .user, .group: "shape=hexagon fillcolor=\"#eef6ee\" color=\"#3d7a3d\""
        case .secret: "shape=note fillcolor=\"#f4eefb\" color=\"#6c3483\""
        case .clusterAdmin: "shape=doubleoctagon fillcolor=\"#c0392b\" fontcolor=\"white\" color=\"#7b241c\""
        }
    }

    /// Technique families, one colour each.
    enum Family: String, CaseIterable {
        case network, identity
        case rbac = "RBAC"
        case escape = "node escape"

        init(_ t: AttackTechnique) {
            switch t {
            case .endpointExploit: self = .network
            case .identityAssume, .tokenSteal, .tokenList, .tokenBruteforce, .secretRead, .saTokenCreate, .hostTraverse: self = .identity
            case .podExec, .podAttach, .podPatch, .podCreate, .workloadCreate, .ephemeralContainer, .impersonate, .roleBind, .escalate,
                .nodeProxy, .clusterAdminRights:
                self = .rbac
            case .privilegedMount, .nsenter, .moduleLoad, .sysPtrace, .hostWrite, .corePattern, .varLogSymlink, .hostRead,
                .sharePsNamespace:
                self = .escape
            }
        }

        var colour: String {
            switch self {
            case .network: "#c0392b"
            case .identity: "#1f6fb2"
            case .rbac: "#7d3c98"
            case .escape: "#d35400"
            }
        }

        var techniques: String {
            AttackTechnique.allCases.filter { Family($0) == self }.map(\.rawValue).joined(separator: ", ")
        }
    }
}
