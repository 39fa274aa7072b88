#!/usr/bin/env python3
"""Split a labelled JSON Lines corpus in two halves by a hash of each article's id.

Used for the held-out check of docs/lexicon-validation.md: tune on one half, report both.
An article goes to half A when the first byte of sha256("lexicon-validation" 0x1f id) is even,
else to half B, so the split depends only on the id, never on the order of the file. The salt
matters: every id of labeled.jsonl.gz has an even first byte of the unsalted sha256(id), so
that collection was itself cut by such a hash.

usage: split_by_id.py IN.jsonl[.gz] OUT_A.jsonl.gz OUT_B.jsonl.gz
"""
import gzip
import hashlib
import json
import sys


def main(src, out_a, out_b):
    opener = gzip.open if src.endswith(".gz") else open
    counts = [0, 0]
    with opener(src, "rt", encoding="utf-8") as f, gzip.open(out_a, "wt", encoding="utf-8") as a, \
            gzip.open(out_b, "wt", encoding="utf-8") as b:
        for line in f:
            if not line.strip():
                continue
            art = json.loads(line)
            key = b"lexicon-validation\x1f" + str(art.get("id", "")).encode("utf-8")
            half = hashlib.sha256(key).digest()[0] % 2
            (a, b)[half].write(line if line.endswith("\n") else line + "\n")
            counts[half] += 1
    print(f"half A: {counts[0]} articles, half B: {counts[1]}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
