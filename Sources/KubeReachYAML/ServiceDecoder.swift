import KubeReachCore

/// `v1` Service: selector and ports, kept for reports.
enum ServiceDecoder {
    static func read(_ root: Field, header: ObjectHeader) -> Service {
        let spec = root.child("spec")
        let ports = (spec.child("ports").sequence() ?? []).compactMap { p -> Service.Port? in
            guard let number = p.child("port").int() else { return nil }
            let target = p.child("targetPort")
            var targetValue: PolicyPort.Value? = nil
            if target.isPlainInteger, let n = target.int() { targetValue = .number(n) } else if let s = target.string() {
                targetValue = .name(s)
            }
            return Service.Port(
                name: p.child("name").string(), port: number, targetPort: targetValue,
                proto: ProtocolDecoder.read(p.child("protocol")) ?? .tcp)
        }
        return Service(
            namespace: header.namespace, name: header.name, selector: spec.child("selector").stringMap(), ports: ports,
            type: spec.child("type").string() ?? "ClusterIP", location: header.location)
    }
}
