#!/usr/bin/env python3
"""Conformance harness: runs kubereach on the peer tool's scenarios and compares semantically.

Usage: run_conformance.py --kubereach BIN [--conformance DIR] [--filter TEXT] [--verbose]

Compared (README of the conformance folder; details in Tests/Conformance/README.md):
  * netpol-analyzer connlist cases in txt, json and dot (focus variants included, their
    upstream options mapped to ours by FOCUS_MAP): workload lines as a set of
    (src, dst, canonical connection set); IP-range lines as piecewise functions
    "IPv4 address -> connection set" per (workload, direction). Lines from
    {ingress-controller} are dropped on both sides (we do not model Ingress/Route yet);
    IPv6 lines are dropped from ours (upstream is IPv4 only). DOT: edges like txt lines,
    plus the set of workload nodes.
  * explain cases: on their facts (pairs allowed by default, policies named per pair);
    --explain-only rows also on the set of workload pairs explained.
  * eval_checks.tsv rows (ANP set): `kubereach eval` exit 0 (allowed) or 1 (denied).
  * netpol-analyzer-errors: the expected severity decides what we must do.
  * skipped with a reason: pod-level maps, documented differences.
Prints one block per failure and ends with the line "N passed, N failed, N skipped";
exit status 1 if any case failed.
"""
import argparse
import tempfile
import csv
import heapq
import json
import os
import re
import subprocess
import sys

PROTOS = ("SCTP", "TCP", "UDP")
FULL = ((1, 65535),)
# upstream's choices, passed so that we compute what it assumes
# The plugin-dependent choices netpol-analyzer makes, and --strict: it refuses an object
# defined twice, where kubereach by default merges or replaces as `kubectl apply` does.
UPSTREAM_FLAGS = ["--ipblock-matches-pods=false", "--host-network-policy", "apply", "--strict"]


def canonical_conns(text):
    """'TCP 80,8080-8090,UDP 53' -> ((proto, ((lo, hi), ...)), ...) with merged ranges."""
    text = text.strip()
    # Upstream has no "other protocols" part (ICMP, ...): ours is dropped before comparing,
    # and our "All Connections" (the universe) reads as the three protocols' full ranges.
    text = ",".join(t for t in text.split(",") if t.strip() != "other protocols")
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
        lo, hi = int(lo), int(hi or lo)
        if not 1 <= lo <= hi <= 65535:
            raise ValueError("bad port range %r in %r" % (token, text))
        groups.setdefault(current, []).append((lo, hi))
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


FOCUS_CONN_HEADER = re.compile(r"^Permitted connections on (SCTP|TCP|UDP) (\d+):$")


def parse_txt(text, pair_conn=None):
    """txt connlist -> [(src, dst, conn)]. The --focus-conn form (a "Permitted connections
    on UDP 52:" header, then "src => dst" lines) gives every pair that header's connection;
    pair_conn is used when there is no header."""
    edges = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        header = FOCUS_CONN_HEADER.match(line)
        if header:
            pair_conn = "%s %s" % header.groups()
            continue
        m = re.match(r"^(.*?) => (.*?) : (.*)$", line)
        if not m and pair_conn is not None:
            m = re.match(r"^(.*?) => (.*?)()$", line)
        if not m:
            raise ValueError("unparsable line %r" % line)
        src, dst, conn = m.groups()
        edges.append((src, dst, conn if conn else pair_conn))
    return edges


DOT_EDGE = re.compile(r'^\s*"((?:[^"\\]|\\.)*)" -> "((?:[^"\\]|\\.)*)" \[label="((?:[^"\\]|\\.)*)"')
DOT_NODE = re.compile(r'^\s*"((?:[^"\\]|\\.)*)" \[label=')


def parse_dot(text, pair_conn=None):
    """DOT edges as (src, dst, conn) triples, like the txt lines."""
    return [(s, d, c or pair_conn) for s, d, c in (m.groups() for m in map(DOT_EDGE.match, text.splitlines()) if m)]


def dot_workload_nodes(text):
    return {m.group(1) for m in map(DOT_NODE.match, text.splitlines()) if m and is_workload(m.group(1))}


