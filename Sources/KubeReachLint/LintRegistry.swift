import KubeReachCore

/// Every rule, in the order the documentation lists them.
public enum LintRegistry {
    public static let all: [any LintRule] = [
        EgressDenyWithoutDNS(), DNSOverUDPOnly(), DNSToAnywhere(), PolicySelectsNothing(), PeerSelectsNothing(),
        NamespaceAndPodPeersOred(), NamespaceAndPodPeerAnded(), RulesIgnoredByPolicyTypes(), MissingPolicyTypes(), AllowAllRule(),
        AnyAddressWithoutExcept(),
        NamespaceWithoutPolicy(), NamespaceWithoutDefaultDeny(), EgressLeftOpen(), PodNotSelected(),
        CrossNamespacePeerWithoutNamespaceSelector(), NamedPortUndeclared(), NamedPortAmbiguous(), IPBlockCoversPods(),
        HostNetworkTarget(), AllowAllPeers(), EndPortRange(), MissingNamespace(), RedundantPolicy(), ForeignPolicyKindsPresent(),
        AdminSubjectSelectsNothing(), AdminRuleShadowed(), AdminPassToNothing(),
        ServicePortNotTargetPort(), NumericPortUndeclared(), IngressIsolatedUnreachable(), ObsoleteIsolationAnnotation(),
        PodsFromSkippedKinds(), LintDisableUnknownRule(),
        // Pod Security Standards, per the namespace's enforced level: baseline, then restricted.
        PodSecurityHostProcess(), PodSecurityHostNamespaces(), PodSecurityPrivileged(), PodSecurityCapabilitiesBaseline(),
        PodSecurityHostPath(), PodSecurityHostPorts(), PodSecurityAppArmor(), PodSecuritySELinux(), PodSecurityProcMount(),
        PodSecuritySeccompBaseline(), PodSecuritySysctls(),
        PodSecurityVolumeTypes(), PodSecurityPrivilegeEscalation(), PodSecurityRunAsNonRoot(), PodSecurityRunAsUser(),
        PodSecuritySeccompRestricted(), PodSecurityCapabilitiesRestricted(),
        AdminSamePriorityOverlap(), BaselinePassAllows(), DomainAcceptUnderBaselineDeny(),
        CiliumCrossNamespacePeer(), CiliumWorldWithCIDR(), CiliumDefaultDenyDisabled(), CiliumL7OnUnservedPort(),
        CiliumEmptySelectorMeantClusterwide(),
        // The attack graph's riskiest single steps.
        AttackPrivilegedInternet(), AttackAdminTokenExposed(),
        CalicoRuleShadowed(), CalicoPassToNothing(), CalicoSelectorMatchesNothing(), CalicoHostEndpointPolicy(), CalicoDenyBeforeAllow(),
    ]

    public static func rule(_ id: String) -> (any LintRule)? { all.first { $0.id == id } }
}

/// Runs rules and orders their findings by location.
public enum Linter {
    public static func run(_ context: LintContext, rules: [any LintRule] = LintRegistry.all) -> [LintFinding] {
        let suppression = LintSuppression(context.cluster)
        return rules.flatMap { $0.check(context) }.filter { !suppression.suppresses($0) }.sorted {
            ($0.location ?? SourceLocation(file: ""), $0.ruleID, $0.message) < (
                $1.location ?? SourceLocation(file: ""), $1.ruleID, $1.message
            )
        }
    }
}
