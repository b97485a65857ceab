import KubeReachCore

/// The answer to `can-i`: the grants that allow the request, or why it is denied or cannot
/// be decided from the input.
public struct AccessAnswer: Sendable {
    public enum Verdict: String, Sendable { case yes, no, unknown }

    public var requester: Requester
    public var request: AccessRequest
    public var grants: [AccessGrant]
    /// Bindings naming the requester whose role the input lacks: with no grant, the answer is unknown.
    public var unresolved: [RBACBinding]

    public init(_ authorizer: RBACAuthorizer, requester: Requester, request: AccessRequest) {
        self.requester = requester
        self.request = request
        grants = authorizer.grants(request, for: requester)
        unresolved = authorizer.missingRoles(request, for: requester)
    }

    public var verdict: Verdict { !grants.isEmpty ? .yes : unresolved.isEmpty ? .no : .unknown }
}

/// The answer to `who-can`: every subject a binding grants the request to, and the
/// bindings whose role the input lacks (their subjects may be allowed too).
public struct WhoCanAnswer: Sendable {
    public var request: AccessRequest
    public var grants: [AccessGrant]
    public var unresolved: [RBACBinding]

    public init(_ authorizer: RBACAuthorizer, request: AccessRequest) {
        self.request = request
        grants = authorizer.whoCan(request)
        unresolved = authorizer.missingRoles(request)
    }
}
