#!/usr/bin/env python3
"""Five NetworkPolicy edits to a synthetic cluster (kubereach synth), for the incremental
diff benchmark (scripts/bench, ONLY=incdiff): three policies modified (a selector, a port,
an ipBlock with an except the cluster has no boundary for), one removed, one added.

usage: policy-edits.py OLD.yaml OUTDIR
writes OUTDIR/new.yaml (the whole edited cluster), and for the shared-file layout
OUTDIR/base.yaml (every document no edit touches), OUTDIR/old-policies.yaml and
OUTDIR/new-policies.yaml (the touched policies before and after)."""
import os
import re
import sys

old_path, out = sys.argv[1], sys.argv[2]
docs = open(old_path).read().split("\n---\n")
# Not the namespaces' default-deny policies (with their DNS rule): dropping one opens a whole
# namespace, which is a diff of every pair it then reaches rather than a handful of policies'.
policies = [i for i, d in enumerate(docs) if re.search(r"^kind: NetworkPolicy$", d, re.M) and "kube-dns" not in d]
picked = [policies[len(policies) * k // 5 + 7] for k in range(4)]


def meta(doc):
    name = re.search(r"^  name: (\S+)$", doc, re.M).group(1)
    ns = re.search(r"^  namespace: (\S+)$", doc, re.M).group(1)
    return name, ns


def policy(name, ns, spec):
    return f"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n{spec}"


specs = [
    # a selector changed: the policy now selects the namespace's api pods
    "  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {tier: frontend}}\n",
    # a port changed on an ingress rule
    "  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - namespaceSelector: {}\n    ports: [{port: 8443, protocol: TCP}]\n",
    # an ipBlock with an except that no policy cut the address space at before
    "  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - ipBlock: {cidr: 198.18.0.0/15, except: [198.18.128.0/17]}\n    ports: [{port: 443, protocol: TCP}]\n",
]
new_docs = list(docs)
old_touched, new_touched = [], []
for k, i in enumerate(picked[:3]):
    name, ns = meta(docs[i])
    new_docs[i] = policy(name, ns, specs[k])
    old_touched.append(docs[i])
    new_touched.append(new_docs[i])
removed = picked[3]
old_touched.append(docs[removed])
new_docs[removed] = None
_, ns = meta(docs[policies[len(policies) // 2]])
added = policy("incdiff-added", ns, "  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - ipBlock: {cidr: 203.0.113.0/24}\n")
new_touched.append(added)
new_docs.append(added)

os.makedirs(out, exist_ok=True)
open(os.path.join(out, "new.yaml"), "w").write("\n---\n".join(d for d in new_docs if d is not None))
touched = set(picked)
open(os.path.join(out, "base.yaml"), "w").write("\n---\n".join(d for i, d in enumerate(docs) if i not in touched))
open(os.path.join(out, "old-policies.yaml"), "w").write("\n---\n".join(old_touched) + "\n")
open(os.path.join(out, "new-policies.yaml"), "w").write("\n---\n".join(new_touched) + "\n")
