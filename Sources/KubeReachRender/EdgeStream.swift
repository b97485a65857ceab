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
    /// `externals`: merged joins each pair's external lines (not for DOT, which keeps
    /// netpol-analyzer's layout; callers refuse that combination).
    public static func stream(
        _ edges: [ConnectivityEdge], as format: ListFormat, nodes: [Endpoint] = [], externals: ExternalsMode = .split,
        to out: inout EdgeStream
    ) throws {
        if format == .dot {
            try out.write(DotEdgeFormatter.render(edges, nodes: nodes))
        } else if externals == .merged {
            try stream(lines: ListedEdge.merged(edges), as: format, to: &out)
        } else {
            try stream(lines: edges.lazy.map(ListedEdge.init), as: format, to: &out)
        }
        try out.flush()
    }

    private static func stream(lines: some Sequence<ListedEdge>, as format: ListFormat, to out: inout EdgeStream) throws {
        switch format {
        case .dot:
            return
        case .txt:
            for e in lines { try out.write(TextEdgeFormatter.line(e)) }
        case .csv:
            try out.write(CSVEdgeFormatter.header)
            for e in lines { try out.write(CSVEdgeFormatter.line(e)) }
        case .md:
            try out.write(MarkdownEdgeFormatter.header)
            for e in lines { try out.write(MarkdownEdgeFormatter.line(e)) }
        case .json:
            var first = true
            let encoder = JSONOutput.makeEncoder(compact: true)
            for e in lines {
                try out.write((first ? JSONEdgeFormatter.head : JSONEdgeFormatter.separator) + JSONEdgeFormatter.item(e, encoder: encoder))
                first = false
            }
            try out.write(first ? JSONEdgeFormatter.empty : JSONEdgeFormatter.tail)
        }
    }
}
