#!/usr/bin/env python3
"""Run build/mailprof on every file of tests/data/real and print a Markdown
report: per file the exit code of `check`, the servers read, and per target of
`convert` the exit code and what is wrong with the output (a placeholder or
template token left, an autoconfig server Thunderbird would reject).

Used for the blind and final figures of tests/data/real/BLIND.md; the test
that gates the build is tests/test_realcorpus.c, which does not need Python.

usage: tools/realcorpus.py [--email ADDRESS] [MAILPROF]
"""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CORPUS = os.path.join(ROOT, "tests", "data", "real")
TARGETS = ["autoconfig", "autodiscover", "mobileconfig", "oeaccount", "ini", "json",
           "userjs", "msmtp", "fetchmail", "mbsync", "neomutt", "prf"]
# Thunderbird substitutes its own %EMAIL...% placeholders in autoconfig only.
THUNDERBIRD_PH = re.compile(r"%(EMAILADDRESS|EMAILLOCALPART|EMAILDOMAIN|REALNAME)%")
TEMPLATE = re.compile(r"\{\{|\{%|<\?php|\$\{|%[A-Z]+/[A-Z/]+%")


def run(args):
    p = subprocess.run(args, capture_output=True)
    out = p.stdout
    # .oeaccount is written as UTF-16LE with a BOM
    text = out.decode("utf-16", "replace") if out[:2] == b"\xff\xfe" else out.decode("utf-8", "replace")
    return p.returncode, text, p.stderr.decode("utf-8", "replace")


READABLE = ("autoconfig", "autodiscover", "mobileconfig", "oeaccount", "ini", "json")


def run_input(args, text, target):
    data = text.encode("utf-16") if target == "oeaccount" else text.encode("utf-8")
    p = subprocess.run(args, input=data, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def autoconfig_rejects(text):
    """Why Thunderbird's readFromXML would reject the written file, or ''."""
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as e:
        return "not well-formed: %s" % e
    bad = []
    for srv in root.iter():
        if srv.tag not in ("incomingServer", "outgoingServer"):
            continue
        for need in ("hostname", "port", "socketType", "authentication", "username"):
            el = srv.find(need)
            if el is None or not (el.text or "").strip():
                bad.append("%s without <%s>" % (srv.tag, need))
    return "; ".join(sorted(set(bad)))


def servers(mailprof, path, extra):
    rc, out, _ = run([mailprof, "convert", "--to", "json"] + extra + [path])
    if rc == 2:
        return None
    try:
        model = json.loads(out)
    except ValueError:
        return None
    cells = []
    for acc in model.get("accounts", []):
        for srv in acc.get("incoming", []) + acc.get("outgoing", []):
            cells.append("%s %s %s %s" % (srv.get("protocol"), srv.get("host"), srv.get("port"),
                                          srv.get("security")))
    return cells


def main():
    args = sys.argv[1:]
    extra = []
    if args[:1] == ["--email"]:
        extra = ["--email", args[1]]
        args = args[2:]
    mailprof = args[0] if args else os.path.join(ROOT, "build", "mailprof")
    files = []
    for kind in sorted(os.listdir(CORPUS)):
        d = os.path.join(CORPUS, kind)
        if os.path.isdir(d) and kind != "LICENSES":
            files += [os.path.join(d, f) for f in sorted(os.listdir(d))]
    good = 0
    rows = []
    for path in files:
        rel = os.path.relpath(path, CORPUS)
        crc, _, cerr = run([mailprof, "check"] + extra + [path])
        srv = servers(mailprof, path, extra)
        problems, cells = [], []
        for t in TARGETS:
            rc, out, err = run([mailprof, "convert", "--to", t] + extra + [path])
            flags = []
            if rc == 2:
                if os.path.basename(path) not in err:
                    flags.append("unclear refusal")
                cells.append("%s:2" % t)
                if flags:
                    problems.append("%s: %s" % (t, ", ".join(flags)))
                continue
            if TEMPLATE.search(out):
                flags.append("template token")
            ph = THUNDERBIRD_PH.search(out)
            # autoconfig keeps them for Thunderbird; without --email, so do
            # mailprof's own model forms (ini, json)
            if ph and t != "autoconfig" and (extra or t not in ("ini", "json")):
                flags.append("placeholder " + ph.group(0))
            if t == "autoconfig":
                why = autoconfig_rejects(out)
                if why:
                    flags.append("Thunderbird rejects: " + why)
            if t in READABLE and rc in (0, 1):
                rrc, _, rerr = run_input([mailprof, "check", "--from", t, "-"] + extra, out, t)
                if rrc == 2:
                    flags.append("mailprof cannot read its own output: " + rerr.strip().split("\n")[0])
            cells.append("%s:%d%s" % (t, rc, "!" if flags else ""))
            if flags:
                problems.append("%s: %s" % (t, ", ".join(flags)))
        ok = not problems
        good += ok
        first_err = next((l for l in cerr.splitlines() if ": error:" in l), "")
        rows.append((rel, crc, srv, cells, problems, ok, first_err))
    print("| file | check | servers read | convert exit per target (! = output wrong) | problems |")
    print("|---|---|---|---|---|")
    for rel, crc, srv, cells, problems, ok, first_err in rows:
        s = "refused" if srv is None else ("<br>".join(srv) if srv else "none")
        if srv is None and first_err:
            s += ": " + first_err.split(": error: ", 1)[1].replace("|", "/")[:120]
        print("| %s | %d | %s | %s | %s |" % (rel, crc, s, " ".join(cells),
                                             "<br>".join(problems).replace("|", "/") or "ok"))
    print()
    print("**%d of %d files handled right** (every target either written with no placeholder or "
          "template token left, read back by mailprof and, for autoconfig, every server complete; or refused with exit 2 "
          "and a message naming the file)." % (good, len(rows)))


if __name__ == "__main__":
    main()
