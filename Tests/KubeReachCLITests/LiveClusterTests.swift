import Foundation
import KubeReachCLI
import Testing

/// `--live`/`--kubeconfig`/`-A` against a fake API server through the real kubectl: the
/// answers must equal those from the same objects as files. Skipped without kubectl or python3.
@Suite(.timeLimit(.minutes(5)))
struct LiveClusterTests {
    static let fixtureFile = fixture("live/cluster.json")

    /// The process environment with kubectl's discovery cache in a scratch directory.
    static func context(_ extra: [String: String] = [:]) -> RunContext {
        var env = ProcessInfo.processInfo.environment
        env["KUBECACHEDIR"] = FileManager.default.temporaryDirectory.appendingPathComponent("kubereach-kubecache").path
        env.merge(extra) { _, new in new }
        return RunContext(environment: env)
    }

    @Test(.enabled(if: FakeAPIServer.toolsAvailable, "needs kubectl and python3 on PATH"))
    func allNamespacesEqualsTheFiles() throws {
        let server = try FakeAPIServer(fixture: Self.fixtureFile)
        defer { server.stop() }
        let kubeconfig = try server.kubeconfig()
        for extra in [[], ["--by", "pod"], ["-o", "json"]] {
            let live = runCLI(["list", "--kubeconfig", kubeconfig, "-A"] + extra, context: Self.context())
            let files = runCLI(["list", Self.fixtureFile] + extra)
            #expect(live.status == 0, "\(live.err)")
            #expect(live.out == files.out)
            #expect(!live.out.isEmpty)
        }
        #expect(server.requests().contains("/api/v1/pods"))
        #expect(server.requests().contains("/apis/policy.networking.k8s.io/v1alpha1/adminnetworkpolicies"))
    }

