internal import CYaml

/// libyaml's event stream over a text, for the checks that must see what Yams would merge or
/// hash before composing (duplicate keys, aliases used as keys).
enum YAMLEvents {
    /// The first non-nil answer of `visit` over the events, or nil (also when libyaml stops
    /// on a syntax error: Yams reports that one).
    /// - Complexity: O(bytes).
    static func first<R>(in text: String, _ visit: (yaml_event_t) -> R?) -> R? {
        var bytes = Array(text.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer -> R? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let found = visit(event) { return found }
            }
            return nil
        }
    }
}
