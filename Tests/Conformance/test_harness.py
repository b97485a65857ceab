#!/usr/bin/env python3
"""Unit tests of the conformance harness (run_conformance.py), without kubereach.

    python3 -m unittest discover Tests/Conformance        (from the repository root)

The parser and the semantic comparison are checked on the upstream golden files
themselves: an expected file must compare equal to itself and to re-cut or reformatted
copies, and unequal to copies that differ in meaning. The runner loop (main) is checked
end to end with fake kubereach binaries: small Python scripts written to a temporary
folder that print a canned answer for each command line.

Tests that need the conformance data (../shared/conformance next to the repository, or
$KUBEREACH_CONFORMANCE) are skipped when it is missing.
"""
import contextlib
import io
import json
import os
import random
import re
import stat
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run_conformance as rc  # noqa: E402

DATA = os.path.abspath(os.environ.get("KUBEREACH_CONFORMANCE", os.path.join(HERE, "..", "..", "..", "shared", "conformance")))
HAVE_DATA = os.path.isfile(os.path.join(DATA, "cases.tsv"))
needs_data = unittest.skipUnless(HAVE_DATA, "conformance data not found at %s" % DATA)


def expected_text(set_name, scenario, file_name):
    """The text of one upstream golden file."""
    with open(os.path.join(DATA, set_name, scenario, "expected", file_name), encoding="utf-8") as f:
        return f.read()


def golden(scenario, fmt="txt"):
    return expected_text("netpol-analyzer", scenario, "%s_connlist_output.%s" % (scenario, fmt))


def diff(expected, ours, parse=rc.parse_txt):
    """Differences between two connlist texts, expected first (empty: they agree)."""
    return rc.Model(parse(expected)).diff(rc.Model(parse(ours)))


def lines_of(text):
    return [l for l in text.splitlines() if l.strip()]