def parse_json(text, pair_conn=None):
    """JSON array of {src, dst, conn, ...} (extra keys ignored), bare (upstream's) or inside
    kubereach's versioned document; objects without conn (the --focus-conn form) get pair_conn."""
    data = json.loads(text) if text.strip() else []
    if isinstance(data, dict):
        # kubereach's versioned document: {"version": 1, "connections"|"pairs": [...]}
        if data.get("version") != 1:
            raise ValueError("JSON document without version 1")
        data = data.get("connections", data.get("pairs"))
    if not isinstance(data, list):
        raise ValueError("JSON output is not an array")
    return [(o["src"], o["dst"], o["conn"] if "conn" in o or pair_conn is None else pair_conn) for o in data]


class Model:
    """A connectivity list as workload edges and IP functions."""

    def __init__(self, edges):
        self.pairs = {}
        self.ip = {}  # (workload, direction) -> list of (lo, hi, conns)
        for src, dst, conn in edges:
            if src == "{ingress-controller}" or dst == "{ingress-controller}":
                continue
            # Upstream never prints a workload to itself; we do when its replicas reach each
            # other (Docs/conformance.md), so self pairs are dropped on both sides.
            if src == dst:
                continue
            if is_ipv6_peer(src) or is_ipv6_peer(dst):
                continue
            conns = canonical_conns(conn)
            rs, rd = ip_range(src), ip_range(dst)
            if rs:
                self.ip.setdefault((dst, "ingress"), []).append((rs[0], rs[1], conns))
            elif rd:
                self.ip.setdefault((src, "egress"), []).append((rd[0], rd[1], conns))
            elif (src, dst) in self.pairs:  # a repeated pair: the union of its lines
                self.pairs[(src, dst)] = collapse(set(expand(self.pairs[(src, dst)])) | set(expand(conns)))
            else:
                self.pairs[(src, dst)] = conns

    @staticmethod
    def function(pieces):
        """Sorted, gap-filled (with ()), neighbour-merged pieces (lo, hi, conns) covering
        0..2^32-1; overlapping pieces contribute the union of their connections.
        A sweep over the cut points, so thousands of atoms (ipblockstest_4) stay fast."""
        cuts = sorted({0, 1 << 32} | {lo for lo, _, _ in pieces} | {hi + 1 for _, hi, _ in pieces})
        by_start = sorted(pieces, key=lambda p: p[0])
        active, ends, nxt, out = {}, [], 0, []  # active: conns -> count; ends: heap of (hi, conns)
        for a, b in zip(cuts, cuts[1:]):
            while ends and ends[0][0] < a:
                _, conns = heapq.heappop(ends)
                active[conns] -= 1
                if not active[conns]:
                    del active[conns]
            while nxt < len(by_start) and by_start[nxt][0] == a:
                lo, hi, conns = by_start[nxt]
                nxt += 1
                active[conns] = active.get(conns, 0) + 1
                heapq.heappush(ends, (hi, conns))
            if not active:
                value = ()
            elif len(active) == 1:
                value = next(iter(active))
            else:
                value = collapse({item for conns in active for item in expand(conns)})
            if out and out[-1][2] == value:
                out[-1] = (out[-1][0], b - 1, value)
            else:
                out.append((a, b - 1, value))
        return out

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
                what = "ingress from" if key[1] == "ingress" else "egress to"
                for lo, hi, ev, av in fn_diff(e, a):
                    lines.append("  %s %s %s-%s: expected %s, got %s" % (
                        key[0], what, ip_text(lo), ip_text(hi), show(ev), show(av)))
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
    """Canonical txt form of a connection set ('All Connections', 'TCP 80-81,UDP 53')."""
    if conns is None:
        return "(no line)"
    if conns == canonical_conns("All Connections"):
        return "All Connections"
    return ",".join("%s %s" % (p, ",".join("%d-%d" % r if r[0] != r[1] else str(r[0]) for r in rs)) for p, rs in conns) or "nothing"


def ip_text(v):
    return ".".join(str((v >> s) & 255) for s in (24, 16, 8, 0))


def show_fn(fn):
    return "; ".join("%s-%s: %s" % (ip_text(lo), ip_text(hi), show(c)) for lo, hi, c in strip_empty(fn)) or "nothing"


