"""Rows of a notice field table (tests/notice-fields*.tsv): notice<TAB>field<TAB>value,
'#' lines and blank lines skipped. Shared by notice-agreement.py and notice-vary.py."""


def rows(path):
    """(notice, field, value) of every row of the table at path, in order."""
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            parts = line.rstrip('\n').split('\t')
            if len(parts) >= 3:
                yield parts[0], parts[1], parts[2].strip()
