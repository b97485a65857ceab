/// A selector Calico would refuse: the 1-based column (in bytes) and what was expected there.
/// The loader prefixes the field path: `spec.ingress[0].source.selector: col 17: expected ')'`.
public struct CalicoSelectorError: Error, Hashable, Sendable, CustomStringConvertible {
    public var column: Int
    public var message: String

    public var description: String { "col \(column): \(message)" }
}

extension CalicoSelector {
    /// Parses Calico's selector language with libcalico-go's grammar: `||` binds loosest, then
    /// `&&`, then an operation with any number of leading `!`. Whitespace is spaces and tabs
    /// only; strings are single- or double-quoted without escapes; an empty text is `all()`.
    public static func parse(_ text: String) throws(CalicoSelectorError) -> CalicoSelector {
        var tokenizer = CalicoSelectorTokenizer(text)
        let tokens = try tokenizer.tokens()
        if tokens.first?.kind == .end { return .all }
        var parser = CalicoSelectorTokenParser(tokens: tokens)
        let selector = try parser.orExpression()
        let next = parser.peek
        guard next.kind == .end else {
            throw CalicoSelectorError(column: next.column, message: "expected '&&', '||' or the end, found \(next.kind)")
        }
        return selector
    }
}

/// One lexical token, with the column where it starts.
struct CalicoSelectorToken {
    enum Kind: Equatable, CustomStringConvertible {
        case label(String)
        case string(String)
        case has(String)
        case all, global, leftBrace, rightBrace, comma, equals, notEquals, not, `in`, notIn
        case contains, startsWith, endsWith, leftParen, rightParen, and, or, end

        var description: String {
            switch self {
            case .label(let name): return "label '\(name)'"
            case .string: return "string"
            case .has: return "has()"
            case .all: return "all()"
            case .global: return "global()"
            case .leftBrace: return "'{'"
            case .rightBrace: return "'}'"
            case .comma: return "','"
            case .equals: return "'=='"
            case .notEquals: return "'!='"
            case .not: return "'!'"
            case .in: return "'in'"
            case .notIn: return "'not in'"
            case .contains: return "'contains'"
            case .startsWith: return "'starts with'"
            case .endsWith: return "'ends with'"
            case .leftParen: return "'('"
            case .rightParen: return "')'"
            case .and: return "'&&'"
            case .or: return "'||'"
            case .end: return "end of selector"
            }
        }
    }

    var kind: Kind
    var column: Int
}

/// Turns selector text into tokens the way libcalico-go's tokenizer does: after a label
/// only an operator may follow (`contains`, `starts with`, `ends with`, `not in`, `in`,
/// `==`, `!=`), so a label named `in` still reads as a label where a label is due.
struct CalicoSelectorTokenizer {
    private let bytes: [UInt8]
    private var index = 0
    private var output: [CalicoSelectorToken] = []

    init(_ text: String) { bytes = Array(text.utf8) }

    mutating func tokens() throws(CalicoSelectorError) -> [CalicoSelectorToken] {
        while true {
            skipBlanks()
            guard index < bytes.count else {
                output.append(CalicoSelectorToken(kind: .end, column: index + 1))
                return output
            }
            try readToken()
        }
    }

    private mutating func readToken() throws(CalicoSelectorError) {
        let start = index
        func emit(_ kind: CalicoSelectorToken.Kind, length: Int) {
            output.append(CalicoSelectorToken(kind: kind, column: start + 1))
            index += length
        }
        switch bytes[index] {
        case UInt8(ascii: "("): emit(.leftParen, length: 1)
        case UInt8(ascii: ")"): emit(.rightParen, length: 1)
        case UInt8(ascii: "{"): emit(.leftBrace, length: 1)
        case UInt8(ascii: "}"): emit(.rightBrace, length: 1)
        case UInt8(ascii: ","): emit(.comma, length: 1)
        case UInt8(ascii: "\""), UInt8(ascii: "'"): try readString()
        case UInt8(ascii: "="):
            guard next(is: "=") else { throw fail(start, "expected '=='") }
            emit(.equals, length: 2)
        case UInt8(ascii: "!"): next(is: "=") ? emit(.notEquals, length: 2) : emit(.not, length: 1)
        case UInt8(ascii: "&"):
            guard next(is: "&") else { throw fail(start, "expected '&&'") }
            emit(.and, length: 2)
        case UInt8(ascii: "|"):
            guard next(is: "|") else { throw fail(start, "expected '||'") }
            emit(.or, length: 2)
        default:
            if case .label(let name) = output.last?.kind {
                try readOperator(after: name)
            } else {
                try readWord()
            }
        }
    }

    private mutating func readString() throws(CalicoSelectorError) {
        let quote = bytes[index], start = index
        guard let close = bytes[(index + 1)...].firstIndex(of: quote) else { throw fail(start, "unterminated string") }
        let value = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
        output.append(CalicoSelectorToken(kind: .string(value), column: start + 1))
        index = close + 1
    }

