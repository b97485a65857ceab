import KubeReachCore

/// `v1` Service: selector, ports and type, kept for reports (Services do not change what a
/// policy allows). Port numbers are checked as the API server does.
enum ServiceDecoder {
    static func read(_ root: Field, header: ObjectHeader) -> Service {
        let spec = root.child("spec")
        let ports = (spec.child("ports").sequence() ?? []).compactMap { p -> Service.Port? in
            let portField = p.child("port")
            if portField.isMissing {
                if p.isMapping { p.sink.error("port is required", at: portField) }
                return nil
            }
            guard let number = portField.int() else { return nil }
            guard (1...65535).contains(number) else {
                p.sink.error("port \(number) is outside 1-65535", at: portField)
                return nil
            }
            let name = p.child("name").string()
            return Service.Port(
                name: (name?.isEmpty ?? true) ? nil : name, port: number, targetPort: PortValueDecoder.read(p.child("targetPort")),
                proto: ProtocolDecoder.read(p.child("protocol")) ?? .tcp)
        }
        return Service(
            namespace: header.namespace, name: header.name, selector: spec.child("selector").labelMap(), ports: ports,
            type: spec.child("type").string() ?? "ClusterIP", location: header.location)
    }
}
