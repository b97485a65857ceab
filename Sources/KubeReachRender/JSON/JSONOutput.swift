import Foundation
import KubeReachCore

/// Every JSON document kubereach prints is an `Encodable` value of this folder, encoded
/// here: keys sorted (stable output), two-space indent, slashes unescaped. Each document
/// carries `version`, which readers check first; it changes only when a field changes
/// meaning or disappears.
public enum JSONOutput {
    /// The schema version of every document (the diff document's numbering is the same).
    public static let version = 1

    public static func encode<T: Encodable>(_ value: T) -> String { encode(value, with: makeEncoder()) }

    /// With an encoder made once (`makeEncoder`), for documents written item by item.
    static func encode<T: Encodable>(_ value: T, with encoder: JSONEncoder) -> String {
        // Our documents hold strings, numbers, booleans and arrays only: encoding cannot fail.
        String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// `compact`: one line (the items of long lists, one per line).
    static func makeEncoder(compact: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// One allowed port range: `{"protocol": "TCP", "from": 80, "to": 80}`, so `jq` needs no
/// string parsing. The protocols other than TCP, UDP and SCTP have no ports: documents
/// carry them as `otherProtocols` beside the ranges.
public struct PortRangeDocument: Codable, Sendable, Equatable {
    public var `protocol`: String
    public var from: Int
    public var to: Int

    public init(protocol: String, from: Int, to: Int) {
        self.protocol = `protocol`
        self.from = from
        self.to = to
    }

    public static func list(_ c: ConnectionSet) -> [PortRangeDocument] {
        c.portRanges.map { PortRangeDocument(protocol: $0.proto.rawValue, from: $0.range.lowerBound, to: $0.range.upperBound) }
    }
}

/// An optional field written as `null` when absent (the encoder would leave the key out):
/// documents keep every field name, so `jq` filters and schemas see a stable shape.
@propertyWrapper
public struct Nullable<T: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var wrappedValue: T?

    public init(wrappedValue: T?) { self.wrappedValue = wrappedValue }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let v = wrappedValue { try c.encode(v) } else { try c.encodeNil() }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        wrappedValue = c.decodeNil() ? nil : try c.decode(T.self)
    }
}
