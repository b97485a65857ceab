import KubeReachCore

/// Writes a connectivity list in pieces of about `chunk` bytes (1 MiB by default), so that
/// a pod-level list of hundreds of thousands of lines never exists as one string: each piece
/// goes to `emit` (stdout, or a temporary file renamed when complete).
public struct EdgeStream {
    private var buffer = ""
    private let chunk: Int
    private let emit: (String) throws -> Void

    public init(chunk: Int = 1 << 20, emit: @escaping (String) throws -> Void) {
        self.chunk = chunk
        self.emit = emit
        buffer.reserveCapacity(min(chunk, 1 << 20) + 4096)
    }

    mutating func write(_ s: String) throws {
        buffer += s
        if buffer.utf8.count >= chunk { try flush() }
    }

    public mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try emit(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

extension EdgeFormatter {
    /// The same text as `render`, written in pieces (DOT, small by nature, in one piece).
    public static func stream(_ edges: [ConnectivityEdge], as format: ListFormat, nodes: [Endpoint] = [], to out: inout EdgeStream) throws {
        switch format {
        case .dot:
            try out.write(DotEdgeFormatter.render(edges, nodes: nodes))
        case .txt:
            for e in edges { try out.write(TextEdgeFormatter.line(e)) }
        case .csv:
            try out.write(CSVEdgeFormatter.header)
            for e in edges { try out.write(CSVEdgeFormatter.line(e)) }
        case .md:
            try out.write(MarkdownEdgeFormatter.header)
            for e in edges { try out.write(MarkdownEdgeFormatter.line(e)) }
        case .json:
            if edges.isEmpty {
                try out.write(JSONEdgeFormatter.empty)
            } else {
                try out.write(JSONEdgeFormatter.head)
                let encoder = JSONOutput.makeEncoder(compact: true)
                for (i, e) in edges.enumerated() {
                    try out.write((i == 0 ? "" : JSONEdgeFormatter.separator) + JSONEdgeFormatter.item(e, encoder: encoder))
                }
                try out.write(JSONEdgeFormatter.tail)
            }
        }
        try out.flush()
    }
}
