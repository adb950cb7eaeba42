#!/usr/bin/env python3
"""gen-corpus.py — a synthetic content directory N times the size of a real one.

    gen-corpus.py SRC_CONTENT_DIR OUT_DIR N

Every content file of SRC (all *.xml but sources.xml) is written N times
into OUT; copy k > 0 has every entity id TYPE:slug renamed TYPE:slug-ck, in
definitions and references alike, so the copies load as one consistent
content set that a search sees N times over.  The schema, sources.xml and
periods.xml (period ids are fixed) are written once and the source texts are linked, so provenance and the
title rule still hold.  The output is benchmark data made at bench time:
never commit it.
"""
import os
import re
import shutil
import sys

# Period ids are fixed by the schema (period:1..3): periods.xml is written
# once and every copy refers to the same three periods.
ONCE = ("periods.xml",)
TYPES = ("section", "project", "disease", "measure", "milestone",
         "kpi", "program", "ministry", "term")
ID = re.compile(r"(?<![\w:/.-])(%s):([a-z0-9]+(?:-[a-z0-9]+)*)" % "|".join(TYPES))


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: gen-corpus.py SRC_CONTENT_DIR OUT_DIR N\n")
        return 2
    src, out, n = argv[1], argv[2], int(argv[3])
    os.makedirs(out, exist_ok=True)
    for name in ("hms.rng", "sources.xml"):
        shutil.copyfile(os.path.join(src, name), os.path.join(out, name))
    link = os.path.join(out, "sources")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(os.path.abspath(os.path.join(src, "sources")), link)
    total = 0
    for name in sorted(os.listdir(src)):
        if not name.endswith(".xml") or name == "sources.xml":
            continue
        with open(os.path.join(src, name), encoding="utf-8") as f:
            text = f.read()
        base = name[:-4]
        for k in range(1 if name in ONCE else n):
            data = text if k == 0 else ID.sub(
                lambda m, k=k: "%s:%s-c%d" % (m.group(1), m.group(2), k), text)
            path = os.path.join(out, "%s-c%03d.xml" % (base, k))
            with open(path, "w", encoding="utf-8") as f:
                f.write(data)
            total += len(data.encode("utf-8"))
    print("gen-corpus: %d copies, %.1f MB of XML in %s" % (n, total / 1e6, out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
