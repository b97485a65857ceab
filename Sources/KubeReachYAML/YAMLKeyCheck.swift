internal import CYaml

/// Locates the duplicate key that Yams refused a document for. Yams's error names the key
/// and one mark; this walks libyaml's event stream (no nodes built) for the first key written
/// twice in one map, and gives its field path and both places, as `JSONKeyCheck` does for
/// JSON. Runs only on documents Yams refused for a duplicate key.
enum YAMLKeyCheck {
    /// The first duplicate scalar key in document order, or nil when there is none or
    /// libyaml refuses the text. Keys compare as Yams compares them: by text, with an
    /// untagged, quoted or `!!str` key all strings.
    ///
    /// - Complexity: O(bytes).
    static func firstDuplicate(_ text: String) -> JSONKeyCheck.Duplicate? {
        var walk = Walk()
        return YAMLEvents.first(in: text) { walk.step($0) }
    }

    private enum Frame {
        /// `current`: the key whose value is being read; `keys`: key identity → 1-based line, column.
        case map(keys: [String: (line: Int, column: Int)], current: String?, expectingKey: Bool)
        case sequence(index: Int)
    }

    private struct Walk {
        var stack: [Frame] = []
        /// Set at a key that is a collection or an alias: no Kubernetes key is, and the walk
        /// would not know where the value starts.
        var gaveUp = false

        mutating func step(_ event: yaml_event_t) -> JSONKeyCheck.Duplicate? {
            guard !gaveUp else { return nil }
            switch event.type {
            case YAML_SCALAR_EVENT:
                let value = String(
                    decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
                let tag = event.data.scalar.tag.map { String(cString: $0) } ?? "tag:yaml.org,2002:str"
                return node(key: (value, tag), complete: true, at: event.start_mark)
            case YAML_ALIAS_EVENT:
                _ = node(key: nil, complete: true, at: event.start_mark)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                _ = node(key: nil, complete: false, at: event.start_mark)
                stack.append(
                    event.type == YAML_SEQUENCE_START_EVENT ? .sequence(index: 0) : .map(keys: [:], current: nil, expectingKey: true))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                _ = stack.popLast()
                advance()
            default: break
            }
            return nil
        }

        /// A node starts in the innermost collection (`complete`: a scalar or an alias, not
        /// the start of a collection); a scalar key is checked and recorded.
        mutating func node(key: (value: String, tag: String)?, complete: Bool, at mark: yaml_mark_t) -> JSONKeyCheck.Duplicate? {
            guard case .map(var keys, _, true)? = stack.last else {
                if complete { advance() }
                return nil
            }
            guard complete, let key else {
                gaveUp = true
                return nil
            }
            let place = (line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            let identity = key.tag == "tag:yaml.org,2002:str" ? key.value : "\(key.tag) \(key.value)"
            if let first = keys[identity] {
                return JSONKeyCheck.Duplicate(
                    key: key.value, path: path(key.value), line: place.line, column: place.column,
                    firstLine: first.line, firstColumn: first.column)
            }
            keys[identity] = place
            stack[stack.count - 1] = .map(keys: keys, current: key.value, expectingKey: false)
            return nil
        }

        /// A value ended: the map expects a key again, the sequence moves to its next item.
        mutating func advance() {
            switch stack.last {
            case .map(let keys, let current, false)?: stack[stack.count - 1] = .map(keys: keys, current: current, expectingKey: true)
            case .sequence(let i)?: stack[stack.count - 1] = .sequence(index: i + 1)
            default: break
            }
        }

        /// The field path of `key` in the innermost map, as `Field` spells paths.
        func path(_ key: String) -> String {
            var out = ""
            for frame in stack.dropLast() {
                switch frame {
                case .map(_, let current, _): out += out.isEmpty ? (current ?? "") : ".\(current ?? "")"
                case .sequence(let i): out += "[\(i)]"
                }
            }
            return out.isEmpty ? key : "\(out).\(key)"
        }
    }
}
