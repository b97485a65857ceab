import ArgumentParser

/// `generate default-deny --as`: which objects carry the starter set.
enum GenerateAs: String, ExpressibleByArgument, CaseIterable {
    /// NetworkPolicies, one set per covered namespace (the default).
    case kubernetes
    /// One Kyverno `ClusterPolicy` whose `generate` rules create the set in every
    /// matching namespace, existing and new.
    case kyverno
}
