#!/usr/bin/env python3
"""How robust the notice reader is to wording and layout (docs/notice-reader.md,
"Robustness to wording and layout").

Takes the real pages (tests/data/notices-real/<set>/) whose expected fields
(tests/notice-fields-<set>.tsv) the reader gets fully right today, and rewrites
each one the way another provider could have written the same statement: label
synonyms ("Incoming mail server" -> "Incoming server", "Port" -> "Port number",
"Security" -> "Encryption", 受信メールサーバー -> 受信サーバー ...), another
separator ("Label: value" -> "Label - value", label line then value line,
"| Label | value |" table row), bullets added or removed, case changed, trailing
punctuation. A careful human reads every variant exactly as the page, so every
variant keeps the page's expected rows. The variants are written to a temporary
folder, read by `build/mailprof convert --from notice --to json`, scored the
way tests/test_notice.c scores a set, and the tool prints per transformation
how many variants lose fields.

  tools/notice-vary.py [--mailprof build/mailprof] [--sets blind12,blind11]
                       [--show TRANSFORM] [--keep DIR] [--jobs N]

Deterministic: a fixed seed, pages and sets in sorted order; reads only
repository files (and writes only to its temporary folder, or --keep DIR).
"""
import argparse
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

import notice_tsv

SEED = 13
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---- expected fields and the reader's --------------------------------------


def load_tsv(path):
    rows = {}
    for notice, field, value in notice_tsv.rows(path):
        rows.setdefault(notice, []).append((field, value))
    return rows


def field(doc, path):
    """The value of a field path ("a0.in1.port") in convert's JSON, '-' when unset
    (the same reading as tests/test_notice.c's field())."""
    accounts = (doc or {}).get('accounts') or []
    m = re.fullmatch(r'a(\d+)\.(email|display_name)', path)
    if m:
        i = int(m.group(1))
        v = accounts[i].get(m.group(2)) if i < len(accounts) else None
        return '-' if v is None else str(v)
    m = re.fullmatch(r'a(\d+)\.(in|out)(\d+)\.(\w+)', path)
    if not m:
        return '-'
    i, kind, k, name = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
    if i >= len(accounts):
        return '-'
    servers = accounts[i].get('incoming' if kind == 'in' else 'outgoing') or []
    if k >= len(servers):
        return '-'
    s = servers[k]
    v = s.get(name)
    if name == 'auth':
        return ','.join(v) if v else '-'
    return '-' if v is None else str(v)


def same(path, want, got):
    if path.endswith('.host'):
        return want.lower() == got.lower()
    return want == got


