import KubeReachCore

/// One `ports` entry of a policy rule: protocol (TCP by default), port and endPort.
enum PolicyPortDecoder {
    /// nil when invalid (errors reported). A missing `port` means every port of the protocol.
    static func read(_ field: Field) -> PolicyPort? {
        let sink = field.sink
        if field.isMissing { return PolicyPort() }
        guard field.isMapping else {
            sink.error("a port entry must be a map", at: field)
            return nil
        }
        field.warnUnknownKeys(["protocol", "port", "endPort"])
        let proto = ProtocolDecoder.read(field.child("protocol")) ?? .tcp
        let portField = field.child("port"), endField = field.child("endPort")
        let value = PortValueDecoder.read(portField)
        if value == nil && !portField.isMissing { return nil }
        var endPort: Int? = nil
        if !endField.isMissing {
            guard let end = endField.int() else { return nil }
            switch value {
            case .number(let start):
                guard end >= start && end <= 65535 else {
                    sink.error("endPort \(end) must be between port \(start) and 65535", at: endField)
                    return nil
                }
            case .name:
                sink.error("endPort cannot be used with a named port", at: endField)
                return nil
            case nil:
                sink.error("endPort needs a numeric port", at: endField)
                return nil
            }
            endPort = end
        }
        return PolicyPort(proto: proto, port: value, endPort: endPort)
    }
}
