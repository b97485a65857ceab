import KubeReachCore
import KubeReachRender

/// The `by variant` lines of `eval` (text and JSON) over `Reachability.variantAnswers`.
struct VariantAnswers {
    var lines: [(source: String, destination: String, conns: ConnectionSet, allowed: Bool)] = []

    init(reach: Reachability, source: ResolvedEndpoint, destination: ResolvedEndpoint, ports: PortQuestion) {
        lines = reach.variantAnswers(from: source, to: destination).map {
            ($0.source.description, $0.destination.description, $0.connections, ports.isAllowed($0.connections))
        }
    }

    var text: String {
        guard !lines.isEmpty else { return "" }
        return "by variant (pods the policies treat differently):\n"
            + lines.map { "  \($0.allowed ? "allowed" : "denied ") \($0.source) => \($0.destination) : \($0.conns.description)\n" }.joined()
    }

    var documents: [EvalDocument.Variant] {
        lines.map { EvalDocument.Variant(src: $0.source, dst: $0.destination, allowed: $0.allowed, conn: $0.conns.description) }
    }
}