def convert_all(mailprof, src_dir, out_dir, jobs):
    """Read every file of src_dir into out_dir/<name>.json; one process per file
    (the reader's batch mode picks files by content, and a variant must never be
    skipped for looking unlike a notice)."""
    os.makedirs(out_dir, exist_ok=True)
    names = sorted(os.listdir(src_dir))
    procs = []

    def reap(block):
        while procs and (block or len(procs) >= jobs):
            p, name = procs.pop(0)
            out, _ = p.communicate()
            with open(os.path.join(out_dir, name + '.json'), 'wb') as f:
                f.write(out if p.returncode == 0 else b'')
            block = block and procs
    for name in names:
        reap(False)
        p = subprocess.Popen([mailprof, 'convert', '--from', 'notice', '--to', 'json',
                              '--include-secrets', os.path.join(src_dir, name)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        procs.append((p, name))
    while procs:
        reap(True)


def read_json(out_dir, name):
    try:
        with open(os.path.join(out_dir, name + '.json'), 'rb') as f:
            data = f.read()
        return json.loads(data) if data.strip() else None
    except (OSError, ValueError):
        return None


def score(doc, rows):
    """(right, total, lost paths)"""
    lost = [(p, w, field(doc, p)) for p, w in rows if not same(p, w, field(doc, p))]
    return len(rows) - len(lost), len(rows), lost


# ---- transformations ---------------------------------------------------------

# A "label line": optional bullet, a short label, a separator, a value.
BULLET = r'(?:[-*•・●■◆▪○◇□※]|\d{1,2}[.)])'
LABEL_LINE = re.compile(
    r'^(?P<ind>[ \t]*)(?P<bul>' + BULLET + r'[ \t]+)?(?P<label>[^\s:：|=][^:：|=\t]{0,38}?)'
    r'[ \t]*(?P<sep>[:：])[ \t]*(?P<value>\S.*?)[ \t]*$')


def is_label(label):
    """A label names a setting: a few words, no URL, not a sentence."""
    if re.search(r'https?$|\.\s|[。、,;!?]', label):
        return False
    if len(label.split()) > 6:
        return False
    return bool(re.search(r'[A-Za-z\u3040-\u30ff\u4e00-\u9fff]', label))


def label_lines(lines):
    for i, line in enumerate(lines):
        m = LABEL_LINE.match(line)
        if m and is_label(m.group('label')):
            yield i, m


# Label synonyms: (pattern of the label as a whole, replacements). A replacement is
# chosen by the seeded generator; the pattern must match the whole label, so only
# a label that says exactly this is rewritten.
EN_IN = ['Incoming mail server', 'Incoming server', 'Server (incoming)', 'Incoming Mail Server',
         'Mail server (incoming)', 'Inbound server', 'Incoming server name', 'Receiving server']
EN_OUT = ['Outgoing mail server', 'Outgoing server', 'Server (outgoing)', 'Outgoing Mail Server (SMTP)',
          'SMTP server', 'Outbound server', 'Outgoing server name', 'Sending server']
EN_IMAP = ['IMAP server', 'Incoming server (IMAP)', 'IMAP host', 'Incoming mail server (IMAP)', 'IMAP Server Name']
EN_POP = ['POP3 server', 'Incoming server (POP3)', 'POP server', 'Incoming mail server (POP3)', 'POP3 Host']
EN_SMTP = ['SMTP server', 'Outgoing server (SMTP)', 'SMTP host', 'Outgoing mail server (SMTP)', 'SMTP Server Name']
EN_PORT = ['Port', 'Port number', 'Port No.', 'Server port', 'Port #']
EN_SEC = ['Security', 'Encryption', 'Encryption method', 'Connection security', 'Security type', 'SSL/TLS']
EN_USER = ['Username', 'User name', 'User ID', 'Login name', 'Account name', 'Login']
EN_PASS = ['Password', 'Pass word', 'Your password']
JA_IN = ['受信メールサーバー', '受信サーバー', '受信メールサーバ', '受信サーバ', '受信用サーバー', '受信メールサーバー名']
JA_OUT = ['送信メールサーバー', '送信サーバー', '送信メールサーバ', '送信サーバ', '送信用サーバー', '送信メールサーバー名']
JA_POP = ['POP3サーバー', '受信メールサーバー(POP3)', '受信サーバ(POP)', 'POPサーバー名', '受信(POP3)サーバー']
JA_IMAP = ['IMAPサーバー', '受信メールサーバー(IMAP)', '受信サーバ(IMAP)', 'IMAPサーバー名', '受信(IMAP)サーバー']
JA_SMTP = ['SMTPサーバー', '送信メールサーバー(SMTP)', '送信サーバ(SMTP)', 'SMTPサーバー名', '送信(SMTP)サーバー']
JA_PORT = ['ポート', 'ポート番号', 'ポートNo.', 'ポート番号(Port)']
JA_USER = ['ユーザー名', 'ユーザ名', 'アカウント名', 'ユーザーID', 'ユーザID', 'ログインID']
JA_PASS = ['パスワード', 'パスワード(Password)', 'メールパスワード']


def alts(words):
    return '|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))


SYNONYMS = {
    'syn-incoming': (re.compile(r'(?i)' + alts(EN_IN)), EN_IN),
    'syn-outgoing': (re.compile(r'(?i)' + alts(EN_OUT[:4] + EN_OUT[5:])), EN_OUT[:4] + EN_OUT[5:]),
    'syn-imap': (re.compile(r'(?i)' + alts(EN_IMAP)), EN_IMAP),
    'syn-pop': (re.compile(r'(?i)' + alts(EN_POP)), EN_POP),
    'syn-smtp': (re.compile(r'(?i)' + alts(EN_SMTP)), EN_SMTP),
    'syn-port': (re.compile(r'(?i)port|port number|port no\.?'), EN_PORT),
    'syn-security': (re.compile(r'(?i)security|encryption|encryption method|connection security|security type'),
                     EN_SEC),
    'syn-username': (re.compile(r'(?i)user ?name|user id|login name|account name'), EN_USER),
    'syn-password': (re.compile(r'(?i)password'), EN_PASS),
    'syn-ja-incoming': (re.compile(alts(JA_IN)), JA_IN),
    'syn-ja-outgoing': (re.compile(alts(JA_OUT)), JA_OUT),
    'syn-ja-pop': (re.compile(r'(?:POP3?|ＰＯＰ３?)\s*サーバー?名?|受信(?:メール)?サーバー?\s*[(（]POP3?[)）]'), JA_POP),
    'syn-ja-imap': (re.compile(r'(?:IMAP4?|ＩＭＡＰ)\s*サーバー?名?|受信(?:メール)?サーバー?\s*[(（]IMAP4?[)）]'), JA_IMAP),
    'syn-ja-smtp': (re.compile(r'(?:SMTP|ＳＭＴＰ)\s*サーバー?名?|送信(?:メール)?サーバー?\s*[(（]SMTP[)）]'), JA_SMTP),
    'syn-ja-port': (re.compile(r'ポート番号|ポート'), JA_PORT),
    'syn-ja-username': (re.compile(r'ユーザー?名|ユーザー?ID|アカウント名'), JA_USER),
    'syn-ja-password': (re.compile(r'パスワード'), JA_PASS),
}


def t_synonym(name):
    pat, words = SYNONYMS[name]

    def run(lines, rng):
        out, changed = list(lines), False
        for i, m in label_lines(lines):
            label = m.group('label').strip()
            # the label may carry a protocol-neutral prefix word ("1. ", "IMAP ") kept as is;
            # only a label that is wholly the pattern is rewritten
            if not pat.fullmatch(label):
                continue
            choices = [w for w in words if w != label]
            new = rng.choice(choices)
            out[i] = m.string[:m.start('label')] + new + m.string[m.end('label'):]
            changed = True
        return out, changed
    return run


def rebuild(m, label=None, sep=None, value=None, bullet=None):
    ind = m.group('ind')
    bul = (m.group('bul') or '') if bullet is None else bullet
    return f"{ind}{bul}{label if label is not None else m.group('label')}{sep}{value if value is not None else m.group('value')}"


def wide(m):
    return m.group('sep') == '：' or re.search(r'[\u3040-\u30ff\u4e00-\u9fff]', m.group('label'))


def t_sep(ascii_sep, wide_sep):
    """every label line's separator replaced (full-width labels take wide_sep)"""
    def t(lines, rng):
        out, changed = list(lines), False
        for i, m in label_lines(lines):
            out[i] = rebuild(m, sep=wide_sep if wide(m) else ascii_sep)
            changed = True
        return out, changed
    return t


def t_sep_nextline(lines, rng):
    """label line, then the value on its own line"""
    out, changed, last = [], False, 0
    for i, m in label_lines(lines):
        out.extend(lines[last:i])
        out.append(m.group('ind') + (m.group('bul') or '') + m.group('label'))
        out.append(m.group('ind') + m.group('value'))
        last, changed = i + 1, True
    out.extend(lines[last:])
    return out, changed


def t_table(lines, rng):
    """runs of label lines become a pipe table"""
    out, changed, last = [], False, 0
    prev = -2
    for i, m in label_lines(lines):
        out.extend(lines[last:i])
        if i != prev + 1:
            out.append('| Setting | Value |' if not wide(m) else '| 項目 | 設定値 |')
            out.append('|---|---|')
        out.append(f"| {m.group('label').strip()} | {m.group('value')} |")
        last, prev, changed = i + 1, i, True
    out.extend(lines[last:])
    return out, changed


def t_bullets_add(lines, rng):
    out, changed = list(lines), False
    for i, m in label_lines(lines):
        if m.group('bul'):
            continue
        out[i] = rebuild(m, sep=m.group('sep') + ' ', bullet=('- ' if not wide(m) else '・'))
        changed = True
    return out, changed


def t_bullets_remove(lines, rng):
    out, changed = list(lines), False
    for i, m in label_lines(lines):
        if not m.group('bul') or re.match(r'\d', m.group('bul')):
            continue
        out[i] = rebuild(m, sep=m.group('sep') + ' ', bullet='')
        changed = True
    return out, changed


def t_case(fn):
    def run(lines, rng):
        out, changed = list(lines), False
        for i, m in label_lines(lines):
            label = m.group('label')
            new = fn(label)
            if new != label:
                out[i] = m.string[:m.start('label')] + new + m.string[m.end('label'):]
                changed = True
        return out, changed
    return run


def t_trailing(lines, rng):
    """a full stop or semicolon after a value (not after a URL or a value already ending in one)"""
    out, changed = list(lines), False
    for i, m in label_lines(lines):
        v = m.group('value')
        if re.search(r'[.;,。:)]$|://', v) or wide(m):
            continue
        out[i] = m.string[:m.end('value')] + rng.choice(['.', ';']) + m.string[m.end('value'):]
        changed = True
    return out, changed


TRANSFORMS = [(n, t_synonym(n)) for n in SYNONYMS] + [
    ('sep-dash', t_sep(' - ', '　')),
    ('sep-equals', t_sep(' = ', '＝')),
    ('sep-nextline', t_sep_nextline),
    ('table-row', t_table),
    ('bullets-add', t_bullets_add),
    ('bullets-remove', t_bullets_remove),
    ('case-upper', t_case(str.upper)),
    ('case-lower', t_case(str.lower)),
    ('case-title', t_case(lambda s: s.title() if s.isascii() else s)),
    ('trailing-punct', t_trailing),
]

# ---- main -----------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--mailprof', default=os.path.join(ROOT, 'build', 'mailprof'))
    ap.add_argument('--sets', default='', help='comma-separated set names (default: all real sets)')
    ap.add_argument('--only', default='', help='comma-separated transformations (default: all)')
    ap.add_argument('--show', default='', help='list the lost fields of this transformation')
    ap.add_argument('--keep', default='', help='write the variants to this folder and keep them')
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()

    sets = sorted(os.path.basename(p)[len('notice-fields-'):-len('.tsv')]
                  for p in glob.glob(os.path.join(ROOT, 'tests', 'notice-fields-*.tsv')))
    if args.sets:
        sets = [s for s in sets if s in args.sets.split(',')]
    only = set(args.only.split(',')) if args.only else None
    pages = []  # (set, name, text, rows)
    for s in sets:
        rows = load_tsv(os.path.join(ROOT, 'tests', f'notice-fields-{s}.tsv'))
        for name in sorted(rows):
            path = os.path.join(ROOT, 'tests', 'data', 'notices-real', s, name)
            try:
                with open(path, 'rb') as f:
                    text = f.read().decode('utf-8')
            except (OSError, UnicodeDecodeError):
                continue  # a page in another encoding is left out (the rewrites are UTF-8)
            pages.append((s, name, text, rows[name]))

    work = args.keep or tempfile.mkdtemp(prefix='notice-vary-')
    try:
        base_in, base_out = os.path.join(work, 'base'), os.path.join(work, 'base-json')
        os.makedirs(base_in, exist_ok=True)
        for s, name, text, _ in pages:
            with open(os.path.join(base_in, f'{s}__{name}'), 'w', encoding='utf-8') as f:
                f.write(text)
        convert_all(args.mailprof, base_in, base_out, args.jobs)
        good = []
        for s, name, text, rows in pages:
            r, t, _ = score(read_json(base_out, f'{s}__{name}'), rows)
            if r == t:
                good.append((s, name, text, rows))
        print(f'pages read fully right today: {len(good)} of {len(pages)} (sets: {",".join(sets)})')

        var_in, var_out = os.path.join(work, 'var'), os.path.join(work, 'var-json')
        os.makedirs(var_in, exist_ok=True)
        made = []  # (transform, file, rows)
        for tname, fn in TRANSFORMS:
            if only and tname not in only:
                continue
            for s, name, text, rows in good:
                rng = random.Random(f'{SEED}:{tname}:{s}:{name}')
                lines = text.split('\n')
                new, changed = fn(lines, rng)
                if not changed:
                    continue
                vname = f'{tname}__{s}__{name}'
                with open(os.path.join(var_in, vname), 'w', encoding='utf-8') as f:
                    f.write('\n'.join(new))
                made.append((tname, vname, rows))
        convert_all(args.mailprof, var_in, var_out, args.jobs)

        stats = {}
        tot = [0, 0, 0, 0]
        for tname, vname, rows in made:
            r, t, lost = score(read_json(var_out, vname), rows)
            st = stats.setdefault(tname, [0, 0, 0, 0, []])
            st[0] += 1
            st[1] += bool(lost)
            st[2] += t - r
            st[3] += t
            if lost:
                st[4].append((vname, lost))
        print(f'{"transformation":18} {"variants":>8} {"losing":>7} {"fields lost":>12}')
        for tname, _ in TRANSFORMS:
            if tname not in stats:
                continue
            v, lo, fl, ft, _ = stats[tname]
            tot = [tot[0] + v, tot[1] + lo, tot[2] + fl, tot[3] + ft]
            print(f'{tname:18} {v:8} {lo:7} {fl:6}/{ft:<6} ({100 * lo / v:.0f}% of variants)')
        if tot[0]:
            print(f'{"all":18} {tot[0]:8} {tot[1]:7} {tot[2]:6}/{tot[3]:<6} ({100 * tot[1] / tot[0]:.0f}% of variants)')
        for tname in (args.show.split(',') if args.show else []):
            for vname, lost in stats.get(tname, [0, 0, 0, 0, []])[4]:
                for p, w, g in lost:
                    print(f'  {vname}\t{p}\twant {w}\tgot {g}')
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
