internal import CYaml
import Yams

/// Builds one document's node tree straight from libyaml's events, node for node what
/// `Yams.compose(yaml:, .basic, .default, .utf8)` builds (values, tags, styles, marks), for
/// the documents manifests are: no anchors or aliases, scalar keys each written once per
/// map. Yams wraps every event in an object, decodes every scalar through Foundation and
/// hashes every map's keys: over a third of loading a large YAML file. Anything else
/// (an alias, a repeated key, a syntax error, a second document) answers "not composed" and
/// Yams reads the document, with its errors.
enum YAMLComposer {
    /// What composing gave: the tree (nil for a document holding nothing), or nothing
    /// composed here.
    enum Outcome {
        case composed(Node?)
        case notComposed
    }

    /// - Complexity: O(bytes).
    static func compose(_ text: String) -> Outcome {
        guard YamsMark.available else { return .notComposed }
        var text = text
        return text.withUTF8 { bytes -> Outcome in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            parser.initialize(to: yaml_parser_t())
            guard yaml_parser_initialize(parser) == 1 else { return .notComposed }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            var events = EventReader(parser: parser)
            return events.document()
        }
    }

    /// Reads the events of one stream; every nil is "not composed here".
    private struct EventReader {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        /// One per document, as Yams' parser holds one (`Constructor.default` builds its maps anew).
        let constructor = Constructor.default

        /// The stream's one document, or its absence.
        mutating func document() -> Outcome {
            guard take(YAML_STREAM_START_EVENT), var start = parse() else { return .notComposed }
            let type = start.type
            yaml_event_delete(&start)
            if type == YAML_STREAM_END_EVENT { return .composed(nil) }
            guard type == YAML_DOCUMENT_START_EVENT, var first = parse() else { return .notComposed }
            let root = node(first)
            yaml_event_delete(&first)
            guard let root, take(YAML_DOCUMENT_END_EVENT), take(YAML_STREAM_END_EVENT) else { return .notComposed }
            return .composed(root)
        }

        /// The next event; the caller deletes it (`yaml_event_delete`).
        private mutating func parse() -> yaml_event_t? {
            var event = yaml_event_t()
            return yaml_parser_parse(parser, &event) == 1 ? event : nil
        }

        /// Whether the next event has the type (it is deleted at once).
        private mutating func take(_ type: yaml_event_type_t) -> Bool {
            guard var event = parse() else { return false }
            defer { yaml_event_delete(&event) }
            return event.type == type
        }

        /// The node `e` starts (its events up to the end of a collection read too).
        private mutating func node(_ e: yaml_event_t) -> Node? {
            switch e.type {
            case YAML_SCALAR_EVENT: return scalar(e)
            case YAML_SEQUENCE_START_EVENT:
                let s = e.data.sequence_start
                guard s.anchor == nil else { return nil }
                var items: [Node] = []
                while var child = parse() {
                    defer { yaml_event_delete(&child) }
                    if child.type == YAML_SEQUENCE_END_EVENT {
                        return .sequence(.init(items, tag(s.implicit != 0 ? nil : Self.string(s.tag)), .any, Self.mark(e)))
                    }
                    guard let item = node(child) else { return nil }
                    items.append(item)
                }
                return nil
            case YAML_MAPPING_START_EVENT:
                let m = e.data.mapping_start
                guard m.anchor == nil else { return nil }
                var pairs: [(Node, Node)] = []
                var keys = KeySet()
                while var key = parse() {
                    defer { yaml_event_delete(&key) }
                    if key.type == YAML_MAPPING_END_EVENT {
                        return .mapping(.init(pairs, tag(m.implicit != 0 ? nil : Self.string(m.tag)), .any, Self.mark(e)))
                    }
                    guard key.type == YAML_SCALAR_EVENT, let k = scalar(key, isKey: true), case .scalar(let ks) = k, keys.insert(ks.string),
                        var first = parse()
                    else { return nil }
                    let value = node(first)
                    yaml_event_delete(&first)
                    guard let value else { return nil }
                    pairs.append((k, value))
                }
                return nil
            default: return nil
            }
        }

        /// A scalar node as Yams makes it: a quoted scalar without a tag is tagged `str`. Yams
        /// hashes every key to find duplicates, which resolves a key's implicit (or `!`) tag
        /// to `str` with the basic resolver; a key is made so here.
        private func scalar(_ e: yaml_event_t, isKey: Bool = false) -> Node? {
            let s = e.data.scalar
            guard s.anchor == nil, let value = String(validating: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self),
                let style = Node.Scalar.Style(rawValue: numericCast(s.style.rawValue))
            else { return nil }
            var name = s.quoted_implicit == 1 ? Tag.Name.str.rawValue : Self.string(s.tag)
            if isKey && (name == nil || name == Tag.Name.nonSpecific.rawValue) { name = Tag.Name.str.rawValue }
            return .scalar(.init(value, tag(name), style, Self.mark(e)))
        }

        /// A fresh tag per node, as Yams makes them (a tag's name is resolved in place).
        private func tag(_ name: String?) -> Tag { Tag(name.map(Tag.Name.init(rawValue:)) ?? .implicit, .basic, constructor) }

        private static func mark(_ e: yaml_event_t) -> Mark {
            YamsMark.make(line: Int(e.start_mark.line) + 1, column: Int(e.start_mark.column) + 1)
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.flatMap { String.decodeCString($0, as: UTF8.self, repairingInvalidCodeUnits: true)?.result }
        }
    }

    /// The keys of one map so far: a list while short, a set beyond.
    private struct KeySet {
        private var few: [String] = []
        private var many: Set<String>? = nil

        /// False when `key` was there already.
        mutating func insert(_ key: String) -> Bool {
            if many != nil { return many!.insert(key).inserted }
            if few.contains(key) { return false }
            few.append(key)
            if few.count > 8 { many = Set(few) }
            return true
        }
    }
}
