#!/usr/bin/env python3
"""A multi-document YAML file as one JSON `List` (what `kubectl get -o json` prints), so the
benchmarks can feed the same cluster to the JSON fast path. usage: yaml-to-json-list.py IN OUT"""
import json
import sys

import yaml

items = [d for d in yaml.load_all(open(sys.argv[1]), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) if d]
json.dump({"apiVersion": "v1", "kind": "List", "items": items}, open(sys.argv[2], "w"), separators=(",", ":"))
