/// Which parts of an object the JSON fast path builds into a tree. Everything else is
/// checked (syntax, duplicate keys, encoding) and hashed for duplicate detection, but never
/// materialised: a real pod is mostly `managedFields`, `status`, env and probes, none of
/// which any decoder reads. A decoder that starts reading a field skipped here must take it
/// out of this table (`JSONFastPathTests` fails otherwise: it fills every skipped field
/// with values of the wrong type and expects the same load from both readers).
final class JSONKeepRule: Sendable {
    /// For a map: rules by key, `other` for the rest. A value of another type is kept whole.
    let fields: [String: JSONKeepRule]
    let other: Keep
    /// For a list: the rule of each element (nil: keep whole).
    let elements: JSONKeepRule?

    enum Keep: Sendable {
        case all, none
    }

    private init(fields: [String: JSONKeepRule] = [:], other: Keep = .all, elements: JSONKeepRule? = nil) {
        self.fields = fields
        self.other = other
        self.elements = elements
    }

    static let all = JSONKeepRule()
    static let none = JSONKeepRule(other: .none)

    var keepsNothing: Bool { other == .none && fields.isEmpty }

    /// The rule for the value at `key` of a map.
    func rule(forKey key: String) -> JSONKeepRule {
        // Most kept subtrees are kept whole: no key to hash.
        if fields.isEmpty { return other == .all ? .all : .none }
        return fields[key] ?? (other == .all ? .all : .none)
    }

    /// Container fields nothing reads (ports, names and the rest are kept).
    private static let container = JSONKeepRule(
        fields: [
            "env": .none, "envFrom": .none, "livenessProbe": .none, "readinessProbe": .none, "startupProbe": .none, "resources": .none,
        ])
    private static let podSpec = JSONKeepRule(fields: [
        "containers": JSONKeepRule(elements: container), "initContainers": JSONKeepRule(elements: container),
    ])
    /// Annotations are read (lint's suppressions, AppArmor profiles, a Secret's service
    /// account) except kubectl's copy of the last applied object, the one that can be large;
    /// managedFields never are.
    private static let annotations = JSONKeepRule(fields: ["kubectl.kubernetes.io/last-applied-configuration": .none])
    private static let metadata = JSONKeepRule(fields: ["managedFields": .none, "annotations": annotations])
    private static let template = JSONKeepRule(fields: ["metadata": metadata, "spec": podSpec])

    /// An object at the top of a document or in a List's items.
    static let object = JSONKeepRule(fields: [
        "metadata": metadata,
        // Pod IPs (`podIP`, `podIPs`), Node addresses, and the phase.
        "status": JSONKeepRule(fields: ["podIP": .all, "podIPs": .all, "addresses": .all, "phase": .all], other: .none),
        "spec": JSONKeepRule(fields: [
            "containers": JSONKeepRule(elements: container), "initContainers": JSONKeepRule(elements: container),
            "template": template, "jobTemplate": JSONKeepRule(fields: ["spec": JSONKeepRule(fields: ["template": template])]),
        ]),
    ])
}