    /// After a label: one of the word operators (the symbolic ones are read above).
    private mutating func readOperator(after label: String) throws(CalicoSelectorError) {
        let start = index
        let words: [(String, String?, CalicoSelectorToken.Kind)] = [
            ("contains", nil, .contains), ("starts", "with", .startsWith), ("ends", "with", .endsWith),
            ("not", "in", .notIn), ("in", nil, .in),
        ]
        for (first, second, kind) in words where has(prefix: first) {
            index += first.utf8.count
            if let second {
                skipBlanks()
                guard has(prefix: second) else { throw fail(start, "expected an operator after label '\(label)'") }
                index += second.utf8.count
            }
            output.append(CalicoSelectorToken(kind: kind, column: start + 1))
            return
        }
        throw fail(start, "expected an operator after label '\(label)'")
    }

    /// `has(key)`, `all()`, `global()` or a label key.
    private mutating func readWord() throws(CalicoSelectorError) {
        let start = index
        if has(prefix: "has(") {
            index += 4
            skipBlanks()
            let key = identifier()
            guard !key.isEmpty else { throw fail(index, "expected a label name in has()") }
            index += key.utf8.count
            skipBlanks()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ")") else { throw fail(index, "expected ')'") }
            index += 1
            output.append(CalicoSelectorToken(kind: .has(key), column: start + 1))
            return
        }
        for (name, kind) in [("all(", CalicoSelectorToken.Kind.all), ("global(", .global)] where has(prefix: name) {
            index += name.utf8.count
            skipBlanks()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ")") else { throw fail(index, "expected ')'") }
            index += 1
            output.append(CalicoSelectorToken(kind: kind, column: start + 1))
            return
        }
        let key = identifier()
        guard !key.isEmpty else { throw fail(start, "unexpected character") }
        index += key.utf8.count
        output.append(CalicoSelectorToken(kind: .label(key), column: start + 1))
    }

    /// The longest run of label-key bytes (`[A-Za-z0-9_./-]`) at the cursor.
    private func identifier() -> String {
        var end = index
        while end < bytes.count, Self.isKeyByte(bytes[end]) { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "-"):
            return true
        default: return false
        }
    }

    private func has(prefix: String) -> Bool { bytes[index...].starts(with: prefix.utf8) }

    private func next(is character: Unicode.Scalar) -> Bool {
        index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: character)
    }

    private mutating func skipBlanks() {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
    }

    private func fail(_ offset: Int, _ message: String) -> CalicoSelectorError {
        CalicoSelectorError(column: offset + 1, message: message)
    }
}

/// Recursive descent over the tokens: or-expression → and-expression → operation.
struct CalicoSelectorTokenParser {
    private let tokens: [CalicoSelectorToken]
    private var position = 0

    init(tokens: [CalicoSelectorToken]) { self.tokens = tokens }

    var peek: CalicoSelectorToken { tokens[position] }

    mutating func orExpression() throws(CalicoSelectorError) -> CalicoSelector {
        var terms = [try andExpression()]
        while peek.kind == .or {
            position += 1
            terms.append(try andExpression())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func andExpression() throws(CalicoSelectorError) -> CalicoSelector {
        var terms = [try operation()]
        while peek.kind == .and {
            position += 1
            terms.append(try operation())
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    private mutating func operation() throws(CalicoSelectorError) -> CalicoSelector {
        var negated = false
        while peek.kind == .not {
            negated.toggle()
            position += 1
        }
        let term = try positiveOperation()
        return negated ? .not(term) : term
    }

    private mutating func positiveOperation() throws(CalicoSelectorError) -> CalicoSelector {
        let token = peek
        position += 1
        switch token.kind {
        case .has(let key): return .has(key)
        case .all: return .all
        case .global: return .global
        case .leftParen:
            let inner = try orExpression()
            guard peek.kind == .rightParen else { throw expected("')'") }
            position += 1
            return inner
        case .label(let key): return try comparison(of: key)
        default: throw CalicoSelectorError(column: token.column, message: "unexpected \(token.kind)")
        }
    }

    private mutating func comparison(of key: String) throws(CalicoSelectorError) -> CalicoSelector {
        let op = peek
        position += 1
        switch op.kind {
        case .equals: return .equals(key, try string())
        case .notEquals: return .notEquals(key, try string())
        case .contains: return .contains(key, try string())
        case .startsWith: return .startsWith(key, try string())
        case .endsWith: return .endsWith(key, try string())
        case .in: return .inSet(key, try setLiteral())
        case .notIn: return .notInSet(key, try setLiteral())
        default: throw CalicoSelectorError(column: op.column, message: "expected an operator after label '\(key)', found \(op.kind)")
        }
    }

    private mutating func string() throws(CalicoSelectorError) -> String {
        guard case .string(let value) = peek.kind else { throw expected("a quoted string") }
        position += 1
        return value
    }

    /// `{"a", 'b'}`; empty sets and a trailing comma are accepted, as Calico does.
    private mutating func setLiteral() throws(CalicoSelectorError) -> [String] {
        guard peek.kind == .leftBrace else { throw expected("'{'") }
        position += 1
        var values: [String] = []
        while case .string(let value) = peek.kind {
            values.append(value)
            position += 1
            guard peek.kind == .comma else { break }
            position += 1
        }
        guard peek.kind == .rightBrace else { throw expected("'}'") }
        position += 1
        return Array(Set(values)).sorted { $0.utf8Precedes($1) }
    }

    private func expected(_ what: String) -> CalicoSelectorError {
        CalicoSelectorError(column: peek.column, message: "expected \(what), found \(peek.kind)")
    }
}
