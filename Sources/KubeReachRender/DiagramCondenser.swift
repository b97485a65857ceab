import KubeReachCore

/// The steps the render pipeline takes when a diagram has more than `--max-edges` edges,
/// each said in a note: first collapse "everything reaches X" fans (of at least half the
/// nodes, then a third: smaller fans are structure worth drawing), then draw namespaces (and
/// collapse their fans too). What is left may still be above the limit: it is drawn as it
/// is (without edge labels past 400 edges) and scaled down to the size cap.
enum DiagramCondenser {
    static func diagram(_ scene: inout RenderScene, request: RenderRequest, reach: Reachability) -> Diagram {
        let limit = request.maxEdges
        var d = build(scene)
        guard limit > 0, d.edges.count > limit else { return d }
        let notes = scene.options.notes
        let all = d.edges.count
        d = collapsingFans(d, &scene, limit: limit)
        if d.edges.count > limit && scene.level == .workload {
            // The workload fans are not drawn any more: neither are their notes.
            scene.options.notes = notes
            scene.fallBackOnEdges(all, fanned: d.edges.count, request, reach: reach)
            d = build(scene)
            if d.edges.count > limit { d = collapsingFans(d, &scene, limit: limit) }
        }
        return d
    }

    static func build(_ scene: RenderScene, fans: Int? = nil) -> Diagram {
        var options = scene.options
        options.fanMinimum = fans
        return DiagramBuilder.build(edges: scene.edges, nodes: scene.nodes, level: scene.level, options: options)
    }

    /// The diagram with the fans of at least half the other nodes collapsed, or of a third
    /// when that is not enough to fit `limit`, and the notes naming them. Unchanged without
    /// markers (a focus shows part of the cluster, where "N of M" would mislead).
    static func collapsingFans(_ d: Diagram, _ scene: inout RenderScene, limit: Int) -> Diagram {
        guard scene.options.markers else { return d }
        let inside = d.nodes.count { $0.kind != .external }
        var best = d
        for divisor in [2, 3] {
            best = build(scene, fans: max(3, inside / divisor))
            if best.edges.count <= limit { break }
        }
        let fans = best.nodes.filter { $0.fanOut != nil || $0.fanIn != nil }
        guard !fans.isEmpty else { return d }
        let noun = DiagramDotWriter.noun(best.level)
        scene.options.notes.append(
            "\(d.edges.count) edges is more than --max-edges \(limit): \(fans.count) fans drawn as a line on their node, \(d.edges.count - best.edges.count) edges not drawn"
        )
        let named = fans.prefix(6).map { n in
            let parts = [n.fanOut.map { $0.text("reaches", noun: noun) }, n.fanIn.map { $0.text("reached by", noun: noun) }]
            return "\(n.id) " + parts.compactMap { $0 }.joined(separator: ", ")
        }
        let more = fans.count > 6 ? ["and \(fans.count - 6) more"] : []
        scene.options.notes.append("fans (kubereach list --focus NAME lists them): " + (named + more).joined(separator: "; "))
        best.notes = scene.options.notes
        return best
    }
}
