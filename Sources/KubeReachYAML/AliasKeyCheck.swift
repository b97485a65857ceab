internal import CYaml

/// Finds map keys that would make Yams's `compose` take exponential time. Yams checks every
/// map for duplicate keys by hashing its key nodes, and an alias shares its anchor's whole
/// subtree: a key that is an alias of a collection, or a collection holding an alias, can
/// stand for billions of nodes, all hashed before the loader sees the document (found by
/// the fuzzer; `Tests/Corpus/fuzz-alias-key-*.yaml`). Kubernetes keys are strings, so such a
/// document is refused instead. libyaml's event stream is read without building nodes.
enum AliasKeyCheck {
    /// The 1-based line (within `text`) of the first key that is an alias of a collection or
    /// a collection holding an alias; nil when there is none, or when libyaml refuses the
    /// text (Yams then reports the syntax error).
    /// - Complexity: O(bytes); only documents with a `*` can hold an alias.
    static func firstAliasedKey(_ text: String) -> Int? {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var walk = Walk()
        return YAMLEvents.first(in: text) { event in walk.step(event) ? Int(event.start_mark.line) + 1 : nil }
    }

    /// The state of the event walk: open collections and which anchors name collections.
    private struct Walk {
        /// Per open collection: nil for a sequence; for a map, whether the next node is a key.
        var stack: [Bool?] = []
        /// Depth of `stack` at which the outermost collection key currently open started.
        var keyDepth: Int? = nil
        var collectionAnchors: [String: Bool] = [:]

        /// True when `event` makes a key aliased.
        mutating func step(_ event: yaml_event_t) -> Bool {
            switch event.type {
            case YAML_SCALAR_EVENT:
                record(event.data.scalar.anchor, isCollection: false)
                _ = nodeStarts()
            case YAML_ALIAS_EVENT:
                let isKey = nodeStarts()
                if keyDepth != nil { return true }
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                if isKey && collectionAnchors[name] == true { return true }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                record(anchor, isCollection: true)
                if nodeStarts() && keyDepth == nil { keyDepth = stack.count }
                stack.append(event.type == YAML_SEQUENCE_START_EVENT ? nil : true)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                stack.removeLast()
                if keyDepth == stack.count { keyDepth = nil }
            default: break
            }
            return false
        }

        /// A node starts in the innermost collection: true when it is a map key.
        mutating func nodeStarts() -> Bool {
            guard let last = stack.last, let expectsKey = last else { return false }
            stack[stack.count - 1] = !expectsKey
            return expectsKey
        }

        mutating func record(_ anchor: UnsafeMutablePointer<yaml_char_t>?, isCollection: Bool) {
            guard let anchor else { return }
            collectionAnchors[String(cString: anchor)] = isCollection
        }
    }
}