def read_cases():
    import csv
    with open(os.path.join(DATA, "cases.tsv"), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


class CanonicalConnsTest(unittest.TestCase):
    """Connection strings -> protocol -> sorted, merged port intervals."""

    def test_all_connections_is_every_port_of_the_three_protocols(self):
        self.assertEqual(rc.canonical_conns("All Connections"),
                         rc.canonical_conns("SCTP 1-65535,TCP 1-65535,UDP 1-65535"))
        self.assertEqual(rc.canonical_conns("UDP 1-65535,TCP 1-65535,SCTP 1-65535"),
                         rc.canonical_conns("All Connections"))
        self.assertNotEqual(rc.canonical_conns("TCP 1-65535,UDP 1-65535"), rc.canonical_conns("All Connections"))

    def test_other_protocols_token_is_dropped(self):
        # Upstream has no "other protocols" part (Docs/conformance.md).
        self.assertEqual(rc.canonical_conns("SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535,other protocols"),
                         rc.canonical_conns("SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535"))
        self.assertEqual(rc.canonical_conns("other protocols"), ())

    def test_workload_self_pairs_are_dropped(self):
        # Replicas reaching each other: printed by us, never by upstream.
        ours = "a/x[Deployment] => a/x[Deployment] : TCP 6379\na/x[Deployment] => a/y[Deployment] : TCP 80\n"
        self.assertEqual(diff("a/x[Deployment] => a/y[Deployment] : TCP 80\n", ours), [])

    def test_ranges_are_merged_sorted_and_grouped(self):
        self.assertEqual(rc.canonical_conns("TCP 80,81"), (("TCP", ((80, 81),)),))
        self.assertEqual(rc.canonical_conns("TCP 90-100,80-95,UDP 53"), (("TCP", ((80, 100),)), ("UDP", ((53, 53),))))
        self.assertEqual(rc.canonical_conns("UDP 53,TCP 80"), rc.canonical_conns("TCP 80,UDP 53"))
        self.assertEqual(rc.canonical_conns("TCP 80,UDP 53,TCP 81"), rc.canonical_conns("TCP 80-81,UDP 53"))

    def test_readme_examples(self):
        self.assertEqual(rc.canonical_conns("TCP 8080,UDP 80,5000-6000"),
                         (("TCP", ((8080, 8080),)), ("UDP", ((80, 80), (5000, 6000)))))
        self.assertEqual(rc.canonical_conns("SCTP 9003,TCP 8080,UDP 5353")[0], ("SCTP", ((9003, 9003),)))
        self.assertEqual(rc.show(rc.canonical_conns("SCTP 1-65535,TCP 1-65535,UDP 1-5352,5354-65535")),
                         "SCTP 1-65535,TCP 1-65535,UDP 1-5352,5354-65535")

    def test_show_prints_the_canonical_form(self):
        for text in ["All Connections", "TCP 80", "TCP 80-81,UDP 53", "SCTP 9003,TCP 8080,UDP 5353"]:
            self.assertEqual(rc.show(rc.canonical_conns(text)), text)
        self.assertEqual(rc.show(rc.canonical_conns("TCP 81,80")), "TCP 80-81")
        self.assertEqual(rc.show(()), "nothing")
        self.assertEqual(rc.show(None), "(no line)")

    def test_malformed_connection_strings_are_rejected(self):
        for bad in ["TCP", "80", "TCP 0", "TCP 65536", "TCP 10-1", "HTTP 80", "TCP eighty", "TCP 80,,81"]:
            with self.assertRaises(ValueError, msg=bad):
                rc.canonical_conns(bad)


class ParseTest(unittest.TestCase):
    """txt / json / dot readers and peer helpers."""

    def test_txt_lines_crlf_and_blank_lines(self):
        text = "a/x[Pod] => b/y[Pod] : TCP 80\r\n\r\n0.0.0.0-255.255.255.255[External] => a/x[Pod] : All Connections\r\n"
        self.assertEqual(rc.parse_txt(text), [("a/x[Pod]", "b/y[Pod]", "TCP 80"),
                                              ("0.0.0.0-255.255.255.255[External]", "a/x[Pod]", "All Connections")])
        self.assertEqual(rc.parse_txt(""), [])

    def test_txt_rejects_lines_outside_the_grammar(self):
        for bad in ["a/x[Pod] -> b/y[Pod] : TCP 80", "a/x[Pod] => b/y[Pod]", "garbage"]:
            with self.assertRaises(ValueError, msg=bad):
                rc.parse_txt(bad + "\n")

    def test_focus_conn_form(self):
        text = "Permitted connections on UDP 52:\na/x[Pod] => b/y[Pod]\n"
        self.assertEqual(rc.parse_txt(text), [("a/x[Pod]", "b/y[Pod]", "UDP 52")])
        self.assertEqual(rc.parse_txt("a/x[Pod] => b/y[Pod]\n", "TCP 80"), [("a/x[Pod]", "b/y[Pod]", "TCP 80")])
        self.assertEqual(rc.parse_json('[{"src": "a/x[Pod]", "dst": "b/y[Pod]"}]', "UDP 52"), [("a/x[Pod]", "b/y[Pod]", "UDP 52")])
        self.assertEqual(rc.focus_conn_of("list --dirpath input --focus-conn udp-52 -o txt"), "UDP 52")
        self.assertIsNone(rc.focus_conn_of("list --dirpath input -o txt"))

    def test_json_extra_keys_ignored_and_shape_checked(self):
        ours = '[{"src": "a/x[Pod]", "dst": "b/y[Pod]", "conn": "TCP 80", "ports": [{"protocol": "TCP", "from": 80, "to": 80}]}]'
        self.assertEqual(rc.parse_json(ours), [("a/x[Pod]", "b/y[Pod]", "TCP 80")])
        self.assertEqual(rc.parse_json("[]"), [])
        with self.assertRaises(ValueError):
            rc.parse_json('{"src": "a"}')
        with self.assertRaises(KeyError):
            rc.parse_json('[{"src": "a/x[Pod]", "dst": "b/y[Pod]"}]')
        with self.assertRaises(ValueError):  # json.JSONDecodeError is a ValueError
            rc.parse_json("[{")

    def test_ip_peers(self):
        self.assertEqual(rc.ip_range("10.0.0.0-10.255.255.255[External]"), (10 << 24, (11 << 24) - 1))
        self.assertEqual(rc.ip_range("0.0.0.0-255.255.255.255[External]"), (0, (1 << 32) - 1))
        self.assertIsNone(rc.ip_range("default/x[Pod]"))
        self.assertTrue(rc.is_ipv6_peer("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]"))
        self.assertFalse(rc.is_ipv6_peer("10.0.0.0-10.255.255.255[External]"))
        self.assertEqual(rc.ip_text((169 << 24) + (254 << 16) + (169 << 8) + 254), "169.254.169.254")

    @needs_data
    def test_json_and_dot_goldens_say_what_the_txt_golden_says(self):
        for scenario in ["netpol-analysis-example-minimal", "acs-security-demos", "onlineboutique", "acs_security_frontend_demos"]:
            txt = rc.parse_txt(golden(scenario))
            self.assertEqual(rc.parse_json(golden(scenario, "json")), txt, scenario)
        for scenario in ["netpol-analysis-example-minimal", "acs-security-demos", "acs_security_frontend_demos"]:
            self.assertEqual(rc.parse_dot(golden(scenario, "dot")), rc.parse_txt(golden(scenario)), scenario)
        nodes = rc.dot_workload_nodes(golden("netpol-analysis-example-minimal", "dot"))
        self.assertEqual(nodes, {"default/backend[Deployment]", "default/frontend[Deployment]"})

    @needs_data
    def test_every_txt_connlist_golden_parses(self):
        for row in read_cases():
            if row["kind"] == "connlist" and row["format"] == "txt" and row["set"] != "netpol-analyzer-errors":
                path = os.path.join(DATA, row["set"], row["scenario"], row["expected_file"])
                with open(path, encoding="utf-8") as f:
                    rc.Model(rc.parse_txt(f.read(), rc.focus_conn_of(row["args"])))  # raises on a bad line


class FunctionTest(unittest.TestCase):
    """IP lines as piecewise functions address -> connection set."""
    TCP80, UDP53 = rc.canonical_conns("TCP 80"), rc.canonical_conns("UDP 53")
    TOP = (1 << 32) - 1

    def test_gaps_are_filled_and_equal_neighbours_merged(self):
        fn = rc.Model.function([(10, 19, self.TCP80), (20, 29, self.TCP80), (40, 49, self.UDP53)])
        self.assertEqual(fn, [(0, 9, ()), (10, 29, self.TCP80), (30, 39, ()), (40, 49, self.UDP53), (50, self.TOP, ())])
        self.assertEqual(rc.Model.function([]), [(0, self.TOP, ())])

    def test_overlapping_lines_give_the_union(self):
        fn = rc.Model.function([(0, 99, self.TCP80), (50, 149, self.UDP53)])
        self.assertEqual(fn[:3], [(0, 49, self.TCP80), (50, 99, rc.canonical_conns("TCP 80,UDP 53")), (100, 149, self.UDP53)])

    def test_sweep_agrees_with_a_brute_force_evaluation(self):
        rnd = random.Random(7)
        values = [self.TCP80, self.UDP53, rc.canonical_conns("TCP 80-90"), rc.canonical_conns("All Connections")]
        for _ in range(300):
            pieces = []
            for _ in range(rnd.randint(0, 6)):
                lo = rnd.randint(0, 40)
                pieces.append((lo, lo + rnd.randint(0, 15), rnd.choice(values)))
            fn = rc.Model.function(pieces)
            self.assertEqual(fn[0][0], 0)
            self.assertEqual(fn[-1][1], self.TOP)
            for (_, hi, v), (lo, _, w) in zip(fn, fn[1:]):
                self.assertEqual(hi + 1, lo)
                self.assertNotEqual(v, w)  # maximal pieces
            for address in range(0, 60):
                want = rc.collapse({item for lo, hi, c in pieces if lo <= address <= hi for item in rc.expand(c)})
                got = next(v for lo, hi, v in fn if lo <= address <= hi)
                self.assertEqual(got, want, (pieces, address))

    def test_fn_diff_names_only_the_differing_addresses(self):
        e = rc.Model.function([(0, 99, self.TCP80)])
        a = rc.Model.function([(0, 49, self.TCP80), (50, 50, self.UDP53), (51, 99, self.TCP80)])
        self.assertEqual(rc.fn_diff(e, a), [(50, 50, self.TCP80, self.UDP53)])
        self.assertEqual(rc.fn_diff(e, e), [])


@needs_data
class ModelOnGoldenFilesTest(unittest.TestCase):
    """Expected files fed back as 'our output', as they are and perturbed."""
    SCENARIOS = ["netpol-analysis-example-minimal", "ipblockstest", "semanticDiff-different-topologies-policy-a-with-ipblock",
                 "acs-security-demos", "test_with_named_ports", "netpol_named_port_test_2", "minimal_test_in_ns"]

    def test_each_golden_equals_itself(self):
        for scenario in self.SCENARIOS:
            self.assertEqual(diff(golden(scenario), golden(scenario)), [], scenario)
        json_text = golden("onlineboutique", "json")
        self.assertEqual(diff(json_text, json_text, rc.parse_json), [])

    def test_order_does_not_matter(self):
        lines = lines_of(golden("ipblockstest"))
        random.Random(1).shuffle(lines)
        self.assertEqual(diff(golden("ipblockstest"), "\n".join(lines)), [])

    def test_equivalent_cuts_of_the_address_space_compare_equal(self):
        # README: ipblockstest_2 and _3 write the except as one /8 or two /9s
        self.assertEqual(diff(golden("ipblockstest_2"), golden("ipblockstest_3")), [])
        # no-policy workloads get one All Connections line per atom: merged into one line is the same
        text = golden("semanticDiff-different-topologies-policy-a-with-ipblock")
        lines = lines_of(text)
        atom = re.compile(r"^\d+\.\d+\.\d+\.\d+-\d+\.\d+\.\d+\.\d+\[External\] => (.*) : All Connections$")
        open_dsts = {}
        for l in lines:
            m = atom.match(l)
            if m:
                open_dsts[m.group(1)] = open_dsts.get(m.group(1), 0) + 1
        whole = [d for d, n in open_dsts.items() if n == 5]  # all five atoms open
        self.assertTrue(whole)
        merged = [l for l in lines if not (atom.match(l) and atom.match(l).group(1) in whole)]
        merged += ["0.0.0.0-255.255.255.255[External] => %s : All Connections" % d for d in whole]
        self.assertEqual(diff(text, "\n".join(merged)), [])

    def test_an_ip_line_split_in_two_compares_equal(self):
        text = golden("semanticDiff-different-topologies-policy-a-with-ipblock")
        target = "10.11.0.0-10.255.255.255[External] => "
        line = next(l for l in lines_of(text) if l.startswith(target))
        rest = line[len(target):]
        split = ["10.11.0.0-10.11.0.255[External] => " + rest, "10.11.1.0-10.255.255.255[External] => " + rest]
        ours = [l for l in lines_of(text) if l != line] + split
        self.assertEqual(diff(text, "\n".join(ours)), [])

    def test_non_canonical_connection_strings_compare_equal(self):
        text = golden("netpol-analysis-example-minimal")
        ours = text.replace("TCP 8080", "TCP 8080-8080").replace("UDP 53", "UDP 53,53")
        self.assertNotEqual(ours, text)
        self.assertEqual(diff(text, ours), [])
        self.assertEqual(diff("a/x[Pod] => b/y[Pod] : All Connections\n",
                              "a/x[Pod] => b/y[Pod] : UDP 1-65535,SCTP 1-65535,TCP 1-65535\n"), [])

    def test_a_pair_split_over_two_lines_is_their_union(self):
        self.assertEqual(diff("a/x[Pod] => b/y[Pod] : TCP 80,UDP 53\n",
                              "a/x[Pod] => b/y[Pod] : TCP 80\na/x[Pod] => b/y[Pod] : UDP 53\n"), [])

    def test_ipv6_and_ingress_controller_lines_are_dropped(self):
        text = golden("acs-security-demos")
        self.assertIn("{ingress-controller}", text)
        ours = "\n".join(l for l in lines_of(text) if not l.startswith("{ingress-controller}"))
        ours += "\n::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] => backend/checkout[Deployment] : TCP 8080\n"
        ours += "{ingress-controller} => frontend/webapp[Deployment] : TCP 1234\n"
        self.assertEqual(diff(text, ours), [])

    def test_a_dropped_workload_line_fails(self):
        text = golden("acs-security-demos")
        line = next(l for l in lines_of(text) if l.startswith("backend/checkout[Deployment] => backend/notification"))
        problems = diff(text, text.replace(line + "\n", ""))
        self.assertEqual(len(problems), 1)
        self.assertIn("backend/checkout[Deployment] => backend/notification[Deployment]", problems[0])
        self.assertIn("got (no line)", problems[0])

    def test_an_extra_line_fails(self):
        text = golden("netpol-analysis-example-minimal")
        problems = diff(text, text + "default/backend[Deployment] => default/frontend[Deployment] : TCP 80\n")
        self.assertEqual(problems, ["  default/backend[Deployment] => default/frontend[Deployment]: expected (no line), got TCP 80"])

    def test_a_changed_port_fails(self):
        text = golden("netpol-analysis-example-minimal")
        problems = diff(text, text.replace("TCP 9090", "TCP 9091"))
        self.assertEqual(problems, ["  default/frontend[Deployment] => default/backend[Deployment]: expected TCP 9090, got TCP 9091"])

    def test_a_changed_port_on_an_ip_line_fails(self):
        text = golden("netpol-analysis-example-minimal")
        problems = diff(text, text.replace("UDP 53", "UDP 53-54"))
        self.assertEqual(problems, ["  default/frontend[Deployment] egress to 0.0.0.0-255.255.255.255: expected UDP 53, got UDP 53-54"])

    def test_a_moved_ip_boundary_fails_and_names_the_address(self):
        # ingress from 10.0.0.0/8 except 10.10.0.0/16: the excepted block is not allowed
        text = golden("semanticDiff-different-topologies-policy-a-with-ipblock")
        lines = lines_of(text)
        allowed = [l for l in lines if l.startswith("10.0.0.0-10.9.255.255[External]")]
        self.assertTrue(allowed)
        blocked_dsts = [l.split(" => ")[1].split(" : ")[0] for l in allowed
                        if not any(m.startswith("10.10.0.0-10.10.255.255[External] => " + l.split(" => ")[1].split(" : ")[0])
                                   for m in lines)]
        self.assertTrue(blocked_dsts, "expected a workload that allows 10.0/13.. but not 10.10/16")
        dst = blocked_dsts[0]
        ours = [l.replace("10.0.0.0-10.9.255.255[External]", "10.0.0.0-10.10.0.0[External]") if l.startswith("10.0.0.0-10.9.255.255[External] => " + dst) else l
                for l in lines]
        problems = diff(text, "\n".join(ours))
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("%s ingress from 10.10.0.0-10.10.0.0: expected nothing" % dst, problems[0])

    def test_a_dropped_ip_line_fails(self):
        text = golden("ipblockstest")
        line = next(l for l in lines_of(text) if l.startswith("10.") or l.startswith("0.0.0.0-9."))
        problems = diff(text, text.replace(line + "\n", ""))
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("got nothing", problems[0])

    def test_an_ip_to_ip_line_fails(self):
        text = golden("netpol-analysis-example-minimal")
        problems = diff(text, text + "1.2.3.4-1.2.3.4[External] => 5.6.7.8-5.6.7.8[External] : TCP 80\n")
        self.assertTrue(problems)

    def test_the_large_golden_compares_quickly(self):
        import time
        text = golden("ipblockstest_4")
        start = time.time()
        self.assertEqual(diff(text, text), [])
        self.assertLess(time.time() - start, 20)


class ArgsTest(unittest.TestCase):
    """Upstream command lines -> ours, and which rows are skipped."""

    def test_plain_and_focus_rows(self):
        self.assertEqual(rc.our_args("list --dirpath input --multiple-networks=false -o json", "/s/input"),
                         ["list", "/s/input"] + rc.UPSTREAM_FLAGS + ["-o", "json"])
        self.assertEqual(rc.our_args("list --dirpath input --multiple-networks=false --focusworkload checkout --focusworkload-peer webapp "
                                     "--focus-direction ingress -o txt", "in")[len(rc.UPSTREAM_FLAGS) + 2:],
                         ["--focus", "checkout", "--focus-peer", "webapp", "--focus-direction", "ingress", "-o", "txt"])
        self.assertEqual(rc.our_args("list --dirpath input --multiple-networks=false --explain --focus-conn udp-52", "in")[-3:],
                         ["--explain", "--focus-conn", "udp-52"])
        self.assertIn("--ipblock-matches-pods=false", rc.UPSTREAM_FLAGS)

    def test_unmapped_options_skip_the_case(self):
        with self.assertRaises(rc.Unmapped):
            rc.our_args("list --dirpath input --exposure", "in")
        row = {"set": "netpol-analyzer", "kind": "explain", "args": "list --dirpath input --explain --exposure"}
        self.assertIn("--exposure", rc.skip_reason(row, "x"))

    def test_explain_only_maps_with_its_value(self):
        args = "list --dirpath input --multiple-networks=false --explain --focus-conn udp-5353 --explain-only deny"
        self.assertEqual(rc.our_args(args, "in")[-5:], ["--explain", "--focus-conn", "udp-5353", "--explain-only", "deny"])
        self.assertIsNone(rc.skip_reason({"set": "netpol-analyzer", "kind": "explain", "args": args}, "x"))

    @needs_data
    def test_eval_checks_are_read(self):
        rows = rc.eval_rows(DATA)
        self.assertEqual(len(rows), 6)
        name, row = rows[0]
        self.assertEqual(row["set"], "netpol-analyzer-anp")
        self.assertIn(row["allowed"], ("true", "false"))
        self.assertIn("eval_checks.tsv: ", name)

    def test_every_set_runs_but_pod_maps(self):
        anp = {"set": "netpol-analyzer-anp", "kind": "connlist", "args": "list --dirpath input -o txt"}
        self.assertIsNone(rc.skip_reason(anp, "x"))
        conn = {"set": "netpol-analyzer-anp", "kind": "connlist", "args": "list --dirpath input --focus-conn udp-52 -o txt"}
        self.assertIsNone(rc.skip_reason(conn, "x"))
        podmap = {"set": "netpol-analyzer", "kind": "podmap", "args": "library only"}
        self.assertIsNotNone(rc.skip_reason(podmap, "x"))

    @needs_data
    def test_every_plain_and_anp_connlist_row_is_run(self):
        """Every netpol-analyzer connlist txt/json row without --focus, and every ANP connlist row, is compared."""
        for row in read_cases():
            name = "%s/%s/%s" % (row["set"], row["scenario"], row["expected_file"])
            reason = rc.skip_reason(row, name)
            if row["set"] == "netpol-analyzer" and row["kind"] == "connlist" and row["format"] in ("txt", "json") \
                    and "--focus" not in row["args"]:
                self.assertIsNone(reason, name)
            if row["set"] == "netpol-analyzer-anp" and row["kind"] == "connlist":
                self.assertIsNone(reason, name)

    @needs_data
    def test_error_files(self):
        seen = set()
        for row in read_cases():
            if row["kind"] == "error":
                e = rc.read_error_file(os.path.join(DATA, row["set"], row["scenario"], row["expected_file"]))
                self.assertTrue(e["contains"])
                seen.add(e["severity"])
        self.assertEqual(seen, {"fatal", "severe", "warning", "warning+empty", "error+empty"})


# ---------------------------------------------------------------------------------------
# Fake binaries

FAKE = textwrap.dedent('''\
    #!%s
    """Fake kubereach: looks its command line up in $FAKE_TABLE (JSON: argv -> answer)."""
    import json, os, sys
    with open(os.environ["FAKE_TABLE"], encoding="utf-8") as f:
        table = json.load(f)
    key = json.dumps(sys.argv[1:])
    answer = table.get(key) or table.get("*")
    if answer is None:
        sys.stderr.write("fake: error: no answer for %%s\\n" %% key)
        sys.exit(3)
    out = answer.get("stdout", "")
    if "stdout_file" in answer:
        with open(answer["stdout_file"], encoding="utf-8") as f:
            out = f.read()
    sys.stdout.write(out)
    sys.stderr.write(answer.get("stderr", ""))
    sys.exit(answer.get("code", 0))
    ''') % sys.executable


def explain_in_our_format(upstream_text):
    """Upstream explain golden -> the shape of kubereach's `list --explain` (what
    parse_our_explain reads), with the same facts."""
    pairs, default = rc.parse_upstream_explain(upstream_text)
    out = ["# Connections decided by policies #", ""]
    for (src, dst), names in sorted(pairs.items()):
        out.append("Connections between %s => %s: TCP 80" % (src, dst))
        if names:
            out.append("  Ingress: isolated by %s; matching rules allow TCP 80." % ", ".join(sorted(names)))
        out.append("")
    out.append("# Connections allowed by default (no policy isolates either end) #")
    out += ["%s => %s" % p for p in sorted(default)]
    return "\n".join(out) + "\n"


class FakeBinaryCase(unittest.TestCase):
    """A temporary folder with a fake kubereach and its answer table."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.binary = os.path.join(self.tmp.name, "kubereach")
        with open(self.binary, "w", encoding="utf-8") as f:
            f.write(FAKE)
        os.chmod(self.binary, os.stat(self.binary).st_mode | stat.S_IXUSR)
        self.table = {}
        self.table_path = os.path.join(self.tmp.name, "table.json")
        old = os.environ.get("FAKE_TABLE")
        os.environ["FAKE_TABLE"] = self.table_path
        self.addCleanup(lambda: os.environ.__setitem__("FAKE_TABLE", old) if old else os.environ.pop("FAKE_TABLE", None))

    def answer(self, argv, **answer):
        self.table[json.dumps(argv)] = answer

    def run_main(self, *args):
        """main() with our fake binary; returns (exit status, printed lines)."""
        with open(self.table_path, "w", encoding="utf-8") as f:
            json.dump(self.table, f)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            status = rc.main(["--kubereach", self.binary] + list(args))
        return status, buf.getvalue().splitlines()


@needs_data
class EndToEndTest(FakeBinaryCase):
    """The runner loop over the real cases.tsv with a fake binary."""

    def perfect_table(self):
        """A fake that answers every runnable case as upstream would want."""
        for row in read_cases():
            name = "%s/%s/%s" % (row["set"], row["scenario"], row["expected_file"])
            if rc.skip_reason(row, name):
                continue
            scenario_dir = os.path.join(DATA, row["set"], row["scenario"])
            inp = os.path.join(scenario_dir, "input")
            expected_path = os.path.join(scenario_dir, row["expected_file"])
            if row["kind"] == "connlist":
                self.answer(rc.our_args(row["args"], inp), stdout_file=expected_path)
            elif row["kind"] == "explain":
                with open(expected_path, encoding="utf-8") as f:
                    self.answer(rc.our_args(row["args"], inp), stdout=explain_in_our_format(f.read()))
            elif row["kind"] == "error":
                severity = rc.read_error_file(expected_path)["severity"]
                first = sorted(rc.input_file_names(inp))[0]
                if severity == "fatal":
                    self.answer(["list", inp] + rc.UPSTREAM_FLAGS, code=2, stderr="%s:1:1: error: bad\n" % first)
                else:
                    self.answer(["list", inp] + rc.UPSTREAM_FLAGS, code=0, stderr="%s:1:1: warning: skipped\n" % first)
        for _, row in rc.eval_rows(DATA):
            inp = os.path.join(DATA, row["set"], row["scenario"], "input")
            argv = ["eval", row["src_workload"], row["dst_workload"], inp, "--port", row["port"],
                    "--protocol", row["protocol"].upper()] + rc.UPSTREAM_FLAGS
            self.answer(argv, code=0 if row["allowed"] == "true" else 1, stdout="verdict\n")

    def test_a_perfect_binary_passes_everything(self):
        self.perfect_table()
        status, out = self.run_main("--conformance", DATA)
        self.assertEqual(status, 0, "\n".join(out[-40:]))
        m = re.fullmatch(r"(\d+) passed, (\d+) failed, (\d+) skipped", out[-1])
        self.assertTrue(m, out[-1])
        passed, failed, skipped = map(int, m.groups())
        self.assertEqual(failed, 0)
        self.assertGreaterEqual(passed, 90)
        self.assertEqual(passed + skipped, len(read_cases()) + len(rc.eval_rows(DATA)))
        self.assertFalse([l for l in out if l.startswith("FAIL")])

    def test_verbose_lists_every_case(self):
        self.perfect_table()
        status, out = self.run_main("--conformance", DATA, "--filter", "netpol-analysis-example-minimal", "--verbose")
        self.assertEqual(status, 0)
        self.assertEqual(sum(l.startswith("PASS ") for l in out), 3)  # txt, json, dot
        self.assertEqual(out[-1], "3 passed, 0 failed, 0 skipped")

    def test_a_wrong_answer_fails_with_a_readable_diff(self):
        self.perfect_table()
        inp = os.path.join(DATA, "netpol-analyzer", "netpol-analysis-example-minimal", "input")
        wrong = golden("netpol-analysis-example-minimal").replace("TCP 9090", "TCP 9091")
        self.answer(rc.our_args("list --dirpath input -o txt", inp), stdout=wrong)
        status, out = self.run_main("--conformance", DATA, "--filter", "netpol-analysis-example-minimal")
        self.assertEqual(status, 1)
        self.assertIn("FAIL netpol-analyzer/netpol-analysis-example-minimal/expected/netpol-analysis-example-minimal_connlist_output.txt", out)
        self.assertIn("     default/frontend[Deployment] => default/backend[Deployment]: expected TCP 9090, got TCP 9091", out)
        self.assertEqual(out[-1], "2 passed, 1 failed, 0 skipped")

    def test_long_diffs_are_cut_unless_verbose(self):
        self.perfect_table()
        inp = os.path.join(DATA, "netpol-analyzer", "ipblockstest", "input")
        self.answer(rc.our_args("list --dirpath input -o txt", inp), stdout="")
        args = ["--conformance", DATA, "--filter", "ipblockstest/expected/ipblockstest_connlist_output.txt"]
        status, out = self.run_main(*args)
        self.assertEqual(status, 1)
        self.assertTrue(out[-2].startswith("   ... "), out[-3:])
        self.assertLessEqual(len(out), 33)
        status, verbose_out = self.run_main(*(args + ["--verbose"]))
        self.assertGreater(len(verbose_out), 33)

    def test_unparsable_output_and_a_crash_fail_cleanly(self):
        self.perfect_table()
        inp = os.path.join(DATA, "netpol-analyzer", "minimal_test_in_ns", "input")
        self.answer(rc.our_args("list --dirpath input -o txt", inp), stdout="this is not a connlist\n")
        status, out = self.run_main("--conformance", DATA, "--filter", "minimal_test_in_ns")
        self.assertEqual(status, 1)
        self.assertTrue(any("cannot parse our output" in l for l in out), out)
        self.answer(rc.our_args("list --dirpath input -o txt", inp), code=134, stderr="Fatal error: index out of range\n")
        status, out = self.run_main("--conformance", DATA, "--filter", "minimal_test_in_ns")
        self.assertTrue(any("exit 134" in l for l in out), out)

    def test_a_missing_binary_fails_every_case_without_a_traceback(self):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            status = rc.main(["--kubereach", os.path.join(self.tmp.name, "nope"), "--conformance", DATA, "--filter", "minimal_test_in_ns"])
        self.assertEqual(status, 1)
        self.assertIn("cannot run", buf.getvalue())
        self.assertEqual(buf.getvalue().splitlines()[-1], "0 passed, 1 failed, 0 skipped")

    def test_the_anp_and_focus_conn_rows_run(self):
        self.perfect_table()
        status, out = self.run_main("--conformance", DATA, "--filter", "anp_demo")
        self.assertEqual(status, 0, out)
        m = re.fullmatch(r"(\d+) passed, 0 failed, (\d+) skipped", out[-1])
        self.assertTrue(m, out[-1])
        self.assertGreaterEqual(int(m.group(1)), 5)  # txt/json/dot, udp-52 txt/json/dot, explain

    def explain_answer(self, expected_file, edit):
        """Answer one anp_banp_blog_demo explain row with the upstream facts, edited."""
        scenario = os.path.join(DATA, "netpol-analyzer-anp", "anp_banp_blog_demo")
        row = next(r for r in read_cases() if r["expected_file"] == "expected/" + expected_file)
        with open(os.path.join(scenario, row["expected_file"]), encoding="utf-8") as f:
            ours = edit(explain_in_our_format(f.read()))
        self.answer(rc.our_args(row["args"], os.path.join(scenario, "input")), stdout=ours)
        return self.run_main("--conformance", DATA, "--filter", expected_file)

    def drop_section(self, text, pair):
        head, sep, rest = text.partition("Connections between %s:" % pair)
        self.assertTrue(sep, pair)
        return head + rest.split("\n\n", 1)[1]

    def test_explain_only_rows_run_and_compare_the_pairs(self):
        self.perfect_table()
        status, out = self.run_main("--conformance", DATA, "--filter", "explain_output", "--verbose")
        self.assertEqual(status, 0, out)
        self.assertTrue(any(l.startswith("PASS ") and "_deny_explain" in l for l in out), out)
        self.assertTrue(any(l.startswith("PASS ") and "_allow_explain" in l for l in out), out)
        self.assertFalse(any("_deny_explain" in l or "_allow_explain" in l for l in out if l.startswith("SKIP")), out)

    def test_a_pair_missing_from_explain_only_output_fails(self):
        self.perfect_table()
        pair = "bar/mybar[Pod] => foo/myfoo[Pod]"
        status, out = self.explain_answer("anp_banp_blog_demo_deny_explain_output.txt", lambda t: self.drop_section(t, pair))
        self.assertEqual(status, 1)
        self.assertIn("     %s: explained in upstream only" % pair, out)

    def test_an_extra_pair_in_explain_only_output_fails(self):
        self.perfect_table()
        extra = "Connections between baz/mybaz[Pod] => monitoring/mymonitoring[Pod]: denied TCP 1; allowed TCP 2\n\n"
        status, out = self.explain_answer("anp_banp_blog_demo_deny_explain_output.txt",
                                          lambda t: t.replace("Connections between ", extra + "Connections between ", 1))
        self.assertEqual(status, 1)
        self.assertIn("     baz/mybaz[Pod] => monitoring/mymonitoring[Pod]: explained in ours only", out)

    def test_plain_explain_rows_compare_only_the_pairs_both_explain(self):
        self.perfect_table()
        pair = "bar/mybar[Pod] => foo/myfoo[Pod]"  # denied: plain --explain leaves it out
        status, out = self.explain_answer("anp_banp_blog_demo_explain_output.txt", lambda t: self.drop_section(t, pair))
        self.assertEqual(status, 0, out)


class MissingDataTest(unittest.TestCase):
    def run_missing(self, require):
        buf = io.StringIO()
        saved = os.environ.get("KUBEREACH_REQUIRE_SHARED")
        os.environ["KUBEREACH_REQUIRE_SHARED"] = "1" if require else "0"
        try:
            with contextlib.redirect_stdout(buf):
                status = rc.main(["--kubereach", "/nonexistent", "--conformance", "/nonexistent/conformance"])
        finally:
            if saved is None:
                del os.environ["KUBEREACH_REQUIRE_SHARED"]
            else:
                os.environ["KUBEREACH_REQUIRE_SHARED"] = saved
        return status, buf.getvalue()

    def test_no_conformance_folder_is_a_visible_skip_and_exit_0(self):
        status, out = self.run_missing(require=False)
        self.assertEqual(status, 0)
        self.assertIn("SKIPPED", out)
        self.assertIn("not found", out)

    def test_no_conformance_folder_fails_when_required(self):
        status, out = self.run_missing(require=True)
        self.assertEqual(status, 2)
        self.assertIn("required", out)


class ErrorSeverityTest(FakeBinaryCase):
    """check_error against fake behaviours, on a synthetic scenario."""

    def setUp(self):
        super().setUp()
        self.scenario = os.path.join(self.tmp.name, "scenario")
        self.inp = os.path.join(self.scenario, "input")
        os.makedirs(self.inp)
        with open(os.path.join(self.inp, "broken.yaml"), "w") as f:
            f.write("kind: [\n")
        self.plain = ["list", self.inp] + rc.UPSTREAM_FLAGS
        self.keep_going = ["list", self.inp, "--keep-going"] + rc.UPSTREAM_FLAGS

    def check(self, severity):
        with open(self.table_path, "w", encoding="utf-8") as f:
            json.dump(self.table, f)
        return rc.check_error(self.binary, self.scenario, {"severity": severity}, False)

    def refuse(self, keep_going_code=0, keep_going_err=None, named=True):
        where = os.path.join(self.inp, "broken.yaml") if named else "<input>"
        self.answer(self.plain, code=2, stderr="%s:1:7: error: malformed YAML\n" % where)
        self.answer(self.keep_going, code=keep_going_code,
                    stderr=keep_going_err if keep_going_err is not None else "%s:1:7: error: malformed YAML (skipped)\n" % where)

    def test_fatal(self):
        self.refuse()
        self.assertEqual(self.check("fatal"), ([], "refused"))
        self.answer(self.plain, code=0, stderr="warning: something\n")
        problems, _ = self.check("fatal")
        self.assertTrue(problems)
        self.answer(self.plain, code=2, stderr="")  # exit 2 but no error line
        self.assertTrue(self.check("fatal")[0])

    def test_warning_either_warns_or_refuses_and_keeps_going(self):
        self.answer(self.plain, code=0, stderr="broken.yaml:1:7: warning: skipped\n")
        self.assertEqual(self.check("warning"), ([], "warned"))
        self.refuse()
        self.assertEqual(self.check("warning"), ([], "refused (continues with --keep-going)"))
        self.refuse(keep_going_code=2)
        self.assertTrue(self.check("warning")[0])
        self.refuse(keep_going_err="")
        self.assertTrue(self.check("warning")[0])
        self.answer(self.plain, code=0, stderr="")  # silently carries on
        self.assertTrue(self.check("warning")[0])

    def test_severe_must_name_the_file(self):
        self.refuse()
        self.assertEqual(self.check("severe")[1], "refused (continues with --keep-going)")
        self.refuse(named=False)
        self.assertTrue(self.check("severe")[0])
        self.answer(self.plain, code=0, stderr="broken.yaml:1:1: warning: not a Kubernetes object: skipped\n")
        self.assertEqual(self.check("severe"), ([], "warned"))
        self.answer(self.plain, code=0, stderr="warning: no NetworkPolicy found\n")
        self.assertTrue(self.check("severe")[0])

    def test_empty_severities_need_an_empty_result(self):
        self.answer(self.plain, code=0, stderr="warning: no pods\n", stdout="")
        self.assertEqual(self.check("error+empty"), ([], "warned"))
        self.answer(self.plain, code=0, stderr="warning: no pods\n", stdout="a/x[Pod] => b/y[Pod] : TCP 80\n")
        self.assertTrue(self.check("warning+empty")[0])
        self.refuse()
        self.assertEqual(self.check("warning+empty")[1], "refused (continues with --keep-going)")

    def test_unknown_severity(self):
        self.assertTrue(self.check("catastrophic")[0])


if __name__ == "__main__":
    unittest.main()
