#!/usr/bin/env python3
"""Conformance harness: runs kubereach on the peer tool's scenarios and compares semantically.

Usage: run_conformance.py --kubereach BIN [--conformance DIR] [--filter TEXT] [--verbose]

Compared (README of the conformance folder):
  * netpol-analyzer connlist cases, txt and json: workload lines as a set of
    (src, dst, canonical connection set); IP-range lines as piecewise functions
    "IPv4 address -> connection set" per (workload, direction). Lines from
    {ingress-controller} are dropped on both sides (we do not model Ingress/Route yet);
    IPv6 lines are dropped from ours (upstream is IPv4 only).
  * focus cases (--focusworkload ...), mapped to our --focus options, once they exist
    (--include-pending); explain, podmap and dot rows are skipped with a reason.
  * netpol-analyzer-errors: the expected severity decides what we must do (see
    Tests/Conformance/README.md).
Prints one line per failure and ends with "N passed, N failed, N skipped".
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys

PROTOS = ("SCTP", "TCP", "UDP")
FULL = ((1, 65535),)
# upstream's choices, passed so that we compute what it assumes
UPSTREAM_FLAGS = ["--ipblock-matches-pods=false", "--host-network-policy", "apply"]


def canonical_conns(text):
    """'TCP 80,8080-8090,UDP 53' -> ((proto, ((lo, hi), ...)), ...) with merged ranges."""
    text = text.strip()
    if text == "All Connections":
        return tuple((p, FULL) for p in PROTOS)
    if text in ("", "No Connections"):
        return ()
    groups = {}
    current = None
    for token in text.split(","):
        token = token.strip()
        parts = token.split(" ")
        if parts[0] in PROTOS:
            current = parts[0]
            token = parts[1] if len(parts) > 1 else ""
        if current is None or not token:
            raise ValueError("cannot parse connections %r" % text)
        lo, _, hi = token.partition("-")
        groups.setdefault(current, []).append((int(lo), int(hi or lo)))
    out = []
    for p in PROTOS:
        if p not in groups:
            continue
        merged = []
        for lo, hi in sorted(groups[p]):
            if merged and lo <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        out.append((p, tuple(merged)))
    return tuple(out)


IP_RE = re.compile(r"^(\d+\.\d+\.\d+\.\d+)-(\d+\.\d+\.\d+\.\d+)\[External\]$")


def ip_range(peer):
    m = IP_RE.match(peer)
    if not m:
        return None
    return tuple(sum(int(o) << (8 * (3 - i)) for i, o in enumerate(a.split("."))) for a in m.groups())


def is_ipv6_peer(peer):
    return peer.endswith("[External]") and ":" in peer


def parse_txt(text):
    edges = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        m = re.match(r"^(.*?) => (.*?) : (.*)$", line)
        if not m:
            raise ValueError("unparsable line %r" % line)
        edges.append(m.groups())
    return edges


DOT_EDGE = re.compile(r'^\s*"((?:[^"\\]|\\.)*)" -> "((?:[^"\\]|\\.)*)" \[label="((?:[^"\\]|\\.)*)"')
DOT_NODE = re.compile(r'^\s*"((?:[^"\\]|\\.)*)" \[label=')


def parse_dot(text):
    """DOT edges as (src, dst, conn) triples, like the txt lines."""
    return [m.groups() for m in map(DOT_EDGE.match, text.splitlines()) if m]


def dot_workload_nodes(text):
    return {m.group(1) for m in map(DOT_NODE.match, text.splitlines()) if m and is_workload(m.group(1))}


def parse_json(text):
    data = json.loads(text) if text.strip() else []
    return [(o["src"], o["dst"], o["conn"]) for o in data]


class Model:
    """A connectivity list as workload edges and IP functions."""

    def __init__(self, edges):
        self.pairs = {}
        self.ip = {}  # (workload, direction) -> list of (lo, hi, conns)
        for src, dst, conn in edges:
            if src == "{ingress-controller}" or dst == "{ingress-controller}":
                continue
            if is_ipv6_peer(src) or is_ipv6_peer(dst):
                continue
            conns = canonical_conns(conn)
            rs, rd = ip_range(src), ip_range(dst)
            if rs:
                self.ip.setdefault((dst, "ingress"), []).append((rs[0], rs[1], conns))
            elif rd:
                self.ip.setdefault((src, "egress"), []).append((rd[0], rd[1], conns))
            else:
                self.pairs[(src, dst)] = conns

    @staticmethod
    def function(pieces):
        """Sorted, gap-filled (with ()), neighbour-merged pieces covering 0..2^32-1."""
        cuts = {0, 1 << 32}
        for lo, hi, _ in pieces:
            cuts.add(lo)
            cuts.add(hi + 1)
        cuts = sorted(cuts)
        out = []
        for a, b in zip(cuts, cuts[1:]):
            value = set()
            for lo, hi, conns in pieces:
                if lo <= a and b - 1 <= hi:
                    value |= set(expand(conns))
            value = collapse(value)
            if out and out[-1][2] == value:
                out[-1] = (out[-1][0], b - 1, value)
            else:
                out.append((a, b - 1, value))
        return [p for p in out if p[2]] if not any(p[2] for p in out) else out

    def diff(self, other):
        """Human-readable differences, self = expected, other = actual."""
        lines = []
        for key in sorted(set(self.pairs) | set(other.pairs)):
            e, a = self.pairs.get(key), other.pairs.get(key)
            if e != a:
                lines.append("  %s => %s: expected %s, got %s" % (key[0], key[1], show(e), show(a)))
        for key in sorted(set(self.ip) | set(other.ip)):
            e, a = Model.function(self.ip.get(key, [])), Model.function(other.ip.get(key, []))
            if strip_empty(e) != strip_empty(a):
                lines.append("  IP %s of %s: expected %s, got %s" % (key[1], key[0], show_fn(e), show_fn(a)))
        return lines


def expand(conns):
    return [(p, r) for p, ranges in conns for r in ranges]


def collapse(items):
    groups = {}
    for p, r in items:
        groups.setdefault(p, []).append(r)
    return canonical_conns(",".join("%s %s" % (p, ",".join("%d-%d" % r for r in rs)) for p, rs in groups.items())) if groups else ()


def strip_empty(fn):
    return [p for p in fn if p[2]]


def show(conns):
    if conns is None:
        return "(no line)"
    return ",".join("%s %s" % (p, ",".join("%d-%d" % r if r[0] != r[1] else str(r[0]) for r in rs)) for p, rs in conns) or "nothing"


def ip_text(v):
    return ".".join(str((v >> s) & 255) for s in (24, 16, 8, 0))


def show_fn(fn):
    return "; ".join("%s-%s: %s" % (ip_text(lo), ip_text(hi), show(c)) for lo, hi, c in strip_empty(fn)) or "nothing"


# Deliberate semantic differences, each explained in Docs/conformance.md.
KNOWN_DIFFERENCES = {
    "netpol-analyzer-errors/bad_netpols_subdir6/expected/error.txt":
        "a named port towards ipBlock peers is valid for the API server: we warn, upstream refuses",
    "netpol-analyzer-errors/document_with_syntax_error/expected/document_with_syntax_error_connlist_output.txt":
        "with --keep-going we read every well-formed document of the file; upstream stops at the malformed one",
}

FOCUS_MAP = {"--focusworkload": "--focus", "--focusworkload-peer": "--focus-peer",
             "--focus-direction": "--focus-direction", "--focus-conn": "--focus-conn", "--explain": "--explain"}


def our_args(upstream_args, input_dir):
    """Upstream `list --dirpath input ... -o fmt` -> our list arguments."""
    tokens = upstream_args.split()
    out = ["list", input_dir] + UPSTREAM_FLAGS
    i = 1
    while i < len(tokens):
        t = tokens[i]
        if t == "--dirpath":
            i += 2
            continue
        if t.startswith("--multiple-networks"):
            i += 1
            continue
        if t == "-o":
            out += ["-o", tokens[i + 1]]
            i += 2
            continue
        if t in FOCUS_MAP:
            if t == "--explain":
                out.append("--explain")
                i += 1
            else:
                out += [FOCUS_MAP[t], tokens[i + 1]]
                i += 2
            continue
        raise ValueError("unmapped upstream argument %r" % t)
    return out


def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def check_connlist(binary, scenario_dir, row, verbose):
    expected_path = os.path.join(scenario_dir, row["expected_file"])
    with open(expected_path, encoding="utf-8") as f:
        expected_text = f.read()
    args = our_args(row["args"], os.path.join(scenario_dir, "input"))
    code, out, err = run(binary, args)
    if code != 0:
        return ["exit %d: %s" % (code, err.strip()[:2000])]
    parse = {"json": parse_json, "dot": parse_dot}.get(row["format"], parse_txt)
    try:
        actual = Model(parse(out))
    except (ValueError, KeyError, json.JSONDecodeError) as e:
        return ["cannot parse our output: %s" % e]
    problems = Model(parse(expected_text)).diff(actual)
    if row["format"] == "dot":
        expected_nodes, our_nodes = dot_workload_nodes(expected_text), dot_workload_nodes(out)
        for n in sorted(expected_nodes ^ our_nodes):
            problems.append("  node %s only in %s" % (n, "upstream" if n in expected_nodes else "ours"))
    return problems


def check_error(binary, scenario_dir, expected, verbose):
    """Our behaviour for an upstream error case (see README.md)."""
    sev = expected.get("severity", "")
    inp = os.path.join(scenario_dir, "input")
    code, out, err = run(binary, ["list", inp] + UPSTREAM_FLAGS)
    if sev == "fatal":
        if code == 2 and "error:" in err:
            return [], "refused"
        return ["expected exit 2 with an error, got exit %d\n%s" % (code, err.strip())], None
    if sev in ("severe", "warning", "warning+empty", "error+empty"):
        if code == 0 and ("warning:" in err or "error:" in err):
            return [], "warned"
        if code == 2 and "error:" in err:
            code2, out2, err2 = run(binary, ["list", inp, "--keep-going"] + UPSTREAM_FLAGS)
            if code2 == 0 and err2.strip():
                return [], "refused (continues with --keep-going)"
            return ["exit 2 by default, but --keep-going gave exit %d\n%s" % (code2, err2.strip())], None
        return ["expected a warning (exit 0) or an error (exit 2), got exit %d, stderr %r" % (code, err.strip())], None
    return ["unknown severity %r" % sev], None


def is_workload(name):
    return name.endswith("]") and not name.endswith("[External]")


def parse_upstream_explain(text):
    """pair -> set of NetworkPolicy names; and the pairs allowed by the system default."""
    pairs, default = {}, set()
    head, _, tail = text.partition("# All Connections due to the system default")
    for section in head.split("Connections between ")[1:]:
        pair = section.split(":\n", 1)[0].strip()
        src, _, dst = pair.partition(" => ")
        pairs[(src, dst)] = set(re.findall(r"NetworkPolicy '([^']+)'", section))
    for line in tail.splitlines():
        if " => " in line:
            src, _, dst = line.strip().partition(" => ")
            default.add((src, dst))
    return pairs, default


def parse_our_explain(text):
    pairs, default = {}, set()
    head, _, tail = text.partition("# Connections allowed by default")
    for section in head.split("\nConnections between ")[1:]:
        first, _, body = section.partition("\n")
        src, _, rest = first.partition(" => ")
        dst = rest.rsplit(": ", 1)[0]
        names = set()
        for m in re.finditer(r"isolated by (.*?);", body):
            names |= {n.strip() for n in m.group(1).split(",")}
        names |= set(re.findall(r"^\s+- (\S+) spec", body, re.M))
        pairs[(src, dst)] = names
    for line in tail.splitlines()[1:]:
        if " => " in line:
            src, _, dst = line.strip().partition(" => ")
            default.add((src, dst))
    return pairs, default


def check_explain(binary, scenario_dir, row):
    """Facts, not wording: the same workload pairs allowed by default, and for every pair both
    explain, every policy upstream names is among the policies we name."""
    with open(os.path.join(scenario_dir, row["expected_file"]), encoding="utf-8") as f:
        up_pairs, up_default = parse_upstream_explain(f.read())
    code, out, err = run(binary, our_args(row["args"], os.path.join(scenario_dir, "input")))
    if code != 0:
        return ["exit %d: %s" % (code, err.strip()[:2000])]
    our_pairs, our_default = parse_our_explain(out)
    wl = lambda ps: {p for p in ps if is_workload(p[0]) and is_workload(p[1])}
    problems = []
    for p in sorted(wl(up_default) ^ wl(our_default)):
        problems.append("  %s => %s: allowed by default in %s only" % (p[0], p[1], "upstream" if p in up_default else "ours"))
    for p in sorted(wl(set(up_pairs) & set(our_pairs))):
        missing = up_pairs[p] - our_pairs[p]
        if missing:
            problems.append("  %s => %s: upstream names %s, we do not" % (p[0], p[1], ", ".join(sorted(missing))))
    return problems


def read_error_file(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            k, _, v = line.partition(":")
            out[k.strip()] = v.strip()
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kubereach", required=True)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--conformance", default=os.path.join(here, "..", "..", "..", "shared", "conformance"))
    parser.add_argument("--filter", default="")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--include-pending", action="store_true", help="also run focus/explain cases")
    opts = parser.parse_args()
    root = os.path.abspath(opts.conformance)
    if not os.path.isdir(root):
        print("conformance data not found at %s: skipped" % root)
        return 0
    passed = failed = skipped = 0
    stricter = []
    with open(os.path.join(root, "cases.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for row in rows:
        name = "%s/%s/%s" % (row["set"], row["scenario"], row["expected_file"])
        if opts.filter and opts.filter not in name:
            continue
        scenario_dir = os.path.join(root, row["set"], row["scenario"])
        reason = None
        if row["set"] == "netpol-analyzer-anp":
            reason = "AdminNetworkPolicy (issue 7)"
        elif row["kind"] == "podmap":
            reason = "pod-level map (later issue)"
        elif "--explain-only" in row["args"]:
            reason = "--explain-only (not implemented)"
        elif "--focus-conn" in row["args"] and not opts.include_pending:
            reason = "focus-conn cases are explain/ANP cases (later issue)"
        if name in KNOWN_DIFFERENCES:
            reason = "documented difference: " + KNOWN_DIFFERENCES[name]
            print("DOCUMENTED %s: %s" % (name, KNOWN_DIFFERENCES[name]))
        if reason:
            skipped += 1
            if opts.verbose:
                print("SKIP %s: %s" % (name, reason))
            continue
        if row["kind"] == "error":
            problems, how = check_error(opts.kubereach, scenario_dir, read_error_file(os.path.join(scenario_dir, row["expected_file"])), opts.verbose)
            if how and how.startswith("refused") and "fatal" not in open(os.path.join(scenario_dir, row["expected_file"])).read():
                stricter.append("%s (%s)" % (row["scenario"], how))
        elif row["kind"] == "explain":
            problems = check_explain(opts.kubereach, scenario_dir, row)
        else:
            problems = check_connlist(opts.kubereach, scenario_dir, row, opts.verbose)
            if row["set"] == "netpol-analyzer-errors" and problems and problems[0].startswith("exit 2"):
                # a partial result upstream: we refuse by default; compare what --keep-going gives
                row = dict(row, args=row["args"] + " --keep-going")
                problems = check_connlist_keep_going(opts.kubereach, scenario_dir, row)
        if problems:
            failed += 1
            print("FAIL %s" % name)
            for line in problems if opts.verbose else problems[:30]:
                print("   " + line)
            if len(problems) > 30 and not opts.verbose:
                print("   ... %d more" % (len(problems) - 30))
        else:
            passed += 1
            if opts.verbose:
                print("PASS %s" % name)
    if stricter:
        print("stricter than upstream (refused by default): " + ", ".join(stricter))
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


def check_connlist_keep_going(binary, scenario_dir, row):
    expected_path = os.path.join(scenario_dir, row["expected_file"])
    with open(expected_path, encoding="utf-8") as f:
        expected = Model(parse_txt(f.read()))
    code, out, err = run(binary, ["list", os.path.join(scenario_dir, "input"), "--keep-going"] + UPSTREAM_FLAGS)
    if code != 0:
        return ["exit %d with --keep-going: %s" % (code, err.strip()[:2000])]
    return expected.diff(Model(parse_txt(out)))


if __name__ == "__main__":
    sys.exit(main())
