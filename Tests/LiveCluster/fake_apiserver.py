#!/usr/bin/env python3
"""A tiny read-only Kubernetes API server for kubereach's live-cluster tests (stdlib only).

It serves what `kubectl get <kind> -o json` and `kubectl api-resources` need: the legacy
discovery documents (/api, /apis, /api/v1, /apis/GROUP/VERSION), /version, and the list
endpoints, cluster-wide and per namespace, built from one JSON manifest (a `List`).
List items omit apiVersion and kind, as the real API server does.

    fake_apiserver.py --fixture cluster.json --port 0 [--calico] [--calico-api] [--antrea]
                      [--no-admin-policies]
                      [--forbid pods] [--log requests.txt]

prints `PORT <n>` on stdout once it listens, then serves until killed (or stdin closes).
"""
import argparse
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# resource -> (group, version, kind, namespaced)
RESOURCES = {
    "namespaces": ("", "v1", "Namespace", False),
    "nodes": ("", "v1", "Node", False),
    "pods": ("", "v1", "Pod", True),
    "services": ("", "v1", "Service", True),
    "replicationcontrollers": ("", "v1", "ReplicationController", True),
    "deployments": ("apps", "v1", "Deployment", True),
    "replicasets": ("apps", "v1", "ReplicaSet", True),
    "statefulsets": ("apps", "v1", "StatefulSet", True),
    "daemonsets": ("apps", "v1", "DaemonSet", True),
    "jobs": ("batch", "v1", "Job", True),
    "cronjobs": ("batch", "v1", "CronJob", True),
    "networkpolicies": ("networking.k8s.io", "v1", "NetworkPolicy", True),
    "adminnetworkpolicies": ("policy.networking.k8s.io", "v1alpha1", "AdminNetworkPolicy", False),
    "baselineadminnetworkpolicies": ("policy.networking.k8s.io", "v1alpha1", "BaselineAdminNetworkPolicy", False),
    "serviceaccounts": ("", "v1", "ServiceAccount", True),
    "secrets": ("", "v1", "Secret", True),
    "roles": ("rbac.authorization.k8s.io", "v1", "Role", True),
    "rolebindings": ("rbac.authorization.k8s.io", "v1", "RoleBinding", True),
    "clusterroles": ("rbac.authorization.k8s.io", "v1", "ClusterRole", False),
    "clusterrolebindings": ("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", False),
}
CALICO_KINDS = {
    "networkpolicies": ("NetworkPolicy", True),
    "globalnetworkpolicies": ("GlobalNetworkPolicy", False),
    "stagednetworkpolicies": ("StagedNetworkPolicy", True),
    "stagedglobalnetworkpolicies": ("StagedGlobalNetworkPolicy", False),
    "tiers": ("Tier", False),
    "networksets": ("NetworkSet", True),
    "globalnetworksets": ("GlobalNetworkSet", False),
}
# Another engine's policies (--antrea), which kubereach does not evaluate.
ANTREA = {
    "networkpolicies": ("crd.antrea.io", "v1beta1", "NetworkPolicy", True),
    "clusternetworkpolicies": ("crd.antrea.io", "v1beta1", "ClusterNetworkPolicy", False),
}
# Calico's CRDs (--calico) and its API server's group (--calico-api): both show the same
# objects, so a Calico list answers with the fixture's objects of either group.
CALICO_GROUPS = {"crd.projectcalico.org": "v1", "projectcalico.org": "v3"}


class State:
    def __init__(self, args):
        self.groups = {}  # (group, version) -> {resource: (kind, namespaced)}
        for name, (g, v, kind, namespaced) in RESOURCES.items():
            if args.no_admin_policies and g == "policy.networking.k8s.io":
                continue
            self.groups.setdefault((g, v), {})[name] = (kind, namespaced)
        if args.antrea:
            for name, (g, v, kind, namespaced) in ANTREA.items():
                self.groups.setdefault((g, v), {})[name] = (kind, namespaced)
        for g, v in CALICO_GROUPS.items():
            if (args.calico and g.startswith("crd.")) or (args.calico_api and not g.startswith("crd.")):
                for name, (kind, namespaced) in CALICO_KINDS.items():
                    self.groups.setdefault((g, v), {})[name] = (kind, namespaced)
        with open(args.fixture, encoding="utf-8") as f:
            items = json.load(f)["items"]
        self.objects = {}  # kind -> [object]
        for item in items:
            self.objects.setdefault(item["kind"], []).append(item)
        self.forbid = set(args.forbid)
        self.log = args.log
        self.lock = threading.Lock()

    def record(self, path):
        if self.log:
            with self.lock, open(self.log, "a", encoding="utf-8") as f:
                f.write(path + "\n")


