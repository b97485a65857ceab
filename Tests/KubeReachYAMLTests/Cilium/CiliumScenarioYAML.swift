/// The connectivity test's objects, after cilium-cli's `connectivity/manifests`: two
/// nodes running the agent, clients and echo servers in `cilium-test`, CoreDNS, and the
/// policies of each scenario (namespaced into `cilium-test`).
enum CiliumScenarioYAML {
    static let topology = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: cilium-test}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: kube-system}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: node1}
        status: {addresses: [{type: InternalIP, address: 10.0.0.1}]}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: node2}
        status: {addresses: [{type: InternalIP, address: 10.0.0.2}]}
        ---
        apiVersion: cilium.io/v2
        kind: CiliumNode
        metadata: {name: node1}
        ---
        apiVersion: cilium.io/v2
        kind: CiliumNode
        metadata: {name: node2}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: cilium-test, labels: {kind: client, name: client}}
        spec: {nodeName: node1, containers: [{name: c}]}
        status: {podIP: 10.244.1.10}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client2, namespace: cilium-test, labels: {kind: client, name: client2, other: client}}
        spec: {nodeName: node1, containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]}
        status: {podIP: 10.244.1.11}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: echo-same-node, namespace: cilium-test, labels: {kind: echo, name: echo-same-node}}
        spec: {nodeName: node1, containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]}
        status: {podIP: 10.244.1.20}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: echo-other-node, namespace: cilium-test, labels: {kind: echo, name: echo-other-node}}
        spec: {nodeName: node2, containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]}
        status: {podIP: 10.244.2.20}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: coredns, namespace: kube-system, labels: {k8s-app: kube-dns}}
        spec: {nodeName: node2, containers: [{name: c, ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53}]}]}
        status: {podIP: 10.244.2.53}

        """

    private static func cnp(_ name: String, _ spec: String) -> String {
        """
        ---
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: \(name), namespace: cilium-test}
        spec:
        \(spec)

        """
    }

    static let clientEgressToEcho = cnp(
        "client-egress-to-echo",
        """
          endpointSelector: {matchLabels: {kind: client}}
          egress:
          - toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
            toEndpoints: [{matchLabels: {io.kubernetes.pod.namespace: cilium-test, kind: echo}}]
          - toPorts: [{ports: [{port: "53", protocol: ANY}]}]
            toEndpoints:
            - matchExpressions:
              - {key: k8s-app, operator: In, values: [kube-dns, coredns, node-local-dns, nodelocaldns]}
              - {key: io.kubernetes.pod.namespace, operator: In, values: [kube-system]}
        """)

    static let echoIngressFromOtherClient = cnp(
        "echo-ingress-from-other-client",
        """
          endpointSelector: {matchLabels: {kind: echo}}
          ingress:
          - fromEndpoints: [{matchLabels: {"k8s:other": client}}]
        """)

    static let echoIngressFromOtherClientDeny = cnp(
        "echo-ingress-from-other-client-deny",
        """
          endpointSelector: {matchLabels: {kind: echo}}
          ingressDeny:
          - fromEndpoints: [{matchLabels: {"k8s:other": client}}]
        """)

    static let allowAllEgress = cnp(
        "allow-all-egress",
        """
          endpointSelector: {}
          egress:
          - toEndpoints: [{}]
          - toEntities: [all]
        """)

    static let allowAll =
        allowAllEgress
        + cnp(
            "allow-all-ingress",
            """
              endpointSelector: {}
              ingress:
              - fromEntities: [all]
            """)

    static let clientEgressToCIDRDeny = cnp(
        "client-egress-to-cidr-deny",
        """
          endpointSelector: {matchLabels: {kind: client}}
          egressDeny:
          - toCIDRSet: [{cidr: 1.0.0.0/8}]
        """)

    static let denyAllIngress = cnp(
        "deny-all-ingress",
        """
          endpointSelector: {}
          ingress:
          - {}
        """)

    static let denyAllEgress = cnp(
        "deny-all-egress",
        """
          endpointSelector: {}
          egress:
          - {}
        """)

    static let denyAllEntities = cnp(
        "deny-all-entities",
        """
          endpointSelector: {}
          egressDeny:
          - toEntities: [all]
        """)

    static let allowAllExceptWorld = cnp(
        "allow-all-except-world",
        """
          endpointSelector: {}
          egress:
          - toEntities: [host, remote-node, cluster, init, health, kube-apiserver]
          - toEndpoints: [{}]
          ingress:
          - fromEntities: [host, remote-node, cluster, init, health, kube-apiserver]
          - fromEndpoints: [{}]
        """)

    static let clientEgressToEntitiesWorld = cnp(
        "client-egress-to-entities-world",
        """
          endpointSelector: {matchLabels: {kind: client}}
          egress:
          - toEntities: [world]
            toPorts: [{ports: [{port: "80", protocol: TCP}]}]
        """)

    static let clientEgressToCIDRExcept = cnp(
        "client-egress-to-cidr-external",
        """
          endpointSelector: {matchLabels: {kind: client}}
          egress:
          - toCIDRSet: [{cidr: 1.0.0.0/8, except: [1.1.1.1/32]}]
        """)

    static let allowHostEntity = cnp(
        "allow-host-entity",
        """
          endpointSelector: {matchLabels: {kind: client}}
          egress:
          - toEntities: [host]
        """)
}
