import KubeReachCore

/// Bounds the work of reading one document. An alias lets a few bytes stand for a
/// subtree, and aliases of aliases for an exponentially large tree: Yams shares aliased
/// nodes, so parsing stays cheap, but reading them would not. Every node looked at is paid
/// for; a document that runs out is refused whole, with one error. Diagnostics are capped
/// too, so that a huge document full of mistakes cannot fill memory with messages.
final class ReadBudget {
    /// Real documents spend under one unit per byte (measured on the conformance inputs,
    /// the examples and synthetic clusters); the allowance is several times that.
    static func forText(bytes: Int) -> ReadBudget { ReadBudget(units: 50_000 + 4 * bytes, bytes: bytes) }
    static let maxDiagnostics = 1000

    private(set) var remaining: Int
    private(set) var exhausted = false
    private(set) var diagnosticCount = 0
    private(set) var tooManyDiagnostics = false

    /// The size of the document read.
    let bytes: Int

    init(units: Int, bytes: Int = 0) {
        remaining = units
        self.bytes = bytes
    }

    /// False once the budget is spent (and from then on).
    func spend(_ units: Int) -> Bool {
        remaining -= units
        if remaining < 0 { exhausted = true }
        return !exhausted
    }

    /// False (and the document is refused) past `maxDiagnostics`.
    func admitDiagnostic() -> Bool {
        diagnosticCount += 1
        if diagnosticCount > Self.maxDiagnostics { tooManyDiagnostics = true }
        return !tooManyDiagnostics
    }
}

/// Collects the diagnostics of one object, so an invalid object can be skipped whole.
final class DiagnosticSink {
    var diagnostics: [Diagnostic] = []
    /// Names the object in every message (`NetworkPolicy ns/name`).
    var object: String?
    /// Shared by every object of the document.
    let budget: ReadBudget
    /// Paths already reported as "expected a map", so repeated lookups report once.
    var notMaps: Set<String> = []

    init(budget: ReadBudget) { self.budget = budget }

    func error(_ message: String, at field: Field) {
        guard budget.admitDiagnostic() else { return }
        diagnostics.append(Diagnostic(.error, message, location: field.location, object: object, fieldPath: field.path))
    }

    func warning(_ message: String, at field: Field) {
        guard budget.admitDiagnostic() else { return }
        diagnostics.append(Diagnostic(.warning, message, location: field.location, object: object, fieldPath: field.path))
    }

    func note(_ message: String, at field: Field) {
        guard budget.admitDiagnostic() else { return }
        diagnostics.append(Diagnostic(.note, message, location: field.location, object: object, fieldPath: field.path))
    }
}
