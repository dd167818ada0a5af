"""Reads a Steady summary PDF's tags with pikepdf, as a screen reader's PDF library would.

Usage: tagged.py FILE LANG            check one summary (exit 1 with the reason when it fails)
       tagged.py --strip FILE OUT     write an untagged copy (no /StructTreeRoot, no /MarkInfo)
       tagged.py --no-alt FILE OUT    write a copy whose figures lost their /Alt

A summary passes when: the catalog has /MarkInfo /Marked true, /Lang = LANG, /ViewerPreferences
/DisplayDocTitle true and XMP metadata with pdfuaid:part 1; a /StructTreeRoot with a /ParentTree
leads to one Document element; every page has /StructParents; there is one H1, at least one H2 and
P; every Figure has a non-empty /Alt that contains a digit (it states the chart's numbers); every
Table has TR rows whose first row is all TH with /Scope /Column, and TD cells below; every marked
content reference points to a page of the document.
"""
import sys

import pikepdf


def elements(node, out):
    kids = node.get("/K")
    if kids is None:
        return
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    for kid in items:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            out.append(kid)
            elements(kid, out)


def role(e):
    return str(e.get("/S"))


def children(e):
    kids = e.get("/K")
    if kids is None:
        return []
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    return [k for k in items if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/StructElem"]


def scope(th):
    attrs = th.get("/A")
    if attrs is None:
        return None
    items = list(attrs) if isinstance(attrs, pikepdf.Array) else [attrs]
    for a in items:
        if a.get("/O") == "/Table" and a.get("/Scope") is not None:
            return str(a.get("/Scope"))
    return None


def check(path, lang):
    pdf = pikepdf.open(path)
    root = pdf.Root
    mark = root.get("/MarkInfo")
    if mark is None or not bool(mark.get("/Marked", False)):
        return "no /MarkInfo /Marked true"
    if str(root.get("/Lang", "")) != lang:
        return f"/Lang is {root.get('/Lang')!r}, not {lang!r}"
    prefs = root.get("/ViewerPreferences")
    if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
        return "no /DisplayDocTitle true"
    meta = root.get("/Metadata")
    if meta is None or b"<pdfuaid:part>1</pdfuaid:part>" not in meta.read_bytes():
        return "no XMP metadata with pdfuaid:part 1"
    tree = root.get("/StructTreeRoot")
    if tree is None:
        return "no /StructTreeRoot (untagged)"
    if tree.get("/ParentTree") is None:
        return "no /ParentTree"
    top = children(tree)
    if len(top) != 1 or role(top[0]) != "/Document":
        return "the structure tree does not start with one Document element"
    for i, page in enumerate(pdf.pages):
        if page.obj.get("/StructParents") is None:
            return f"page {i + 1} has no /StructParents"
    all_elements = []
    elements(tree, all_elements)
    roles = [role(e) for e in all_elements]
    for needed in ("/H1", "/H2", "/P", "/Figure", "/Table"):
        if needed not in roles:
            return f"no {needed} element"
    if roles.count("/H1") != 1:
        return f"{roles.count('/H1')} H1 elements, expected one title"
    for e in all_elements:
        if role(e) == "/Figure":
            alt = str(e.get("/Alt", ""))
            if not alt.strip():
                return "a Figure has no /Alt"
            if not any(c.isdigit() for c in alt):
                return f"a Figure's /Alt states no number: {alt!r}"
        if role(e) == "/Table":
            rows = [r for r in children(e) if role(r) == "/TR"]
            if not rows:
                return "a Table has no TR rows"
            header = children(rows[0])
            if not header or any(role(c) != "/TH" or scope(c) != "/Column" for c in header):
                return "a Table's first row is not all TH with /Scope /Column"
            if not any(role(c) == "/TD" for r in rows[1:] for c in children(r)):
                return "a Table has no TD cells"
    page_ids = {p.obj.objgen for p in pdf.pages}
    for e in all_elements:
        kids = e.get("/K")
        items = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        for k in items:
            if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR":
                if k.get("/Pg") is None or k.Pg.objgen not in page_ids:
                    return "a marked-content reference points to no page"
    return None


def strip(src, dst):
    pdf = pikepdf.open(src)
    for key in ("/StructTreeRoot", "/MarkInfo"):
        if key in pdf.Root:
            del pdf.Root[key]
    pdf.save(dst)


def no_alt(src, dst):
    pdf = pikepdf.open(src)
    found = []
    elements(pdf.Root.StructTreeRoot, found)
    for e in found:
        if role(e) == "/Figure" and "/Alt" in e:
            del e["/Alt"]
    pdf.save(dst)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--strip":
        strip(sys.argv[2], sys.argv[3])
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "--no-alt":
        no_alt(sys.argv[2], sys.argv[3])
        return 0
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    problem = check(sys.argv[1], sys.argv[2])
    if problem:
        print(f"{sys.argv[1]}: {problem}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
