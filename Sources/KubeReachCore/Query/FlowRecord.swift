/// One observed connection, as read from a flow file (endpoints not yet mapped).
public struct FlowRecord: Sendable {
    public enum End: Sendable {
        /// `ns/name`, `ns/Kind/name` or an IP address, as written.
        case reference(String)
        /// The fields of a Hubble flow endpoint.
        case observed(namespace: String?, pod: String?, workload: (kind: String?, name: String)?, ip: String?)
    }

    public var source: End
    public var destination: End
    public var proto: NetworkProtocol
    public var port: Int
    public var line: Int

    public init(source: End, destination: End, proto: NetworkProtocol, port: Int, line: Int) {
        self.source = source
        self.destination = destination
        self.proto = proto
        self.port = port
        self.line = line
    }
}

/// What one line of a flow file gave: a flow, a line to skip on purpose (a dropped or
/// reply flow, counted in a note), or a problem (a warning naming the line).
public enum FlowLine: Sendable {
    case flow(FlowRecord)
    case skipped(line: Int, reason: String)
    case problem(line: Int, message: String)
}
