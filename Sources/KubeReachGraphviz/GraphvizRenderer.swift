// The only file that imports CGraphviz: every Graphviz call goes through `render`.
internal import CGraphviz
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Renders DOT text to SVG or PNG with the Graphviz library, in process.
///
/// Graphviz 2.42 is not thread-safe (parser, error handler and layout engines use
/// process-wide statics), so every call is serialised behind one lock and reuses one
/// context. Errors and warnings go to a buffer, never to stderr.
public enum GraphvizRenderer {
    /// - Throws: `GraphvizError` with Graphviz's message when the DOT is malformed, the
    ///   layout or rendering fails, or Graphviz reported an error while rendering.
    public static func render(dot: String, layout: Layout = .dot, format: Format = .svg) throws(GraphvizError) -> [UInt8] {
        try session.withLock { (s: inout Session) throws(GraphvizError) -> [UInt8] in
            let gvc = try s.context()
            return try Self.run(gvc, dot: dot, layout: layout, format: format)
        }
    }

    /// The one context, created on first use, and the plugin check done once with it.
    private struct Session {
        var gvc: OpaquePointer?
        var failure: GraphvizError?

        mutating func context() throws(GraphvizError) -> OpaquePointer {
            if let failure { throw failure }
            if let gvc { return gvc }
            installStableIDs()
            guard let created = gvContext() else {
                let error = GraphvizError(.setup, "gvContext() failed: Graphviz could not start")
                failure = error
                throw error
            }
            guard GraphvizRenderer.layoutPluginCount(created) > 0 else {
                gvFreeContext(created)
                let error = GraphvizError(
                    .setup, "Graphviz found no layout plugins; run `sudo dot -c` to register them (or reinstall libgvc6)")
                failure = error
                throw error
            }
            gvc = created
            return created
        }
    }

    private static let session = Mutex(Session())

    private static func layoutPluginCount(_ gvc: OpaquePointer) -> Int {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, "layout", &count, nil) else { return 0 }
        for i in 0..<Int(max(0, count)) { free(list[i]) }
        free(list)
        return Int(count)
    }

    /// Parse, lay out and render one graph; frees in reverse order on every path.
    private static func run(_ gvc: OpaquePointer, dot: String, layout: Layout, format: Format) throws(GraphvizError) -> [UInt8] {
        collected.withLock { $0 = "" }
        let previousHandler = agseterrf(collectMessage)
        let previousLevel = agseterr(AGWARN)
        _ = agreseterrors()
        defer {
            _ = agseterrf(previousHandler)
            _ = agseterr(previousLevel)
        }
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw GraphvizError(.parse, message(or: "no graph in the input"))
        }
        defer { _ = agclose(graph) }
        // Layout engines draw from rand() and drand48(): same input, same picture.
        srand(1)
        srand48(1)
        guard gvLayout(gvc, graph, layout.rawValue) == 0 else {
            _ = gvFreeLayout(gvc, graph)
            throw GraphvizError(.layout, message(or: "layout \(layout.rawValue) failed"))
        }
        defer { _ = gvFreeLayout(gvc, graph) }
        var data: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0
        let status = gvRenderData(gvc, graph, format.rawValue, &data, &length)
        defer { if let data { gvFreeRenderData(data) } }
        guard status == 0, let data else { throw GraphvizError(.render, message(or: "rendering \(format.rawValue) failed")) }
        // Some errors (a malformed HTML label, say) still produce output.
        if agerrors() >= Int32(AGERR.rawValue) { throw GraphvizError(.render, message(or: "Graphviz reported an error")) }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    }

    /// What Graphviz said during this call, or `fallback` when it said nothing.
    private static func message(or fallback: String) -> String {
        let text = collected.withLock { $0 }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        return lines.isEmpty ? fallback : lines.joined(separator: "; ")
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

// MARK: - Error callback

/// Messages of the current call (the callback is a C function pointer: it cannot capture).
private let collected = Mutex("")

/// Bounded, so that a flood of warnings cannot grow without limit.
private func collectMessage(_ text: UnsafeMutablePointer<CChar>?) -> Int32 {
    guard let text else { return 0 }
    let line = String(cString: text)
    collected.withLock { if $0.utf8.count < 16_384 { $0 += line } }
    return 0
}

// MARK: - Stable IDs

/// Names of one root graph, numbered in order of first use. Replaces the default ID
/// discipline, which uses string addresses as IDs: subgraphs are visited in ID order, so
/// cluster order (and the layout) could change between calls in one process.
private final class NameTable {
    let graph: UnsafeMutablePointer<Agraph_t>?
    var ids: [[CChar]: IDTYPE] = [:]
    /// Interned copies (owned by the graph's string pool, freed when it closes), by id / 2 - 1.
    var names: [UnsafeMutablePointer<CChar>] = []
    var nextAnonymous: IDTYPE = 1

    init(graph: UnsafeMutablePointer<Agraph_t>?) { self.graph = graph }
}

private func installStableIDs() {
    kr_install_id_discipline(idOpen, idMap, idAlloc, idFree, idPrint, idClose, idRegister)
}

private func table(_ state: UnsafeMutableRawPointer?) -> NameTable? {
    state.map { Unmanaged<NameTable>.fromOpaque($0).takeUnretainedValue() }
}

private func idOpen(_ g: UnsafeMutablePointer<Agraph_t>?, _ disc: UnsafeMutablePointer<Agdisc_t>?) -> UnsafeMutableRawPointer? {
    Unmanaged.passRetained(NameTable(graph: g)).toOpaque()
}

/// Named objects get even IDs, anonymous ones odd IDs (as in the default discipline).
private func idMap(
    _ state: UnsafeMutableRawPointer?, _ objtype: Int32, _ str: UnsafeMutablePointer<CChar>?, _ id: UnsafeMutablePointer<IDTYPE>?,
    _ create: Int32
) -> Int {
    guard let t = table(state), let id else { return 0 }
    guard let str else {
        id.pointee = t.nextAnonymous
        t.nextAnonymous += 2
        return 1
    }
    let key = Array(UnsafeBufferPointer(start: str, count: strlen(str)))
    if let known = t.ids[key] {
        id.pointee = known
        return 1
    }
    guard create != 0, let copy = agstrdup(t.graph, str) else { return 0 }
    t.names.append(copy)
    let new = IDTYPE(t.names.count) * 2
    t.ids[key] = new
    id.pointee = new
    return 1
}

/// Callers may not choose IDs that look anonymous.
private func idAlloc(_ state: UnsafeMutableRawPointer?, _ objtype: Int32, _ request: IDTYPE) -> Int {
    request & 1 == 0 ? 1 : 0
}

/// Names stay interned until the graph closes: a name may be reused by a later object.
private func idFree(_ state: UnsafeMutableRawPointer?, _ objtype: Int32, _ id: IDTYPE) {}

private func idPrint(_ state: UnsafeMutableRawPointer?, _ objtype: Int32, _ id: IDTYPE) -> UnsafeMutablePointer<CChar>? {
    guard let t = table(state), id & 1 == 0, id >= 2 else { return nil }
    let index = Int(id / 2) - 1
    return index < t.names.count ? t.names[index] : nil
}

private func idClose(_ state: UnsafeMutableRawPointer?) {
    if let state { Unmanaged<NameTable>.fromOpaque(state).release() }
}

private func idRegister(_ state: UnsafeMutableRawPointer?, _ objtype: Int32, _ obj: UnsafeMutableRawPointer?) {}
