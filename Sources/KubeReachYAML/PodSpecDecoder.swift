import KubeReachCore

/// The pod-level facts a pod spec gives: container ports and hostNetwork. Used for Pods and
/// for workload templates alike.
enum PodSpecDecoder {
    /// The ports of `containers` and `initContainers` (named ports may sit on either).
    static func ports(_ spec: Field) -> [ContainerPort] {
        var out: [ContainerPort] = []
        for list in ["containers", "initContainers"] {
            for container in spec.child(list).sequence() ?? [] {
                for p in container.child("ports").sequence() ?? [] {
                    let numberField = p.child("containerPort")
                    if numberField.isMissing {
                        // The API server would refuse this entry; it declares no port, so skip it, loudly.
                        if p.isMapping { spec.sink.warning("port entry without containerPort: ignored", at: p) }
                        continue
                    }
                    guard let number = numberField.int() else { continue }
                    guard (1...65535).contains(number) else {
                        spec.sink.error("containerPort \(number) is outside 1-65535", at: numberField)
                        continue
                    }
                    let proto = ProtocolDecoder.read(p.child("protocol")) ?? .tcp
                    let name = p.child("name").string()
                    out.append(ContainerPort(name: (name?.isEmpty ?? true) ? nil : name, port: number, proto: proto))
                }
            }
        }
        return out
    }

    static func hostNetwork(_ spec: Field) -> Bool { spec.child("hostNetwork").bool() ?? false }
}

/// `protocol` fields.
enum ProtocolDecoder {
    /// TCP, UDP or SCTP; anything else is an error; nil when missing.
    static func read(_ field: Field) -> NetworkProtocol? {
        guard let text = field.string() else { return nil }
        guard let p = NetworkProtocol(rawValue: text) else {
            field.sink.error("unsupported protocol '\(text)' (TCP, UDP or SCTP)", at: field)
            return nil
        }
        return p
    }
}
