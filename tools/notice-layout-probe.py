#!/usr/bin/env python3
"""Layout probe for the notice reader (a development tool, not a test):
builds English notices from common headings, labels, separators, value
words and row orders, reads each back with mailprof, and prints which
wordings fail most; the first 40 failing notices are kept in $PROBE_OUT
(default: a new temporary folder) with what was read wrong.
usage: tools/notice-layout-probe.py [SEED] [N]   (MP=path/to/mailprof)"""
import collections, json, os, random, shutil, subprocess, sys, tempfile
R = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
N = int(sys.argv[2]) if len(sys.argv) > 2 else 400
MP = os.environ.get('MP', 'build/mailprof')
doms = ['harwick-net.com', 'bluefen.co.uk', 'tarnmail.net', 'orchardisp.com.au', 'kestrel-hosting.ca', 'upland.edu']
IN_HEAD = {'imap': ['Incoming Mail Server (IMAP)', 'IMAP settings', 'IMAP', '### IMAP', '**IMAP**', 'Incoming mail (IMAP):', 'IMAP Server Settings', 'Receiving mail (IMAP)'],
           'pop3': ['Incoming Mail Server (POP3)', 'POP3 settings', 'POP3', '### POP', '**POP3**', 'Incoming mail (POP3):', 'POP Server Settings', 'Receiving mail (POP3)']}
OUT_HEAD = ['Outgoing Mail Server (SMTP)', 'SMTP settings', 'SMTP', '### SMTP', '**SMTP**', 'Outgoing mail (SMTP):', 'SMTP Server Settings', 'Sending mail (SMTP)']
HOST_L = ['Server', 'Hostname', 'Host name', 'Server name', 'Server address', 'Host', 'Mail server']
PORT_L = ['Port', 'Port number', 'Server port']
SEC_L = ['Security', 'Encryption', 'SSL/TLS', 'Connection security', 'Encryption method', 'Security type']
SEC_V = {('tls', 993): ['SSL/TLS', 'SSL', 'TLS', 'Yes', 'Required'], ('tls', 995): ['SSL/TLS', 'SSL', 'TLS', 'Yes'], ('tls', 465): ['SSL/TLS', 'SSL', 'TLS', 'SSL (implicit)'],
         ('starttls', 587): ['STARTTLS', 'TLS', 'Yes'], ('starttls', 143): ['STARTTLS', 'TLS'], ('none', 110): ['None', 'No']}
AUTH_L = ['Authentication: Normal password', 'Requires authentication: Yes', 'SMTP authentication: Required', 'Outgoing server requires authentication: Yes', 'Authentication: Required', 'Auth: Yes', 'Authentication method: Normal password']
USER_L = ['Username', 'User name', 'Login', 'User ID', 'Account name']
USER_V = ['your full email address', 'Your full e-mail address', 'your email address']
SEP = [': ', ' - ', ' = ', '\t', ':  ', ' : ']
STYLE = ['lines', 'bullets', 'dash', 'table', 'nextline', 'prose']
PROSE_IN = ['The incoming mail server is {host} ({proto}, port {port}, {sec}).',
            'Set the incoming server to {host}, port {port}, with {sec} security.',
            'Your {proto} server is {host}; use port {port} with {sec}.',
            'Incoming mail: {host} on port {port} ({sec})',
            'For incoming mail use {proto} server {host}, port {port}, encryption {sec}.',
            'Connect to {host} using {proto} on port {port} with {sec}.']
PROSE_OUT = ['The outgoing mail server is {host} (SMTP, port {port}, {sec}) and requires authentication.',
             'Set the outgoing server to {host}, port {port}, with {sec}; it requires authentication.',
             'Your SMTP server is {host}; use port {port} with {sec} and turn on SMTP authentication.',
             'Outgoing mail: {host} on port {port} ({sec}), authentication required',
             'For outgoing mail use SMTP server {host}, port {port}, encryption {sec}, with authentication.',
             'Send through {host} on port {port} with {sec}; SMTP authentication is required.']
PROSE_SEC = {'tls': ['SSL/TLS', 'SSL'], 'starttls': ['STARTTLS'], 'none': ['no encryption']}
def block(head, rows, style, sep):
    out = [head]
    if style == 'table':
        out.append('| Setting | Value |'); out.append('|---|---|')
        out += ['| %s | %s |' % (l, v) for l, v in rows]
    elif style == 'nextline':
        for l, v in rows: out += [l + ':', v]
    else:
        pre = {'lines': '', 'bullets': '* ', 'dash': '- '}[style]
        out += [pre + l + sep + v for l, v in rows]
    return out
