/// A Kubernetes label selector: every `matchLabels` pair and every expression must hold.
/// An empty selector matches everything.
public struct LabelSelector: Hashable, Sendable {
    /// Sorted by key so that equal selectors compare equal and intern once.
    public var matchLabels: [LabelPair]
    public var matchExpressions: [LabelRequirement]

    public init(matchLabels: [String: String] = [:], matchExpressions: [LabelRequirement] = []) {
        self.matchLabels = matchLabels.map { LabelPair(key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }
        self.matchExpressions = matchExpressions
    }

    public static let everything = LabelSelector()

    public var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

    /// Direct evaluation against one label map (the engine uses a bitset index instead).
    public func matches(_ labels: [String: String]) -> Bool {
        matchLabels.allSatisfy { labels[$0.key] == $0.value }
            && matchExpressions.allSatisfy { $0.matches(labels) }
    }

    /// Every label key this selector reads.
    public var keys: Set<String> {
        Set(matchLabels.map(\.key)).union(matchExpressions.map(\.key))
    }

    /// `app=web,tier in (a,b)`, in kubectl's selector syntax.
    public var description: String {
        if isEmpty { return "{}" }
        return (matchLabels.map { "\($0.key)=\($0.value)" } + matchExpressions.map(\.description))
            .joined(separator: ",")
    }
}

public struct LabelPair: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// One `matchExpressions` entry.
public struct LabelRequirement: Hashable, Sendable {
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case `in` = "In"
        case notIn = "NotIn"
        case exists = "Exists"
        case doesNotExist = "DoesNotExist"
    }

    public var key: String
    public var op: Operator
    /// Sorted and de-duplicated.
    public var values: [String]

    public init(key: String, op: Operator, values: [String] = []) {
        self.key = key
        self.op = op
        self.values = Array(Set(values)).sorted()
    }

    public func matches(_ labels: [String: String]) -> Bool {
        switch op {
        case .in: labels[key].map { values.contains($0) } ?? false
        case .notIn: labels[key].map { !values.contains($0) } ?? true
        case .exists: labels[key] != nil
        case .doesNotExist: labels[key] == nil
        }
    }

    public var description: String {
        switch op {
        case .in: "\(key) in (\(values.joined(separator: ",")))"
        case .notIn: "\(key) notin (\(values.joined(separator: ",")))"
        case .exists: key
        case .doesNotExist: "!\(key)"
        }
    }
}
