import KubeReachCore

/// Field readers shared by the Calico decoders: selectors, protocols, ports, nets, orders.
enum CalicoFields {
    /// A selector expression; a parse error is located at the field with Calico's column.
    static func selector(_ field: Field, allowGlobal: Bool) -> CalicoSelector? {
        guard let text = field.string() else { return nil }
        do {
            let selector = try CalicoSelector.parse(text)
            if !allowGlobal && selector.mentionsGlobal {
                field.sink.error("global() can only be used in an entity rule's namespaceSelector", at: field)
                return nil
            }
            return selector
        } catch {
            field.sink.error("invalid selector '\(text)': \(error)", at: field)
            return nil
        }
    }

    /// A protocol name (`TCP`, `UDP`, `ICMP`, `ICMPv6`, `SCTP`, `UDPLite`) or a number 1–255.
    static func protocolValue(_ field: Field) -> CalicoProtocol? {
        if field.isMissing { return nil }
        if case .int(let n)? = field.plainValue {
            guard let proto = CalicoProtocol(number: n) else {
                field.sink.error("protocol number must be 1-255, got \(n)", at: field)
                return nil
            }
            return proto
        }
        guard let text = field.string() else { return nil }
        if let proto = CalicoProtocol(name: text) { return proto }
        if let n = Int(text), let proto = CalicoProtocol(number: n) { return proto }
        field.sink.error("protocol must be TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite or 1-255, got '\(text)'", at: field)
        return nil
    }

    /// A port number, a `lo:hi` range (inclusive, lo ≤ hi) or a port name.
    static func port(_ field: Field) -> CalicoPort? {
        if case .int(let n)? = field.plainValue {
            guard (0...65535).contains(n) else {
                field.sink.error("port \(n) is outside 0-65535", at: field)
                return nil
            }
            return .range(n, n)
        }
        guard let text = field.string() else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let lo = Int(parts[0]), let hi = Int(parts[1]), (0...65535).contains(lo), (0...65535).contains(hi), lo <= hi else {
                field.sink.error("port range '\(text)' must be lo:hi with 0 ≤ lo ≤ hi ≤ 65535", at: field)
                return nil
            }
            return .range(lo, hi)
        }
        if let n = Int(text), (0...65535).contains(n) { return .range(n, n) }
        guard !text.isEmpty, text.utf8.count <= 128,
            text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || isAlphanumeric($0) })
        else {
            field.sink.error("invalid port '\(text)': a number, a lo:hi range or a port name", at: field)
            return nil
        }
        return .named(text)
    }

    /// A CIDR or a bare address (Calico reads `10.0.0.1` as `/32`).
    static func net(_ field: Field) -> CIDR? {
        guard let text = field.string() else {
            if field.isMissing { field.sink.error("expected a CIDR", at: field) }
            return nil
        }
        if !text.contains("/"), let address = IPAddress(text) {
            return try? CIDR.parse("\(text)/\(address.family == .v4 ? 32 : 128)")
        }
        return IPBlockDecoder.cidr(field)
    }

    /// `order`: any finite number; absent is nil (sorted last).
    static func number(_ field: Field) -> Double? {
        if field.isMissing { return nil }
        switch field.plainValue {
        case .int(let n)?: return Double(n)
        case .float?:
            if let text = field.string(), let d = PlainScalar.float(text), d.isFinite { return d }
        default: break
        }
        field.sink.error("expected a number", at: field)
        return nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
