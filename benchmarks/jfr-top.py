#!/usr/bin/env python3
"""Top frames of a JFR recording (bench.sh profile): CPU samples (self and inclusive) and sampled allocations.

    python3 benchmarks/jfr-top.py rec.jfr [N]
"""
import collections
import json
import subprocess
import sys

PATH, TOP = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
MARKERS = ("io.passerine.", "com.ibm.ws.security.", "jakarta.security.", "org.jboss.weld.", "org.wildfly.security.",
           "io.undertow.security.", "com.ibm.ws.webcontainer.security.", "javax.security.auth.Subject")


def events(kind):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", kind, PATH],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]


def name(frame):
    return f'{method(frame)}:{frame.get("lineNumber", "?")}'


def method(frame):
    m = frame["method"]
    return f'{m["type"]["name"].replace("/", ".")}.{m["name"]}'


def show(title, counter, total, unit="samples"):
    print(f"  {title} (total {total} {unit})")
    for key, n in counter.most_common(TOP):
        print(f"    {100.0 * n / max(total, 1):5.1f}%  {key}")


cpu = [e for e in events("jdk.ExecutionSample") if e["values"].get("stackTrace")]
self_, incl, groups = collections.Counter(), collections.Counter(), collections.Counter()
for e in cpu:
    frames = e["values"]["stackTrace"]["frames"]
    self_[name(frames[0])] += 1
    seen = set()
    for f in frames:
        k = method(f)
        if k not in seen and any(k.startswith(p) for p in MARKERS):
            incl[k] += 1
            seen.add(k)
    for p in MARKERS:
        if any(method(f).startswith(p) for f in frames):
            groups[p.rstrip(".")] += 1
show("CPU, self (top frame)", self_, len(cpu))
show("CPU, inclusive, security/Passerine methods", incl, len(cpu))
show("CPU, inclusive, by package", groups, len(cpu))

alloc = events("jdk.ObjectAllocationSample")
by_type, by_site, total = collections.Counter(), collections.Counter(), 0
for e in alloc:
    v = e["values"]
    w = int(v.get("weight", 0))
    total += w
    by_type[v["objectClass"]["name"].replace("/", ".")] += w
    st = v.get("stackTrace")
    if st:
        site = next((method(f) for f in st["frames"] if any(method(f).startswith(p) for p in MARKERS)), None)
        by_site[site or "(outside security code)"] += w
show("allocation (sampled weight), by class", by_type, total, "bytes")
show("allocation, by innermost security/Passerine frame", by_site, total, "bytes")
