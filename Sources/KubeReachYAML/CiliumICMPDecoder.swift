import KubeReachCore

/// `icmps[].fields[]`: `family` (`IPv4`, the default, or `IPv6`) and `type`, a number
/// 0-255 or a CamelCase name of that family, as Cilium's CRD accepts them.
enum CiliumICMPDecoder {
    static func read(_ entry: Field) -> [CiliumICMPField] {
        guard entry.isMapping else {
            if !entry.isMissing { entry.sink.error("an icmps entry must be a map", at: entry) }
            return []
        }
        entry.warnUnknownKeys(["fields"])
        let fields = entry.child("fields").sequence() ?? []
        if fields.isEmpty { entry.sink.warning("an icmps entry without fields covers no ICMP type", at: entry) }
        return fields.compactMap(field)
    }

    private static func field(_ f: Field) -> CiliumICMPField? {
        guard f.isMapping else {
            f.sink.error("an ICMP field must be a map", at: f)
            return nil
        }
        f.warnUnknownKeys(["family", "type"])
        var family = ICMPFamily.v4
        if let text = f.child("family").string() {
            switch text {
            case "IPv4": family = .v4
            case "IPv6": family = .v6
            default:
                f.sink.error("unknown ICMP family '\(text)' (IPv4 or IPv6)", at: f.child("family"))
                return nil
            }
        }
        let typeField = f.child("type")
        guard let text = typeField.string() else {
            if typeField.isMissing { f.sink.error("type is required (0-255 or a message name)", at: typeField) }
            return nil
        }
        guard let type = Int(text) ?? CiliumICMPField.type(named: text, family: family) else {
            let names = CiliumICMPField.names(family).joined(separator: ", ")
            f.sink.error("unknown \(family.rawValue) type '\(text)' (0-255 or one of \(names))", at: typeField)
            return nil
        }
        guard (0...255).contains(type) else {
            f.sink.error("ICMP type \(type) is outside 0-255", at: typeField)
            return nil
        }
        let out = CiliumICMPField(family: family, type: type)
        if out.matchesEveryType {
            f.sink.warning(
                "\(out) (\(family == .v4 ? "EchoReply" : "type 0")) matches every \(family.rawValue) type: Cilium reads type 0 as its wildcard (cilium/cilium#41304)",
                at: typeField)
        }
        return out
    }
}