stats = collections.defaultdict(lambda: [0, 0])
fails = []
for it in range(N):
    d = R.choice(doms); proto = R.choice(['imap', 'pop3'])
    isec, iport = (('tls', 993) if proto == 'imap' else ('tls', 995)) if R.random() < .8 else (('starttls', 143) if proto == 'imap' else ('none', 110))
    osec, oport = R.choice([('tls', 465), ('starttls', 587)])
    ihost = ('imap.' if proto == 'imap' else 'pop.') + d; ohost = 'smtp.' + d
    style = R.choice(STYLE); sep = R.choice(SEP)
    hl, pl, sl = R.choice(HOST_L), R.choice(PORT_L), R.choice(SEC_L)
    isv, osv = R.choice(SEC_V[(isec, iport)]), R.choice(SEC_V[(osec, oport)])
    ih, oh = R.choice(IN_HEAD[proto]), R.choice(OUT_HEAD)
    al = R.choice(AUTH_L); ul = R.choice(USER_L); uv = R.choice(USER_V)
    order = R.random() < .5
    irows = [(hl, ihost), (pl, str(iport)), (sl, isv), (ul, uv)]
    orows = [(hl, ohost), (pl, str(oport)), (sl, osv)] + [tuple(al.split(': '))] + [(ul, uv)]
    if order: R.shuffle(irows); R.shuffle(orows)
    if style == 'prose':
        pi, po = R.choice(PROSE_IN), R.choice(PROSE_OUT)
        isv, osv = R.choice(PROSE_SEC[isec]), R.choice(PROSE_SEC[osec])
        ih = pi; oh = po; al = 'prose'
        text = ['Email settings for %s' % d, '',
                pi.format(host=ihost, proto={'imap': 'IMAP', 'pop3': 'POP3'}[proto], port=iport, sec=isv),
                po.format(host=ohost, port=oport, sec=osv), '']
    else:
        text = ['Email settings for %s' % d, ''] + block(ih, irows, style, sep) + [''] + block(oh, orows, style, sep) + ['']
    t = '\n'.join(text)
    p = subprocess.run([MP, 'convert', '--from', 'notice', '--to', 'json', '-'], input=t.encode(), capture_output=True)
    try:
        j = json.loads(p.stdout); a = j['accounts'][0]
        gi = a['incoming'][0] if a['incoming'] else {}; go = a['outgoing'][0] if a['outgoing'] else {}
    except Exception:
        gi, go = {}, {}
    want = {'in.proto': proto, 'in.host': ihost, 'in.port': iport, 'in.sec': isec, 'out.host': ohost, 'out.port': oport, 'out.sec': osec, 'out.auth': ['password-cleartext']}
    got = {'in.proto': gi.get('protocol'), 'in.host': gi.get('host'), 'in.port': gi.get('port'), 'in.sec': gi.get('security'), 'out.host': go.get('host'), 'out.port': go.get('port'), 'out.sec': go.get('security'), 'out.auth': go.get('auth')}
    bad = [k for k in want if want[k] != got[k]]
    dims = {'style': style, 'sep': repr(sep), 'hostl': hl, 'portl': pl, 'secl': sl, 'isecv': isv, 'osecv': osv, 'ihead': ih, 'ohead': oh, 'auth': al, 'userl': ul, 'shuffled': order}
    for k, v in dims.items():
        stats[(k, v)][0] += 1; stats[(k, v)][1] += bool(bad)
    if bad: fails.append((bad, t, {k: got[k] for k in bad}))
out = os.environ.get('PROBE_OUT') or tempfile.mkdtemp(prefix='notice-probe-')
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)
for i, (bad, t, g) in enumerate(fails[:40]):
    open(os.path.join(out, '%02d.txt' % i), 'w').write(t + '\n# bad: %s got %s\n' % (bad, g))
print('failed %d/%d (failing notices in %s)' % (len(fails), N, out))
for (k, v), (n, f) in sorted(stats.items(), key=lambda kv: -kv[1][1] / kv[1][0]):
    if f: print('%-9s %-45s %3d/%3d' % (k, str(v)[:45], f, n))
