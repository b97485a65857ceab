import KubeReachCore
import KubeReachRBAC
import KubeReachSynthetic
import Testing

/// The authorizer against the naive reference on seeded random RBAC sets: every request's
/// answer and every who-can subject set must agree.
@Suite struct RBACDifferentialTests {
    @Test func authorizerMatchesTheNaiveReference() {
        var compared = 0, allowed = 0
        Self.queries(seeds: 1...300, perSet: 40) { seed, identity, authorizer, request, requester in
            let expected = NaiveRBAC.allows(identity, requester.user, requester.groups, request)
            if expected { allowed += 1 }
            let grants = authorizer.grants(request, for: requester)
            #expect(!grants.isEmpty == expected, "seed \(seed): \(request.description) for \(requester.description)\n\(dump(identity))")
            let who = Set(authorizer.whoCan(request).map(\.subject))
            #expect(who == NaiveRBAC.whoCan(identity, request), "seed \(seed): who-can \(request.description)\n\(dump(identity))")
            compared += 1
        }
        // The generator must exercise both answers, not mostly one.
        #expect(compared == 12_000 && allowed > 1_000 && allowed < 11_000, "\(allowed) of \(compared) allowed")
    }

    /// Every grant the authorizer gives names a binding that names the requester and a rule
    /// that the reference says allows the request.
    @Test func grantsAreJustified() {
        Self.queries(seeds: 301...400, perSet: 20) { seed, _, authorizer, request, requester in
            for g in authorizer.grants(request, for: requester) {
                guard let binding = g.binding, let rule = g.rule else {
                    #expect(requester.groups.contains(Requester.masters))
                    continue
                }
                #expect(binding.subjects.contains { NaiveRBAC.subjectApplies($0, requester.user, requester.groups) })
                #expect(NaiveRBAC.ruleAllows(rule, request), "seed \(seed)")
            }
        }
    }

    /// Runs `body` on `perSet` random requests of each seeded random RBAC set.
    static func queries(
        seeds: ClosedRange<Int>, perSet: Int, _ body: (Int, IdentityObjects, RBACAuthorizer, AccessRequest, Requester) -> Void
    ) {
        for seed in seeds {
            var random = RandomRBAC(rng: SplitMix64(seed: UInt64(seed)))
            let identity = random.identity()
            let authorizer = RBACAuthorizer(identity)
            for _ in 0..<perSet {
                let request = random.request()
                let (user, groups) = random.requester()
                body(seed, identity, authorizer, request, Requester(user: user, groups: groups))
            }
        }
    }

    private func dump(_ identity: IdentityObjects) -> String {
        var out = ""
        for r in identity.roles {
            out += "\(r.display) labels \(r.labels) aggregates \(r.aggregationSelectors?.map(\.description) ?? [])\n"
            for rule in r.rules { out += "  \(rule.description)\n" }
        }
        for b in identity.bindings { out += "\(b.display) -> \(b.roleKind.rawValue) \(b.roleName): \(b.subjects.map(\.description))\n" }
        return out
    }
}
