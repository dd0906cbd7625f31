#!/usr/bin/env python3
"""Layout probe for the notice reader (a development tool, not a test):
builds English notices from common headings, labels, separators, value
words and row orders, reads each back with mailprof, and prints which
wordings fail most; the first 40 failing notices are kept in $PROBE_OUT
(default: a new temporary folder) with what was read wrong.
usage: tools/notice-layout-probe.py [SEED] [N]   (MP=path/to/mailprof,
       PROBE_LANG=ja for Japanese wordings)"""
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
STYLE = ['lines', 'bullets', 'dash', 'table', 'nextline', 'prose', 'steps']
JA = os.environ.get('PROBE_LANG') == 'ja'
if JA:
    IN_HEAD = {'imap': ['■受信メールサーバー（IMAP）', '【受信設定（IMAP）】', '◆IMAPサーバー', '受信（IMAP）', '●受信メールサーバ（IMAP4）'],
               'pop3': ['■受信メールサーバー（POP3）', '【受信設定（POP）】', '◆POPサーバー', '受信（POP3）', '●受信メールサーバ（POP3）']}
    OUT_HEAD = ['■送信メールサーバー（SMTP）', '【送信設定】', '◆SMTPサーバー', '送信（SMTP）', '●送信メールサーバ（SMTP）']
    HOST_L = ['サーバー名', 'サーバ名', 'ホスト名', 'サーバー']
    PORT_L = ['ポート番号', 'ポート']
    SEC_L = ['SSL', '暗号化', '暗号化方式', 'SSL/TLS', '接続の保護', '暗号化された接続 (SSL/TLS)', 'SSLを使用']
    SEC_V = {('tls', 993): ['SSL/TLS', 'SSL', '使用する', 'する'], ('tls', 995): ['SSL/TLS', 'SSL', '使用する'], ('tls', 465): ['SSL/TLS', 'SSL', '使用する'],
             ('starttls', 587): ['STARTTLS', 'TLS'], ('starttls', 143): ['STARTTLS'], ('none', 110): ['なし', '使用しない', 'しない']}
    AUTH_L = ['SMTP認証: 必要', 'SMTP認証: あり', '送信サーバーの認証: 必要', 'SMTP認証: する', '送信時の認証: 受信と同じ設定を使用']
    USER_L = ['ユーザー名', 'アカウント名', 'ユーザーID', 'ログインID']
    USER_V = ['メールアドレス', 'メールアドレス（全部）', 'お客様のメールアドレス']
    SEP = ['：', '　', '：　', ': ', '\t', '…']
    STYLE = ['lines', 'bullets', 'table', 'nextline']
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
STEPS_IN = [['Enter {host} in the Incoming server field.', 'Set the port to {port}.', 'Under Security, select {sec}.'],
            ['In Incoming Server, type {host}.', 'Port: {port}', 'Connection security: {sec}'],
            ['Choose {proto} as the account type.', 'Incoming mail server: {host}', 'Change the port to {port} and select {sec}.'],
            ['For the incoming server enter {host}, port {port}.', 'Choose {sec} for the connection security.']]
STEPS_OUT = [['Enter {host} in the Outgoing server field.', 'Set the port to {port}.', 'Under Security, select {sec}.', 'Check "My outgoing server (SMTP) requires authentication".'],
             ['In Outgoing Server, type {host}.', 'Port: {port}', 'Connection security: {sec}', 'Authentication: Normal password'],
             ['Outgoing mail server (SMTP): {host}', 'Change the port to {port} and select {sec}.', 'Tick "Use the same settings as my incoming mail server" for authentication.'],
             ['For the outgoing server enter {host}, port {port}.', 'Choose {sec} for the connection security.', 'Turn on SMTP authentication.']]
def block(head, rows, style, sep):
    out = [head]
    if style == 'table':
        out.append('| Setting | Value |'); out.append('|---|---|')
        out += ['| %s | %s |' % (l, v) for l, v in rows]
    elif style == 'nextline':
        for l, v in rows: out += [l + ':', v]
    else:
        pre = {'lines': '', 'bullets': '・' if JA else '* ', 'dash': '- '}[style]
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
    if style == 'steps':
        si, so = R.randrange(len(STEPS_IN)), R.randrange(len(STEPS_OUT))
        isv, osv = R.choice(PROSE_SEC[isec]), R.choice(PROSE_SEC[osec])
        if isec == 'none': isv = 'None'
        ih = 'steps-in-%d' % si; oh = 'steps-out-%d' % so; al = 'steps'
        pn = {'imap': 'IMAP', 'pop3': 'POP3'}[proto]
        lines = ['Email settings for %s' % d, '', 'Incoming mail (%s)' % pn]
        k = 1
        for t in STEPS_IN[si]:
            lines.append('%d. ' % k + t.format(host=ihost, port=iport, sec=isv, proto=pn)); k += 1
        lines += ['', 'Outgoing mail']
        for t in STEPS_OUT[so]:
            lines.append('%d. ' % k + t.format(host=ohost, port=oport, sec=osv)); k += 1
        text = lines + ['']
    elif style == 'prose':
        pi, po = R.choice(PROSE_IN), R.choice(PROSE_OUT)
        isv, osv = R.choice(PROSE_SEC[isec]), R.choice(PROSE_SEC[osec])
        ih = pi; oh = po; al = 'prose'
        text = ['Email settings for %s' % d, '',
                pi.format(host=ihost, proto={'imap': 'IMAP', 'pop3': 'POP3'}[proto], port=iport, sec=isv),
                po.format(host=ohost, port=oport, sec=osv), '']
    else:
        text = [('メール設定のご案内（%s）' if JA else 'Email settings for %s') % d, ''] + block(ih, irows, style, sep) + [''] + block(oh, orows, style, sep) + ['']
    t = '\n'.join(text)
    p = subprocess.run([MP, 'convert', '--from', 'notice', '--to', 'json', '-'], input=t.encode(), capture_output=True)
    try:
        j = json.loads(p.stdout); a = j['accounts'][0]
        gi = a['incoming'][0] if a['incoming'] else {}; go = a['outgoing'][0] if a['outgoing'] else {}
    except Exception:
        gi, go = {}, {}
    # the collectors' convention: "SSL" is TLS from the first byte whatever
    # the port, so a label naming SSL with a yes is tls
    if style != 'prose' and 'SSL' in sl and osv in ('Yes', 'Required', '使用する', 'する'):
        osec = 'tls'
    if style != 'prose' and 'SSL' in sl and isv in ('Yes', 'Required', '使用する', 'する'):
        isec = 'tls'
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
