import Yams

/// The type of an unquoted scalar as kubectl reads it (go-yaml v2, YAML 1.1 rules), so that
/// `port: 0x50` is the number 80 and `port: on` a boolean, as the cluster would see them,
/// not the port names "0x50" and "on". Yams composes with the basic resolver (no regular
/// expressions); typing the few scalars we read happens here.
enum PlainScalar: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number that is not an integer (`1.5`, `.inf`); integral floats are `.int`, as
    /// JSON conversion makes them.
    case float
    case string(String)

    init(_ text: String) {
        // Most scalars read are decimal numbers (ports, user ids): no word below starts with a digit.
        if let n = Self.decimal(text) {
            self = .int(n)
        } else if Self.nulls.contains(text) {
            self = .null
        } else if Self.trues.contains(text) {
            self = .bool(true)
        } else if Self.falses.contains(text) {
            self = .bool(false)
        } else if let n = Self.integer(text) {
            self = .int(n)
        } else if let d = Self.float(text) {
            if d.isFinite, d == d.rounded(), abs(d) < 9.0e15 { self = .int(Int(d)) } else { self = .float }
        } else {
            self = .string(text)
        }
    }

    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let trues: Set<String> = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    static let falses: Set<String> = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]

    /// A null as kubectl reads it: an untagged plain null, or anything tagged `!!null`.
    static func isNull(_ s: Node.Scalar) -> Bool {
        switch explicitTag(s) {
        case nil: s.style == .plain && nulls.contains(s.string)
        case .typed(let tag)?: tag == "tag:yaml.org,2002:null"
        case .string?: false
        }
    }

    /// What an explicit tag asks for. go-yaml v2 (inside sigs.k8s.io/yaml, which kubectl
    /// uses) resolves a scalar tagged `!!int`, `!!float`, `!!bool` or `!!null` from its text
    /// even when quoted, takes `!!str` and `!!binary` as strings, and keeps any other tag's
    /// scalar as a string.
    enum ExplicitTag: Equatable {
        case typed(String)
        case string
    }

    /// nil when the scalar has no tag (libyaml gives a plain or quoted scalar none).
    static func explicitTag(_ s: Node.Scalar) -> ExplicitTag? {
        let tag = s.tag.description
        switch tag {
        case "": return nil
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null": return .typed(tag)
        default: return .string
        }
    }

    /// Decimal, `0x` hex, `0o`/leading-zero octal, `0b` binary (prefixes in either case);
    /// `_` separators allowed. This is go-yaml v2's reading: it drops every `_` and hands
    /// the text to Go's `strconv.ParseInt(s, 0, 64)`, which since Go 1.13 takes `0o` and
    /// `0b` too, so `port: 0o10` reaches the API server as 8 (YAML 1.1 alone would make it
    /// a string), and `010` as 8.
    static func integer(_ text: String) -> Int? {
        if let n = decimal(text) { return n }
        var s = text.utf8.contains(UInt8(ascii: "_")) ? Substring(text.replacing("_", with: "")) : Substring(text)
        var negative = false
        if let sign = s.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            s = s.dropFirst()
        }
        guard let first = s.first, first.isASCII, first.isNumber else { return nil }
        let value: Int?
        if s.hasPrefix("0x") || s.hasPrefix("0X") {
            value = Int(s.dropFirst(2), radix: 16)
        } else if s.hasPrefix("0o") || s.hasPrefix("0O") {
            value = Int(s.dropFirst(2), radix: 8)
        } else if s.hasPrefix("0b") || s.hasPrefix("0B") {
            value = Int(s.dropFirst(2), radix: 2)
        } else if s.count > 1, s.hasPrefix("0"), s.allSatisfy({ ("0"..."7").contains($0) }) {
            value = Int(s.dropFirst(), radix: 8)
        } else if s.allSatisfy({ $0.isASCII && $0.isNumber }) {
            value = Int(s, radix: 10)
        } else {
            value = nil
        }
        guard let value, !s.utf8.contains(UInt8(ascii: "-")), !s.utf8.contains(UInt8(ascii: "+")) else { return nil }
        return negative ? -value : value
    }

    /// Digits only, without a leading zero (`0` itself aside), within `Int`: what `integer`
    /// reads as decimal, without its copies; nil for anything else (`integer` decides).
    static func decimal(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { u -> Int? in
            guard let first = u.first, first >= 48, first <= 57, first != 48 || u.count == 1, u.count <= 18 else { return nil }
            var n = 0
            for b in u {
                guard b >= 48, b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` and the `.inf`/`.nan` forms.
    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        let u = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1 }
            return i - start
        }
        if i < u.count, u[i] == 43 || u[i] == 45 { i += 1 }
        let whole = digits()
        if i < u.count, u[i] == 46 {
            i += 1
            let fraction = digits()
            guard whole > 0 || fraction > 0 else { return nil }
        } else if whole == 0 {
            return nil
        }
        if i < u.count, u[i] == 101 || u[i] == 69 {
            i += 1
            if i < u.count, u[i] == 43 || u[i] == 45 { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == u.count else { return nil }
        return Double(text)
    }
}
