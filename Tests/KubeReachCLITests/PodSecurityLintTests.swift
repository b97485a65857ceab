import KubeReachTestSupport
import Testing

/// `lint` checks each workload's template against the Pod Security level its namespace
/// enforces, once per workload, at the template's field path.
@Suite struct PodSecurityLintTests {
    @Test func enforcedLevelIsCheckedAtTheTemplatePath() {
        let run = runCLI(["lint", "-o", "json", fixture("pod-security/cluster.yaml")])
        #expect(run.status == 1, "\(run.err)")
        let privileged = run.out.components(separatedBy: "\"rule\" : \"pss-privileged\"").count - 1
        #expect(privileged == 1, "one finding for the three replicas, none in the unlabelled namespace:\n\(run.out)")
        #expect(run.out.contains("spec.template.spec.containers[0].securityContext.privileged"))
        #expect(run.out.contains("Pod Security restricted (v1.30) enforced in namespace payments refuses it"))
        #expect(!run.out.contains("pss-host-namespaces"), "tools enforces nothing")
        #expect(!run.out.contains("pss-run-as-non-root") && !run.out.contains("pss-seccomp-restricted"), "inherited from the pod")
    }
}
