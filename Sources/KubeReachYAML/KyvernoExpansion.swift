import Foundation
import Yams

/// Reads back a Kyverno `ClusterPolicy` of Namespace-triggered `generate` rules (the shape
/// `generate default-deny --as kyverno` writes) and expands it for a list of namespaces
/// into the NetworkPolicy manifests Kyverno would create, so the written text itself is
/// simulated. Anything outside that shape is an error, never skipped: a rule the expansion
/// does not understand would make the check pass on less than Kyverno does.
public enum KyvernoExpansion {
    public static func networkPolicies(_ text: String, namespaces: [String]) throws(InputFileError) -> String {
        let root: [String: Any]
        do {
            guard let r = try Yams.load(yaml: text) as? [String: Any] else { throw fail("not a mapping") }
            root = r
        } catch let e as InputFileError { throw e } catch { throw fail("not YAML: \(error)") }
        guard root["apiVersion"] as? String == "kyverno.io/v1", root["kind"] as? String == "ClusterPolicy" else {
            throw fail("not a kyverno.io/v1 ClusterPolicy")
        }
        guard let rules = (root["spec"] as? [String: Any])?["rules"] as? [[String: Any]], !rules.isEmpty else {
            throw fail("spec.rules is missing")
        }
        var docs: [String] = []
        for (i, rule) in rules.enumerated() {
            try known(rule, ["name", "match", "exclude", "generate"], at: "spec.rules[\(i)]")
            let generate = try template(rule["generate"], at: "spec.rules[\(i)].generate")
            for ns in namespaces.sorted() where try selects(rule["match"], ns, at: "spec.rules[\(i)].match") {
                if rule["exclude"] != nil, try selects(rule["exclude"], ns, at: "spec.rules[\(i)].exclude") { continue }
                let object: [String: Any] = [
                    "apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                    "metadata": ["name": generate.name, "namespace": ns], "spec": generate.spec,
                ]
                do { docs.append(try Yams.dump(object: object)) } catch { throw fail("cannot write the expansion: \(error)") }
            }
        }
        return docs.joined(separator: "---\n")
    }

    /// Whether `match`/`exclude` (`any:` of Namespace resources, optionally by name) takes `ns`.
    static func selects(_ block: Any?, _ ns: String, at path: String) throws(InputFileError) -> Bool {
        guard let b = block as? [String: Any], let any = b["any"] as? [[String: Any]] else { throw fail("\(path): expected any: [...]") }
        try known(b, ["any"], at: path)
        for (j, entry) in any.enumerated() {
            try known(entry, ["resources"], at: "\(path).any[\(j)]")
            guard let r = entry["resources"] as? [String: Any], let kinds = r["kinds"] as? [String], kinds == ["Namespace"] else {
                throw fail("\(path).any[\(j)]: expected resources.kinds [Namespace]")
            }
            try known(r, ["kinds", "names"], at: "\(path).any[\(j)].resources")
            guard let names = r["names"] else { return true }
            guard let list = names as? [String] else { throw fail("\(path).any[\(j)].resources.names: expected a list") }
            if list.contains(ns) { return true }
        }
        return false
    }

    static func template(_ block: Any?, at path: String) throws(InputFileError) -> (name: String, spec: Any) {
        guard let g = block as? [String: Any] else { throw fail("\(path) is missing") }
        try known(g, ["generateExisting", "synchronize", "apiVersion", "kind", "name", "namespace", "data"], at: path)
        guard g["apiVersion"] as? String == "networking.k8s.io/v1", g["kind"] as? String == "NetworkPolicy" else {
            throw fail("\(path): expected a networking.k8s.io/v1 NetworkPolicy")
        }
        guard g["namespace"] as? String == "{{request.object.metadata.name}}" else {
            throw fail("\(path).namespace: expected {{request.object.metadata.name}}")
        }
        guard let name = g["name"] as? String, let data = g["data"] as? [String: Any], let spec = data["spec"] else {
            throw fail("\(path): expected name and data.spec")
        }
        try known(data, ["spec"], at: "\(path).data")
        return (name, spec)
    }

    static func known(_ map: [String: Any], _ keys: Set<String>, at path: String) throws(InputFileError) {
        if let k = map.keys.sorted().first(where: { !keys.contains($0) }) { throw fail("\(path).\(k): not read by the expansion") }
    }

    static func fail(_ message: String) -> InputFileError {
        InputFileError(file: "the Kyverno ClusterPolicy", line: nil, message: message)
    }
}
