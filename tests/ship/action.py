#!/usr/bin/env python3
"""Run a composite action.yml the way the GitHub runner does, offline, for the
tests: inputs (defaults, then NAME=VALUE arguments), `${{ }}` expressions in
env/with/run, `if:` conditions, $GITHUB_OUTPUT / $GITHUB_PATH / $GITHUB_ENV /
$GITHUB_STEP_SUMMARY, `shell: bash` as `bash --noprofile --norc -eo pipefail`.
`uses:` steps (they need GitHub) are listed, not run. Only the expression
forms action.yml uses are understood; anything else stops the run.

    action.py ACTION_DIR [NAME=VALUE...]   (the workspace is the working folder)

Prints the steps, then `outputs: {json}`; exits with the first failing
step's status (0 when all passed)."""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


class Ctx:
    def __init__(self, action_dir, inputs):
        self.action_dir = action_dir
        self.inputs = inputs
        self.steps = {}

    def value(self, e):
        e = e.strip()
        m = re.fullmatch(r"inputs\.([\w-]+)", e)
        if m:
            return self.inputs.get(m.group(1), "")
        m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", e)
        if m:
            return self.steps.get(m.group(1), {}).get(m.group(2), "")
        m = re.fullmatch(r"'((?:[^']|'')*)'", e)
        if m:
            return m.group(1).replace("''", "'")
        known = {"github.action_path": self.action_dir, "github.workspace": os.getcwd()}
        if e in known:
            return known[e]
        raise SystemExit(f"action.py: expression not understood: {e}")

    def cond(self, e):
        e = EXPR.sub(lambda m: m.group(1), str(e)).strip()
        if e in ("always()", "success()"):
            return True
        parts = [p.strip() for p in e.split("&&")]
        if len(parts) > 1:
            return all(self.cond(p) for p in parts)
        m = re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", e)
        if not m:
            raise SystemExit(f"action.py: condition not understood: {e}")
        a, b = self.value(m.group(1)), self.value(m.group(3))
        return (a == b) if m.group(2) == "==" else (a != b)

    def subst(self, s):
        return EXPR.sub(lambda m: self.value(m.group(1)), str(s))


def read_kv(path):
    """NAME=VALUE lines and NAME<<DELIM blocks, as the runner reads them."""
    out, lines = {}, open(path).read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delim = line.split("<<", 1)
            j = lines.index(delim, i + 1)
            out[name] = "\n".join(lines[i + 1:j])
            i = j + 1
            continue
        if "=" in line:
            name, val = line.split("=", 1)
            out[name] = val
        i += 1
    return out


def main():
    action_dir = os.path.abspath(sys.argv[1])
    spec = yaml.safe_load(open(os.path.join(action_dir, "action.yml")))
    assert spec["runs"]["using"] == "composite"
    inputs = {k: str(v.get("default", "")) for k, v in spec.get("inputs", {}).items()}
    for arg in sys.argv[2:]:
        k, v = arg.split("=", 1)
        if k not in inputs:
            raise SystemExit(f"action.py: no input {k}")
        inputs[k] = v
    ctx = Ctx(action_dir, inputs)
    tmp = tempfile.mkdtemp(prefix="action-")
    env = dict(os.environ, GITHUB_ACTION_PATH=action_dir, GITHUB_WORKSPACE=os.getcwd(),
               RUNNER_TEMP=tmp, GITHUB_ACTIONS="true")
    paths, status = [], 0
    summary = os.path.join(tmp, "summary")
    for n, step in enumerate(spec["runs"]["steps"]):
        name = step.get("name", f"step {n}")
        if "if" in step and not ctx.cond(step["if"]):
            print(f"--- {name}: skipped (if: {step['if']})", flush=True)
            continue
        if "uses" in step:
            with_ = {k: ctx.subst(v) for k, v in step.get("with", {}).items()}
            print(f"--- {name}: uses {step['uses']} {json.dumps(with_)} (needs GitHub: not run)", flush=True)
            continue
        assert step.get("shell") == "bash", f"{name}: shell bash expected"
        print(f"--- {name}", flush=True)
        out_f, path_f, env_f = (os.path.join(tmp, f"{x}{n}") for x in ("output", "path", "env"))
        for f in (out_f, path_f, env_f):
            open(f, "w").close()
        senv = dict(env, GITHUB_OUTPUT=out_f, GITHUB_PATH=path_f, GITHUB_ENV=env_f, GITHUB_STEP_SUMMARY=summary)
        senv.update({k: ctx.subst(v) for k, v in step.get("env", {}).items()})
        senv["PATH"] = os.pathsep.join(paths + [env["PATH"]])
        script = os.path.join(tmp, f"step{n}.sh")
        with open(script, "w") as f:
            f.write(ctx.subst(step["run"]))
        rc = subprocess.call(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], env=senv)
        if "id" in step:
            ctx.steps[step["id"]] = read_kv(out_f)
        paths = [p for p in open(path_f).read().splitlines() if p][::-1] + paths
        env.update(read_kv(env_f))
        if rc != 0:
            print(f"--- {name}: exit {rc}", flush=True)
            status = rc
            break
    outputs = {k: ctx.subst(v.get("value", "")) for k, v in spec.get("outputs", {}).items()}
    print("outputs: " + json.dumps(outputs, sort_keys=True))
    if os.path.exists(summary):
        print("summary: " + open(summary).read().strip())
    sys.exit(status)


if __name__ == "__main__":
    main()