    @Test(.enabled(if: FakeAPIServer.toolsAvailable, "needs kubectl and python3 on PATH"))
    func namespaceFlagReadsOnlyThatNamespace() throws {
        let server = try FakeAPIServer(fixture: Self.fixtureFile)
        defer { server.stop() }
        let run = runCLI(["list", "--kubeconfig", try server.kubeconfig(namespace: "tenant-b"), "-n", "tenant-a"], context: Self.context())
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("warning: read only namespace tenant-a of the cluster (no -A)"))
        #expect(run.out.contains("tenant-a/web[Deployment] => tenant-a/db[StatefulSet] : TCP 5432"))
        #expect(!run.out.contains("monitoring/"))
        let requests = server.requests()
        #expect(requests.contains("/api/v1/namespaces/tenant-a/pods"))
        #expect(requests.contains("/api/v1/namespaces"))
        #expect(!requests.contains("/api/v1/pods"))
        #expect(!requests.contains { $0.contains("/namespaces/tenant-b/") })
    }

    @Test(.enabled(if: FakeAPIServer.toolsAvailable, "needs kubectl and python3 on PATH"))
    func contextNamespaceIsReadAndNamesResolveInIt() throws {
        let server = try FakeAPIServer(fixture: Self.fixtureFile)
        defer { server.stop() }
        let kubeconfig = try server.kubeconfig(namespace: "tenant-a")
        let run = runCLI(["eval", "web", "db", "--port", "5432", "--kubeconfig", kubeconfig], context: Self.context())
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.hasPrefix("allowed on TCP 5432: tenant-a/web[Deployment] => tenant-a/db[StatefulSet]"))
        // A qualified name in another namespace: that namespace is read too.
        let cross = runCLI(["eval", "tenant-b/web", "db", "--port", "5432", "--kubeconfig", kubeconfig], context: Self.context())
        #expect(cross.status == 1, "\(cross.err)")
        #expect(cross.err.contains("read only namespaces tenant-a, tenant-b"))
    }

    @Test(.enabled(if: FakeAPIServer.toolsAvailable, "needs kubectl and python3 on PATH"))
    func otherPolicyEnginesAreWarnedAbout() throws {
        let server = try FakeAPIServer(fixture: Self.fixtureFile, flags: ["--antrea", "--calico", "--no-admin-policies"])
        defer { server.stop() }
        let run = runCLI(["list", "--kubeconfig", try server.kubeconfig(), "-A", "-v"], context: Self.context())
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("warning: the cluster serves Antrea NetworkPolicy (networkpolicies.crd.antrea.io)"))
        #expect(run.err.contains("warning: the cluster serves Antrea ClusterNetworkPolicy"))
        #expect(!run.err.contains("Calico"), "Calico's kinds are read, not warned about")
        #expect(run.err.contains("note: the cluster serves no AdminNetworkPolicy or ClusterNetworkPolicy CRDs"))
        #expect(!server.requests().contains { $0.contains("adminnetworkpolicies") })
    }

    static let calicoFixture = fixture("live/calico.json")

    /// Calico's kinds are read from its CRDs when only those are served: the answer is the
    /// files' answer, and it is not the answer without the Calico objects.
    @Test(.enabled(if: FakeAPIServer.toolsAvailable, "needs kubectl and python3 on PATH"))
    func calicoIsReadFromItsCRDs() throws {
        let server = try FakeAPIServer(fixture: Self.calicoFixture, flags: ["--calico", "--no-admin-policies"])
        defer { server.stop() }
        let kubeconfig = try server.kubeconfig()
        for extra in [[], ["-o", "json"], ["--staged"]] {
            let live = runCLI(["list", "--kubeconfig", kubeconfig, "-A"] + extra, context: Self.context())
            #expect(live.status == 0, "\(live.err)")
            #expect(live.out == runCLI(["list", Self.calicoFixture] + extra).out)
        }
        // The quarantine GlobalNetworkPolicy holds tenant-b/debug to DNS.
        let fromDebug = runCLI(["list", "--kubeconfig", kubeconfig, "-A"], context: Self.context()).out
            .split(separator: "\n").filter { $0.hasPrefix("tenant-b/debug[Pod] =>") }
        #expect(fromDebug == ["tenant-b/debug[Pod] => kube-system/coredns[Deployment] : UDP 53"])
        #expect(runCLI(["list", Self.fixtureFile]).out.contains("tenant-b/debug[Pod] => monitoring/prometheus"))
        let requests = server.requests()
        for resource in ["tiers", "globalnetworkpolicies", "networkpolicies", "stagednetworkpolicies", "networksets", "globalnetworksets"] {
            #expect(requests.contains("/apis/crd.projectcalico.org/v1/\(resource)"), "\(resource)")
        }
        let scoped = runCLI(["list", "--kubeconfig", try server.kubeconfig(namespace: "tenant-a")], context: Self.context())
        #expect(scoped.status == 0, "\(scoped.err)")
        #expect(server.requests().contains("/apis/crd.projectcalico.org/v1/namespaces/tenant-a/networkpolicies"))
    }

    /// With Calico's API server installed, its `projectcalico.org/v3` group is read and the
    /// CRDs behind it are not (the same objects twice).
    @Test(.enabled(if: FakeAPIServer.toolsAvailable, "needs kubectl and python3 on PATH"))
    func calicoAPIServerIsPreferredToTheCRDs() throws {
        let server = try FakeAPIServer(fixture: Self.calicoFixture, flags: ["--calico", "--calico-api", "--no-admin-policies"])
        defer { server.stop() }
        let live = runCLI(["list", "--kubeconfig", try server.kubeconfig(), "-A"], context: Self.context())
        #expect(live.status == 0, "\(live.err)")
        #expect(live.out == runCLI(["list", Self.calicoFixture]).out)
        let requests = server.requests()
        #expect(requests.contains("/apis/projectcalico.org/v3/tiers"))
        #expect(requests.contains("/apis/projectcalico.org/v3/networkpolicies"))
        #expect(!requests.contains { $0.hasPrefix("/apis/crd.projectcalico.org/v1/") }, "\(requests)")
    }

    @Test(.enabled(if: FakeAPIServer.toolsAvailable, "needs kubectl and python3 on PATH"))
    func forbiddenListNamesTheResource() throws {
        let server = try FakeAPIServer(fixture: Self.fixtureFile, flags: ["--forbid", "pods"])
        defer { server.stop() }
        let run = runCLI(["list", "--kubeconfig", try server.kubeconfig(), "-A"], context: Self.context())
        #expect(run.status == 2)
        #expect(run.err.contains("error: not allowed to list pods"))
        #expect(run.out.isEmpty)
    }

    @Test(.enabled(if: FakeAPIServer.toolsAvailable, "needs kubectl and python3 on PATH"))
    func unreachableClusterIsAClearError() throws {
        let dir = FileManager.default.temporaryDirectory
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        let kubeconfig = try FakeAPIServer.kubeconfig(server: "http://127.0.0.1:1", namespace: "default", in: dir)
        defer { try? FileManager.default.removeItem(atPath: kubeconfig) }
        let run = runCLI(["list", "--kubeconfig", kubeconfig, "-A"], context: Self.context())
        #expect(run.status == 2)
        #expect(run.err.hasPrefix("error: cannot reach the cluster: "), "\(run.err)")
        #expect(!run.err.contains("memcache.go"))
    }

    @Test func missingKubectlIsAClearError() {
        let run = runCLI(["list", "-A"], context: Self.context(["KUBECTL": "/nonexistent/kubectl"]))
        #expect(run.status == 2)
        #expect(run.err.contains("error: kubectl not found (KUBECTL=/nonexistent/kubectl is not an executable file)"))
        let noPath = runCLI(["list", "--live"], context: Self.context(["PATH": "/nonexistent"]))
        #expect(noPath.status == 2)
        #expect(noPath.err.contains("no 'kubectl' on PATH"))
    }

    @Test func clusterFlagsWithPathsAreAUsageError() {
        for args in [
            ["list", Self.fixtureFile, "-A"], ["list", Self.fixtureFile, "--live"], ["lint", "-f", Self.fixtureFile, "--context", "x"],
        ] {
            let run = runCLI(args)
            #expect(run.status == 2, "\(args)")
            #expect(run.err.hasPrefix("error: "), "\(args)")
        }
        // Without any cluster flag, no path is still the old usage error.
        #expect(runCLI(["list"]).err.contains("no input"))
    }
}
