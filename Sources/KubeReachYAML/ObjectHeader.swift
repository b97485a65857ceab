import KubeReachCore

/// `apiVersion`, `kind` and `metadata` of any object.
struct ObjectHeader: Sendable {
    var apiVersion: String
    var kind: String
    var name: String
    var namespace: String
    /// Whether `metadata.namespace` was written.
    var namespaceWritten: Bool
    var labels: [String: String]
    /// The controller ownerReference, if any: (kind, nil when the reference has none; name).
    var controller: (kind: String?, name: String)?
    var location: SourceLocation

    /// The API group of `apiVersion` (`""` for the core group).
    var group: String {
        let parts = apiVersion.split(separator: "/")
        return parts.count == 2 ? String(parts[0]) : ""
    }

    /// nil when `root` has no string `kind` and `apiVersion`: not a Kubernetes object.
    static func read(_ root: Field, defaultKind: String? = nil, defaultAPIVersion: String? = nil) -> ObjectHeader? {
        guard root.isMapping, let kind = root.child("kind").string() ?? defaultKind,
            let apiVersion = root.child("apiVersion").string() ?? defaultAPIVersion, !kind.isEmpty
        else { return nil }
        let meta = root.child("metadata")
        var controller: (String?, String)? = nil
        for ref in meta.child("ownerReferences").sequence() ?? [] where ref.child("controller").bool() == true {
            if let name = ref.child("name").string() { controller = (ref.child("kind").string(), name) }
        }
        let ns = meta.child("namespace").string()
        return ObjectHeader(
            apiVersion: apiVersion, kind: kind, name: meta.child("name").string() ?? "",
            namespace: (ns?.isEmpty ?? true) ? "default" : ns!, namespaceWritten: !(ns?.isEmpty ?? true), labels: meta.child("labels").stringMap() ?? [:],
            controller: controller, location: root.location)
    }
}

/// Object names as the API server accepts them, so that no name can break an output line.
enum NameValidation {
    /// nil when valid; namespaces are DNS labels, other names DNS subdomains.
    static func problem(_ name: String, isNamespace: Bool) -> String? {
        let limit = isNamespace ? 63 : 253
        let u = Array(name.utf8)
        guard !u.isEmpty, u.count <= limit else { return "must be 1 to \(limit) characters" }
        let alnum = { (c: UInt8) in (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
        let allowed = { (c: UInt8) in alnum(c) || c == 45 || (!isNamespace && c == 46) }
        guard alnum(u.first!), alnum(u.last!), u.allSatisfy(allowed) else {
            return isNamespace
                ? "must be a DNS label: lower-case letters, digits and '-', starting and ending with a letter or digit"
                : "must be a DNS subdomain: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"
        }
        return nil
    }

    /// Letters, digits, '-', '_' and '.' only: nothing that could break a line of output.
    static func isPlain(_ name: String) -> Bool {
        name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 || $0 == 46 }
    }
}

/// The pod-level facts a pod spec gives: container ports and hostNetwork.
enum PodSpecDecoder {
    static func ports(_ spec: Field) -> [ContainerPort] {
        var out: [ContainerPort] = []
        for list in ["containers", "initContainers"] {
            for container in spec.child(list).sequence() ?? [] {
                for p in container.child("ports").sequence() ?? [] {
                    let numberField = p.child("containerPort")
                    if numberField.isMissing {
                        // The API server would refuse this entry; it declares no port, so skip it, loudly.
                        spec.sink.warning("port entry without containerPort: ignored", at: p)
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