def fn_diff(expected, actual):
    """Where two IP functions differ: [(lo, hi, expected conns, actual conns)], neighbouring
    ranges with the same pair of values merged."""
    def value_at(fn, i, v):
        while fn[i][1] < v:
            i += 1
        return i, fn[i][2]
    full = [(0, (1 << 32) - 1, ())]
    expected, actual = expected or full, actual or full
    cuts = sorted({lo for lo, _, _ in expected} | {lo for lo, _, _ in actual} | {1 << 32})
    out, i, j = [], 0, 0
    for a, b in zip(cuts, cuts[1:]):
        i, e = value_at(expected, i, a)
        j, g = value_at(actual, j, a)
        if e == g:
            continue
        if out and out[-1][1] == a - 1 and out[-1][2:] == (e, g):
            out[-1] = (out[-1][0], b - 1, e, g)
        else:
            out.append((a, b - 1, e, g))
    return out


# Deliberate semantic differences, each explained in Docs/conformance.md.
KNOWN_DIFFERENCES = {
    "netpol-analyzer-errors/bad_netpols_subdir6/expected/error.txt":
        "a named port towards ipBlock peers is valid for the API server: we warn, upstream refuses",
    "netpol-analyzer-errors/document_with_syntax_error/expected/document_with_syntax_error_connlist_output.txt":
        "with --keep-going we read every well-formed document of the file; upstream stops at the malformed one",
    "netpol-analyzer-errors/semanticDiff-same-topologies-illegal-podlist/expected/error.txt":
        "pods of one workload that the policies treat differently: we split the workload into its variants, upstream refuses",
    "netpol-analyzer-errors/example_pods_w_same_owner_and_labels_gap_with_bad_match_expression/expected/error.txt":
        "pods of one workload that the policies treat differently: we split the workload into its variants, upstream refuses",
}

# Upstream list options -> ours. Add a row here when kubereach grows an option; an upstream
# option missing from this table skips its case. "--explain" is the only flag without a value.
FOCUS_MAP = {"--focusworkload": "--focus", "--focusworkload-peer": "--focus-peer",
             "--focus-direction": "--focus-direction", "--focus-conn": "--focus-conn", "--explain": "--explain",
             "--explain-only": "--explain-only"}


class Unmapped(ValueError):
    """An upstream option with no kubereach equivalent (yet): the case is skipped."""


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
        raise Unmapped("no kubereach option for upstream %r" % t)
    return out


TIMEOUT = 300


def run(binary, args):
    """(exit code, stdout, stderr) of one kubereach run; a binary that cannot be started or
    that times out gives exit code -1 and the reason as stderr, so the case fails cleanly."""
    try:
        p = subprocess.run([binary] + args, capture_output=True, text=True, timeout=TIMEOUT,
                           stdin=subprocess.DEVNULL, errors="replace")
    except subprocess.TimeoutExpired:
        return -1, "", "timed out after %d s: %s" % (TIMEOUT, " ".join([binary] + args))
    except OSError as e:
        return -1, "", "cannot run %s: %s" % (binary, e)
    return p.returncode, p.stdout, p.stderr


def focus_conn_of(upstream_args):
    """'--focus-conn udp-52' in upstream args -> 'UDP 52' (the connection of pair-only lines)."""
    m = re.search(r"--focus-conn\s+([A-Za-z]+)-(\d+)", upstream_args)
    return "%s %s" % (m.group(1).upper(), m.group(2)) if m else None


ADMIN_DOC = re.compile(r"(?m)^kind:\s*[\"']?(Baseline)?AdminNetworkPolicy[\"']?\s*$")


