#!/usr/bin/env python3
"""Prove the layering of src/ (run by `make check`):

  base (util, diag, model, domain facts) -> read/write (format table, one
  file per format, xml, cms, notices, suppression markers) -> check (rules
  table, rule files, config, fix) -> api (parse.c: mailprof_parse runs the
  reader, then the input-scope rules) -> probe (src/probe/: live servers,
  findings of the probe rules) -> command (src/cli/, public API only)

Fails when
  - a read/write-stage file includes a checker header,
  - a file of src/cli/ includes anything but its own folder's headers,
    include/mailprof.h and system headers (no libxml2, inih, OpenSSL),
  - modules (x.c with its x.h) include each other in a cycle.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
INC = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)

# Headers of the check stage; the read/write stage must not see them.
CHECK_HEADERS = {"check.h", "rules.h", "config.h", "codes_check.h"}
# Libraries the command must reach through the public API only.
THIRD_PARTY = ("libxml/", "ini.h", "openssl/", "criterion/")


def stage(rel):
    name = os.path.basename(rel)
    if rel.startswith("cli/"):
        return "command"
    if name == "parse.c":
        return "api"  # mailprof_parse: the reader, then the input-scope rules
    if rel.startswith("probe/"):
        return "probe"
    if rel.startswith("notice/") or name.startswith("fmt_") or name in (
            "format.c", "format.h", "xml.c", "xml.h", "xml_shape.c", "xml_shape.h", "xml_global.c", "cms.c", "cms.h",
            "suppress.c", "suppress.h", "formats.def", "require.c"):
        return "read/write"
    if name.startswith("rules_") or name in ("check.c", "check.h", "config.c", "fix.c",
                                             "rules.def"):
        return "check"
    return "base"


def includes(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return INC.findall(f.read())


def main():
    errors = []
    files = []
    for d, _, names in os.walk(SRC):
        for n in sorted(names):
            if n.endswith((".c", ".h")):
                files.append(os.path.relpath(os.path.join(d, n), SRC))
    graph = {}
    for rel in sorted(files):
        st = stage(rel)
        here = os.path.dirname(rel)
        mod = os.path.splitext(rel)[0]
        deps = graph.setdefault(mod, set())
        for kind, h in includes(os.path.join(SRC, rel)):
            if st == "command":
                if kind == "<" and h.startswith(THIRD_PARTY):
                    errors.append(f"src/{rel}: the command includes <{h}>: use include/mailprof.h")
                if kind == '"' and h != "mailprof.h" and not os.path.exists(
                        os.path.join(SRC, here, h)):
                    errors.append(f'src/{rel}: the command includes "{h}" from outside src/cli/')
                if kind == '"' and "/" in h:
                    errors.append(f'src/{rel}: the command includes "{h}" from outside src/cli/')
            if kind != '"':
                continue
            if st == "read/write" and os.path.basename(h) in CHECK_HEADERS:
                errors.append(f'src/{rel}: read/write stage includes checker header "{h}"')
            target = os.path.normpath(os.path.join(here, h))
            if not os.path.exists(os.path.join(SRC, target)):
                target = os.path.normpath(h)  # -Isrc
            if os.path.exists(os.path.join(SRC, target)):
                tmod = os.path.splitext(target)[0]
                if tmod != mod:
                    deps.add(tmod)
                    dst, sst = stage(target), st
                    order = ["base", "read/write", "check", "api", "probe", "command"]
                    if order.index(dst) > order.index(sst):
                        errors.append(f'src/{rel} ({sst}) includes "{h}" ({dst}): a back-edge')
    # Cycles among modules (Tarjan's strongly connected components).
    index, low, onstack, stack, sccs = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        onstack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in onstack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                onstack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    for comp in sccs:
        errors.append("include cycle among modules: " + " <-> ".join("src/" + c for c in comp))
    for e in errors:
        print("layers: " + e, file=sys.stderr)
    if errors:
        return 1
    print(f"layers: {len(files)} files, {len(graph)} modules, no back-edge, no cycle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
