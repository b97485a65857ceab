import KubeReachAttack
import KubeReachCore
import KubeReachGraphviz
import KubeReachRBAC
import KubeReachRender

extension RenderCommand {
    /// `render --attack`: the joined graph through the same renderer, caps and output as the
    /// network diagram.
    func drawAttack(_ reach: Reachability) throws {
        let graph = AttackGraphBuilder(reach: reach, authorizer: RBACAuthorizer(reach.cluster.identity)).build()
        let drawn = AttackDiagram(graph, maxNodes: maxNodes, maxEdges: maxEdges, layout: layout)
        if !input.quiet { for note in drawn.notes.dropFirst() { CommandIO.current.report(Diagnostic(.note, note)) } }
        guard output != .dot else {
            if let outFile { return try AtomicFile.write(drawn.dot, to: outFile) }
            return CommandIO.current.out(drawn.dot)
        }
        do {
            try emit(try GraphvizRenderer.render(dot: drawn.dot, layout: drawn.layout, format: output == .png ? .png : .svg))
        } catch let error as GraphvizError {
            throw CLIError.render(error.description)
        }
    }
}