def migrated_input(binary, scenario_dir, workdir):
    """(input dir, problems): the scenario's input with every AdminNetworkPolicy and
    BaselineAdminNetworkPolicy document replaced, mechanically, by the ClusterNetworkPolicies
    `kubereach migrate-admin-policies` writes (which itself refuses, exit 1, a conversion
    that changes connectivity)."""
    source = os.path.join(scenario_dir, "input")
    target = os.path.join(workdir, os.path.basename(scenario_dir))
    if os.path.isdir(target):
        return target, []
    code, out, err = run(binary, ["migrate-admin-policies", source, "-q"] + UPSTREAM_FLAGS)
    if code != 0:
        return None, ["migrate-admin-policies exit %d: %s%s" % (code, err.strip()[:1000], out[:2000])]
    for here, _, files in os.walk(source):
        rel = os.path.relpath(here, source)
        os.makedirs(os.path.join(target, rel), exist_ok=True)
        for name in files:
            with open(os.path.join(here, name), encoding="utf-8", errors="replace") as f:
                text = f.read()
            if ADMIN_DOC.search(text):
                docs = re.split(r"(?m)^---[^\n]*$", text)
                text = "\n---\n".join(d for d in docs if not ADMIN_DOC.search(d))
            with open(os.path.join(target, rel, name), "w", encoding="utf-8") as f:
                f.write(text)
    with open(os.path.join(target, "zz-migrated-cluster-network-policies.yaml"), "w", encoding="utf-8") as f:
        f.write(out)
    return target, []


def check_connlist(binary, scenario_dir, row, verbose, input_dir=None):
    expected_path = os.path.join(scenario_dir, row["expected_file"])
    with open(expected_path, encoding="utf-8") as f:
        expected_text = f.read()
    args = our_args(row["args"], input_dir or os.path.join(scenario_dir, "input"))
    code, out, err = run(binary, args)
    if code != 0:
        return ["exit %d: %s" % (code, err.strip()[:2000])]
    parse = {"json": parse_json, "dot": parse_dot}.get(row["format"], parse_txt)
    pair_conn = focus_conn_of(row["args"])
    try:
        actual = Model(parse(out, pair_conn))
    except (ValueError, KeyError, TypeError) as e:
        return ["cannot parse our output: %s" % e]
    problems = Model(parse(expected_text, pair_conn)).diff(actual)
    if row["format"] == "dot":
        expected_nodes, our_nodes = dot_workload_nodes(expected_text), dot_workload_nodes(out)
        for n in sorted(expected_nodes ^ our_nodes):
            problems.append("  node %s only in %s" % (n, "upstream" if n in expected_nodes else "ours"))
    return problems


def input_file_names(input_dir):
    """Base names of the scenario's input files (a severe diagnostic must name one)."""
    return {name for _, _, files in os.walk(input_dir) for name in files}


def names_a_file(diagnostics, names):
    """Does some 'warning:' / 'error:' line of stderr name one of the input files?"""
    return any(("warning:" in line or "error:" in line) and any(n in line for n in names)
               for line in diagnostics.splitlines())


def check_error(binary, scenario_dir, expected, verbose):
    """Our behaviour for an upstream error case; returns (problems, how) where how says
    which accepted behaviour we showed ("refused", "warned" or
    "refused (continues with --keep-going)"). The table is in README.md:
      fatal            exit 2 and an 'error:' line.
      severe           exit 2 with an 'error:' naming the file, and --keep-going exits 0
                       with a diagnostic naming it; or exit 0 with a 'warning:' naming it.
      warning          exit 0 with a 'warning:'; or exit 2 with an 'error:' and
                       --keep-going exits 0 with a diagnostic.
      warning+empty,   as warning, and the exit-0 run prints no connection.
      error+empty
    """
    sev = expected.get("severity", "")
    inp = os.path.join(scenario_dir, "input")
    code, out, err = run(binary, ["list", inp] + UPSTREAM_FLAGS)
    if sev == "fatal":
        if code == 2 and "error:" in err:
            return [], "refused"
        return ["expected exit 2 with an error, got exit %d\n%s" % (code, err.strip())], None
    if sev not in ("severe", "warning", "warning+empty", "error+empty"):
        return ["unknown severity %r" % sev], None
    names = input_file_names(inp)
    must_name = sev == "severe"
    empty = sev.endswith("+empty")

    def output_problem(stdout):
        if empty and stdout.strip():
            return ["expected no connection, got:\n%s" % "\n".join(stdout.strip().splitlines()[:10])]
        return []

    if code == 0 and "warning:" in err:
        if must_name and not names_a_file(err, names):
            return ["exit 0, but no warning names the skipped file (%s)\n%s" % (", ".join(sorted(names)), err.strip())], None
        problems = output_problem(out)
        return problems, None if problems else "warned"
    if code == 2 and "error:" in err:
        if must_name and not names_a_file(err, names):
            return ["exit 2, but no error names the file (%s)\n%s" % (", ".join(sorted(names)), err.strip())], None
        code2, out2, err2 = run(binary, ["list", inp, "--keep-going"] + UPSTREAM_FLAGS)
        if code2 != 0 or not err2.strip():
            return ["exit 2 by default, but --keep-going gave exit %d%s\n%s"
                    % (code2, "" if err2.strip() else " and no diagnostic", err2.strip())], None
        if must_name and not names_a_file(err2, names):
            return ["--keep-going: no diagnostic names the skipped file\n%s" % err2.strip()], None
        problems = output_problem(out2)
        return problems, None if problems else "refused (continues with --keep-going)"
    return ["expected a warning (exit 0) or an error (exit 2), got exit %d, stderr %r" % (code, err.strip())], None


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
        if src != dst:  # replicas of one workload: upstream has no such pair
            pairs[(src, dst)] = names
    for line in tail.splitlines()[1:]:
        if " => " in line:
            src, _, dst = line.strip().partition(" => ")
            if src != dst:
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
    if "--explain-only" in row["args"].split():
        # upstream explains every pair of the chosen verdict, and so must we: a pair missing
        # on either side is a different verdict (plain --explain lists only allowed pairs)
        for p in sorted(wl(set(up_pairs)) ^ wl(set(our_pairs))):
            problems.append("  %s => %s: explained in %s only" % (p[0], p[1], "upstream" if p in up_pairs else "ours"))
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


