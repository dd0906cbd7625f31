#!/usr/bin/env python3
"""How far two careful humans agree on a page's fields: the ceiling of the
notice reader's figure (docs/notice-reader.md). Scores one expected-fields
table against another the way tests/test_notice.c scores the reader: every
row of the first counts, a key the second lacks reads '-', hosts compare
without case.

  tools/notice-agreement.py tests/notice-fields-blind8.tsv \\
      tests/data/notices-real/agreement/blind8-second.tsv
"""
import sys

import notice_tsv


def load(path):
    return {(notice, field): value for notice, field, value in notice_tsv.rows(path)}


def norm(field, value):
    return value.lower() if field.endswith('.host') else value


def score(expected, other, pages):
    total = right = set_total = set_right = 0
    for (page, field), want in expected.items():
        if page not in pages:
            continue
        ok = norm(field, want) == norm(field, other.get((page, field), '-'))
        total += 1
        right += ok
        if want != '-':
            set_total += 1
            set_right += ok
    return total, right, set_total, set_right


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: notice-agreement.py FIRST.tsv SECOND.tsv')
    first, second = load(sys.argv[1]), load(sys.argv[2])
    pages = {p for p, _ in second} & {p for p, _ in first}
    for name, a, b in (('second read against the first', first, second),
                       ('first read against the second', second, first)):
        t, r, st, sr = score(a, b, pages)
        print(f'{name}: {r}/{t} = {100 * r / t:.1f}% of fields '
              f'(set fields {sr}/{st} = {100 * sr / st:.1f}%) over {len(pages)} pages')


if __name__ == '__main__':
    main()
