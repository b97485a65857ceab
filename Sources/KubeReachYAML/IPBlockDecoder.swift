import KubeReachCore

/// `ipBlock`: a valid `cidr`, and `except` blocks of the same family strictly inside it.
enum IPBlockDecoder {
    static func read(_ field: Field) -> IPBlock? {
        let sink = field.sink
        if !field.isMapping {
            sink.error("ipBlock must be a map with a cidr", at: field)
            return nil
        }
        field.warnUnknownKeys(["cidr", "except"])
        let cidrField = field.child("cidr")
        if cidrField.isMissing {
            sink.error("ipBlock.cidr is required", at: cidrField)
            return nil
        }
        guard let cidr = cidr(cidrField) else { return nil }
        var excepts: [CIDR] = []
        for e in field.child("except").sequence() ?? [] {
            guard let ex = self.cidr(e) else { continue }
            if ex.address.family != cidr.address.family {
                sink.error("except \(ex) is not of the same IP family as cidr \(cidr)", at: e)
            } else if !(cidr.range.contains(ex.range) && ex.prefixLength > cidr.prefixLength) {
                sink.error("except \(ex) is not inside cidr \(cidr) (it must be a strict subset)", at: e)
            } else {
                excepts.append(ex)
            }
        }
        return IPBlock(cidr: cidr, except: excepts)
    }

    /// A CIDR; host bits set are accepted with a warning, as the API server masks them.
    static func cidr(_ field: Field) -> CIDR? {
        if field.isMissing {
            field.sink.error("expected a CIDR", at: field)
            return nil
        }
        guard let text = field.string() else { return nil }
        do {
            let c = try CIDR.parse(text)
            if c.hasHostBits {
                field.sink.warning("\(text) has host bits set; it is read as \(c.range.first)/\(c.prefixLength)", at: field)
            }
            if c.address.family == .v6 && c.prefixLength >= 96 && c.address.value >> 32 == 0xFFFF {
                // ::ffff:a.b.c.d: network plugins differ on whether it matches a.b.c.d; we read it as IPv6.
                let v4 = IPAddress(family: .v4, value: c.range.first.value & 0xFFFF_FFFF)
                field.sink.warning(
                    "\(text) is an IPv4-mapped IPv6 address: it is read as IPv6 and matches no IPv4 address (for IPv4, write \(v4)/\(c.prefixLength - 96))",
                    at: field)
            }
            return c
        } catch {
            let why: String
            switch error {
            case .missingPrefix: why = "missing /prefix"
            case .invalidAddress(let a): why = "invalid address '\(a)'"
            case .invalidPrefix(let p): why = "invalid prefix length '\(p)'"
            }
            field.sink.error("invalid CIDR '\(text)': \(why)", at: field)
            return nil
        }
    }
}