def skip_reason(row, name):
    """Why a case is not run (None: run it)."""
    if name in KNOWN_DIFFERENCES:
        return "documented difference: " + KNOWN_DIFFERENCES[name]
    if row["kind"] == "podmap":
        return "pod-level map (no CLI equivalent upstream; later issue)"
    if row["kind"] in ("connlist", "explain"):
        try:
            our_args(row["args"], "input")
        except Unmapped as e:
            return str(e)
    return None


def run_case(binary, root, row):
    """Problems of one case (empty: pass) and, for error cases, how we behaved."""
    scenario_dir = os.path.join(root, row["set"], row["scenario"])
    if row["kind"] == "error":
        return check_error(binary, scenario_dir, read_error_file(os.path.join(scenario_dir, row["expected_file"])), False)
    if row["kind"] == "explain":
        return check_explain(binary, scenario_dir, row), None
    problems = check_connlist(binary, scenario_dir, row, False)
    if row["set"] == "netpol-analyzer-errors" and problems and problems[0].startswith("exit 2"):
        # a partial result upstream: we refuse by default; compare what --keep-going gives
        problems = check_connlist_keep_going(binary, scenario_dir, row)
    return problems, None


def print_problems(name, problems, verbose, limit=30):
    """FAIL block: at most `limit` lines per case unless verbose."""
    print("FAIL %s" % name)
    lines = [l for p in problems for l in p.splitlines()]
    for line in lines if verbose else lines[:limit]:
        print("   " + line)
    if len(lines) > limit and not verbose:
        print("   ... %d more (--verbose shows all)" % (len(lines) - limit))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--kubereach", required=True, help="path to the kubereach binary")
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--conformance", default=os.path.join(here, "..", "..", "..", "shared", "conformance"),
                        help="conformance data folder (default: ../shared/conformance next to the repository)")
    parser.add_argument("--filter", default="", help="only cases whose set/scenario/expected_file contains this")
    parser.add_argument("--verbose", action="store_true", help="print every case and every difference")
    parser.add_argument("--migrate-admin-policies", action="store_true",
                        help="only the ANP set's connlist cases, on inputs whose ANP/BANP documents are replaced by "
                             "the ClusterNetworkPolicies `kubereach migrate-admin-policies` writes")
    opts = parser.parse_args(argv)
    root = os.path.abspath(opts.conformance)
    if not os.path.isdir(root):
        if os.environ.get("KUBEREACH_REQUIRE_SHARED") == "1":
            print("error: conformance data not found at %s (required by KUBEREACH_REQUIRE_SHARED=1)" % root)
            return 2
        print("SKIPPED: conformance data not found at %s" % root)
        return 0
    binary = os.path.abspath(opts.kubereach) if os.sep in opts.kubereach else opts.kubereach
    passed = failed = skipped = 0
    stricter = []
    workdir = tempfile.TemporaryDirectory(prefix="kubereach-migrated-")
    with open(os.path.join(root, "cases.tsv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        name = "%s/%s/%s" % (row["set"], row["scenario"], row["expected_file"])
        if opts.filter and opts.filter not in name:
            continue
        if opts.migrate_admin_policies and (row["set"] != "netpol-analyzer-anp" or row["kind"] != "connlist"):
            continue
        reason = skip_reason(row, name)
        if reason:
            skipped += 1
            if name in KNOWN_DIFFERENCES:
                print("DOCUMENTED %s: %s" % (name, KNOWN_DIFFERENCES[name]))
            elif opts.verbose:
                print("SKIP %s: %s" % (name, reason))
            continue
        if opts.migrate_admin_policies:
            scenario_dir = os.path.join(root, row["set"], row["scenario"])
            input_dir, problems = migrated_input(binary, scenario_dir, workdir.name)
            if input_dir:
                problems = check_connlist(binary, scenario_dir, row, False, input_dir)
            how = None
        else:
            problems, how = run_case(binary, root, row)
        if how and how.startswith("refused") and not row["notes"].startswith("fatal"):
            stricter.append("%s (%s)" % (row["scenario"], how))
        ok = report(name, problems, how, opts.verbose)
        passed, failed = passed + ok, failed + (not ok)
    for name, row in ([] if opts.migrate_admin_policies else eval_rows(root)):
        if opts.filter and opts.filter not in name:
            continue
        ok = report(name, check_eval(binary, root, row), None, opts.verbose)
        passed, failed = passed + ok, failed + (not ok)
    if stricter:
        print("stricter than upstream (refused by default): " + ", ".join(stricter))
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


def report(name, problems, how, verbose):
    """Prints a failing case (or, verbose, a passing one); True when it passed."""
    if problems:
        print_problems(name, problems, verbose)
        return False
    if verbose:
        print("PASS %s%s" % (name, " (%s)" % how if how else ""))
    return True


def eval_rows(root):
    """(case name, row) for every line of every set's eval_checks.tsv: single yes/no questions."""
    out = []
    for set_name in sorted(os.listdir(root)):
        path = os.path.join(root, set_name, "eval_checks.tsv")
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                row["set"] = set_name
                name = "%s/eval_checks.tsv: %s %s -> %s %s/%s" % (
                    set_name, row["scenario"], row["src_workload"], row["dst_workload"], row["protocol"], row["port"])
                out.append((name, row))
    return out


def check_eval(binary, root, row):
    """`kubereach eval SRC DST --port P --protocol X`: exit 0 when allowed, 1 when denied."""
    expected = row["allowed"].strip().lower() == "true"
    inp = os.path.join(root, row["set"], row["scenario"], "input")
    code, out, err = run(binary, ["eval", row["src_workload"], row["dst_workload"], inp, "--port", row["port"],
                                  "--protocol", row["protocol"].upper()] + UPSTREAM_FLAGS)
    if code not in (0, 1):
        return ["exit %d: %s" % (code, err.strip()[:2000])]
    if (code == 0) != expected:
        return ["expected %s, got %s: %s" % ("allowed" if expected else "denied", "allowed" if code == 0 else "denied",
                                             out.strip()[:500])]
    return []


def check_connlist_keep_going(binary, scenario_dir, row):
    """An upstream partial result (a severe error): our --keep-going output must match it."""
    expected_path = os.path.join(scenario_dir, row["expected_file"])
    with open(expected_path, encoding="utf-8") as f:
        expected = Model(parse_txt(f.read()))
    code, out, err = run(binary, ["list", os.path.join(scenario_dir, "input"), "--keep-going"] + UPSTREAM_FLAGS)
    if code != 0:
        return ["exit %d with --keep-going: %s" % (code, err.strip()[:2000])]
    try:
        actual = Model(parse_txt(out))
    except ValueError as e:
        return ["cannot parse our --keep-going output: %s" % e]
    return expected.diff(actual)


if __name__ == "__main__":
    sys.exit(main())
