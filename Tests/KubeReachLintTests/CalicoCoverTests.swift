import KubeReachCore
import Testing

@testable import KubeReachLint

/// `CalicoCover`, which `calico-rule-shadowed` and `calico-deny-before-allow` build on: when
/// one rule matches at least everything another does, condition by condition.
@Suite struct CalicoCoverTests {
    static let shop = CalicoPolicy(name: "p", scope: .namespaced("shop"))
    static let other = CalicoPolicy(name: "q", scope: .namespaced("other"))
    static let global = CalicoPolicy(name: "g", scope: .global)

    static func net(_ text: String) -> CIDR { try! CIDR.parse(text) }
    static func source(_ side: CalicoEntityRule, proto: CalicoProtocol? = nil, notProto: CalicoProtocol? = nil) -> CalicoRule {
        CalicoRule(action: .allow, proto: proto, notProto: notProto, source: side)
    }
    static func dest(_ side: CalicoEntityRule, proto: CalicoProtocol? = .tcp) -> CalicoRule {
        CalicoRule(action: .allow, proto: proto, destination: side)
    }

    static let a = CalicoSelector.equals("app", "a"), b = CalicoSelector.has("team")

    /// (wide, its policy, narrow, its policy, covers, what the row checks)
    static let rows: [(CalicoRule, CalicoPolicy, CalicoRule, CalicoPolicy, Bool, String)] = [
        (source(.init(selector: a)), shop, source(.init(selector: a)), shop, true, "the same rule"),
        (source(.init()), shop, source(.init(selector: a)), shop, true, "no selector holds any"),
        (source(.init(selector: .all)), global, source(.init()), global, false, "all() does not hold addresses outside any set"),
        (source(.init(selector: .all)), global, source(.init(selector: a)), shop, true, "a global all() holds any selector"),
        (source(.init(selector: a)), shop, source(.init()), shop, false, "a selector does not hold everything"),
        (source(.init(selector: a)), shop, source(.init(selector: .and([a, b]))), shop, true, "a term of the conjunction"),
        (source(.init(selector: .and([a, b]))), shop, source(.init(selector: a)), shop, false, "a conjunction is narrower"),
        (source(.init(selector: a)), shop, source(.init(selector: a)), other, false, "selectors of other namespaces"),
        (source(.init(selector: a)), global, source(.init(selector: a)), shop, true, "a global selector reaches every namespace"),
        (
            source(.init(selector: a, namespaceSelector: .all)), shop, source(.init(selector: a)), other, true,
            "namespaceSelector all() reaches the other namespace"
        ),
        (source(.init(nets: [net("10.0.0.0/8")])), shop, source(.init(nets: [net("10.1.0.0/16")])), shop, true, "a wider net"),
        (source(.init(nets: [net("10.1.0.0/16")])), shop, source(.init(nets: [net("10.0.0.0/8")])), shop, false, "a narrower net"),
        (source(.init(nets: [net("10.0.0.0/8")])), shop, source(.init()), shop, false, "nets do not hold every address"),
        (source(.init(notNets: [net("10.1.0.0/16")])), shop, source(.init(notNets: [net("10.0.0.0/8")])), shop, true, "excluding less"),
        (source(.init(notNets: [net("10.0.0.0/8")])), shop, source(.init(notNets: [net("10.1.0.0/16")])), shop, false, "excluding more"),
        (dest(.init(ports: [.range(80, 90)])), shop, dest(.init(ports: [.range(85, 85)])), shop, true, "a port inside the range"),
        (dest(.init(ports: [.range(85, 85)])), shop, dest(.init(ports: [.range(80, 90)])), shop, false, "a range past the port"),
        (dest(.init(ports: [.named("http")])), shop, dest(.init(ports: [.named("http")])), shop, true, "the same named port"),
        (dest(.init(ports: [.range(80, 80)])), shop, dest(.init(ports: [.named("http")])), shop, false, "a number never holds a name"),
        (dest(.init(notPorts: [.range(80, 80)])), shop, dest(.init(notPorts: [.range(70, 90)])), shop, true, "notPorts: excluding less"),
        (dest(.init(notPorts: [.range(80, 80)])), shop, dest(.init()), shop, false, "notPorts: excluding what the other keeps"),
        (dest(.init(), proto: .tcp), shop, dest(.init(), proto: nil), shop, false, "a protocol does not hold every protocol"),
        (dest(.init(), proto: nil), shop, dest(.init(), proto: .udp), shop, true, "no protocol holds any"),
        (source(.init(), notProto: .udp), shop, source(.init(), proto: .tcp), shop, true, "notProtocol UDP holds TCP"),
        (source(.init(), notProto: .udp), shop, source(.init(), proto: .udp), shop, false, "notProtocol UDP excludes UDP"),
        (
            source(.init(serviceAccountNames: ["a", "b"])), shop, source(.init(serviceAccountNames: ["a"])), shop, true,
            "more service-account names"
        ),
        (source(.init(serviceAccountNames: ["a"])), shop, source(.init()), shop, false, "names do not hold every account"),
        (source(.init(notSelector: a)), shop, source(.init(notSelector: a)), shop, true, "the same notSelector"),
        (source(.init(notSelector: a)), shop, source(.init()), shop, false, "a notSelector excludes what the other keeps"),
    ]

    @Test(arguments: rows.indices)
    func rule(_ i: Int) {
        let (wide, widePolicy, narrow, narrowPolicy, expected, what) = Self.rows[i]
        #expect(CalicoCover.rule(wide, of: widePolicy, covers: narrow, of: narrowPolicy) == expected, "\(what)")
    }

    @Test func icmpAndHTTPConditionsNeverCover() {
        var icmp = Self.source(.init())
        icmp.icmpConditions = ["spec.ingress[0].icmp"]
        #expect(!CalicoCover.rule(icmp, of: Self.shop, covers: Self.source(.init()), of: Self.shop))
        var http = Self.source(.init())
        http.layer7Fields = ["spec.ingress[0].http"]
        #expect(!CalicoCover.rule(http, of: Self.shop, covers: Self.source(.init()), of: Self.shop))
    }

    @Test func policyCover() {
        let labels: (String) -> [String: String] = { ["team": $0 == "shop" ? "a" : "b"] }
        let web = CalicoPolicy(name: "w", scope: .namespaced("shop"), selector: Self.a)
        #expect(CalicoCover.policy(Self.shop, covers: web, namespaceLabels: labels))
        #expect(!CalicoCover.policy(web, covers: Self.shop, namespaceLabels: labels))
        #expect(CalicoCover.policy(Self.global, covers: web, namespaceLabels: labels))
        #expect(!CalicoCover.policy(web, covers: Self.global, namespaceLabels: labels))
        let teamA = CalicoPolicy(name: "t", scope: .global, namespaceSelector: .equals("team", "a"))
        #expect(CalicoCover.policy(teamA, covers: web, namespaceLabels: labels))
        #expect(!CalicoCover.policy(teamA, covers: CalicoPolicy(name: "o", scope: .namespaced("other")), namespaceLabels: labels))
    }
}