def discovery_resources(state, group, version):
    out = []
    for name, (kind, namespaced) in sorted(state.groups.get((group, version), {}).items()):
        out.append({"name": name, "singularName": kind.lower(), "namespaced": namespaced, "kind": kind,
                    "verbs": ["get", "list", "watch"]})
    return {"kind": "APIResourceList", "apiVersion": "v1",
            "groupVersion": f"{group}/{version}" if group else version, "resources": out}


def group_list(state):
    groups = {}
    for (g, v) in state.groups:
        if g:
            groups.setdefault(g, []).append(v)
    out = []
    for g, versions in sorted(groups.items()):
        gvs = [{"groupVersion": f"{g}/{v}", "version": v} for v in versions]
        out.append({"name": g, "versions": gvs, "preferredVersion": gvs[0]})
    return {"kind": "APIGroupList", "apiVersion": "v1", "groups": out}


def list_response(state, group, version, resource, namespace):
    entry = state.groups.get((group, version), {}).get(resource)
    if entry is None:
        return 404, status(404, "NotFound", "the server could not find the requested resource")
    kind, namespaced = entry
    if resource in state.forbid:
        scope = f'in the namespace "{namespace}"' if namespace else "at the cluster scope"
        msg = f'{resource} is forbidden: User "test" cannot list resource "{resource}" in API group "{group}" {scope}'
        return 403, status(403, "Forbidden", msg)
    if namespace is not None and not namespaced:
        return 404, status(404, "NotFound", "the server could not find the requested resource")
    api_version = f"{group}/{version}" if group else version
    items = []
    calico = group in CALICO_GROUPS
    for obj in state.objects.get(kind, []):
        obj_group = obj.get("apiVersion", "").rpartition("/")[0]
        if obj.get("apiVersion") != api_version and not (calico and obj_group in CALICO_GROUPS):
            continue
        if namespace is not None and obj.get("metadata", {}).get("namespace", "default") != namespace:
            continue
        item = {k: v for k, v in obj.items() if k not in ("apiVersion", "kind")}
        items.append(item)
    return 200, {"apiVersion": api_version, "kind": kind + "List", "metadata": {"resourceVersion": "1"}, "items": items}


def status(code, reason, message):
    return {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
            "message": message, "reason": reason, "code": code}


def route(state, path):
    parts = [p for p in path.split("?")[0].split("/") if p]
    if parts == ["version"]:
        return 200, {"major": "1", "minor": "32", "gitVersion": "v1.32.0", "platform": "linux/amd64"}
    if parts == ["api"]:
        return 200, {"kind": "APIVersions", "versions": ["v1"],
                     "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"}]}
    if parts == ["apis"]:
        return 200, group_list(state)
    if len(parts) >= 2 and parts[0] == "api":
        group, version, rest = "", parts[1], parts[2:]
    elif len(parts) >= 3 and parts[0] == "apis":
        group, version, rest = parts[1], parts[2], parts[3:]
    else:
        return 404, status(404, "NotFound", "the server could not find the requested resource")
    if (group, version) not in state.groups:
        return 404, status(404, "NotFound", "the server could not find the requested resource")
    if not rest:
        return 200, discovery_resources(state, group, version)
    if len(rest) == 1:
        return list_response(state, group, version, rest[0], None)
    if len(rest) == 3 and rest[0] == "namespaces":
        return list_response(state, group, version, rest[2], rest[1])
    return 404, status(404, "NotFound", "the server could not find the requested resource")


def handler_for(state):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            state.record(self.path.split("?")[0])
            code, body = route(state, self.path)
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixture", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--calico", action="store_true", help="also serve Calico's CRDs (crd.projectcalico.org/v1)")
    parser.add_argument("--antrea", action="store_true", help="also serve Antrea's policy CRDs in discovery")
    parser.add_argument("--calico-api", action="store_true", help="also serve Calico's API server group (projectcalico.org/v3)")
    parser.add_argument("--no-admin-policies", action="store_true", help="no policy.networking.k8s.io group")
    parser.add_argument("--forbid", action="append", default=[], help="answer 403 to lists of this resource")
    parser.add_argument("--log", help="append each requested path to this file")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler_for(State(args)))
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    # The test owns stdin: when it closes (the test process ended), stop serving.
    threading.Thread(target=lambda: (sys.stdin.read(), server.shutdown()), daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
