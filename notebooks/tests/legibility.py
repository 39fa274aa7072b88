"""Checks the figures a notebook left open for text that overlaps other text
or runs outside its figure. test_notebook.py runs it inside the kernel after
the notebook's last cell, with the inline backend told to keep figures."""
import json

import matplotlib.pyplot as plt


def _texts(fig):
    """Every visible, non-empty text of a figure: titles, axis labels, tick
    labels inside the view, annotations, legend entries."""
    out = []

    def add(t, what):
        if t is not None and t.get_visible() and t.get_text().strip():
            out.append((what, t))

    add(fig._suptitle, "suptitle")
    for leg in fig.legends:
        for t in leg.get_texts():
            add(t, "figure legend")
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for t in (ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label):
            add(t, "axes label")
        for axis, lim in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            lo, hi = min(lim), max(lim)
            for tick in axis.get_major_ticks():
                if lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    add(tick.label1, "tick label")
            add(axis.get_offset_text(), "offset")
        for t in ax.texts:
            add(t, "annotation")
        if ax.get_legend():
            for t in ax.get_legend().get_texts():
                add(t, "legend")
    return out


def check():
    """Returns a list of problems, one string each."""
    problems = []
    for num in plt.get_fignums():
        fig = plt.figure(num)
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        fb = fig.bbox
        boxes = [(what, t.get_text(), t.get_window_extent(r)) for what, t in _texts(fig)]
        for what, s, b in boxes:
            if b.x0 < fb.x0 - 1 or b.y0 < fb.y0 - 1 or b.x1 > fb.x1 + 1 or b.y1 > fb.y1 + 1:
                problems.append(f"figure {num}: {what} {s!r} runs outside the figure")
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                (w1, s1, b1), (w2, s2, b2) = boxes[i], boxes[j]
                ov_x = min(b1.x1, b2.x1) - max(b1.x0, b2.x0)
                ov_y = min(b1.y1, b2.y1) - max(b1.y0, b2.y0)
                if ov_x > 1 and ov_y > 1:
                    problems.append(f"figure {num}: {w1} {s1!r} overlaps {w2} {s2!r}")
    return problems


print("LEGIBILITY " + json.dumps({"figures": len(plt.get_fignums()), "problems": check()}))
