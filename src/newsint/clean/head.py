"""The head of a PDF export pasted as text: headline, photo caption, then the body, with no
blank line between them.

A browser's "Save as PDF" of an article page puts the headline (often wrapped over two lines),
the lead photo's caption and the first body line one under the other; pasted as text, nothing
separates them, and the reflow would make one paragraph of all three. A line among the first
few that reads as a photo caption (it ends with a photo credit, or carries a caption label)
is that separator: blank lines around it give the headline, the caption and the body their
own blocks, which the cleaner then classifies as usual.
"""

from __future__ import annotations

from newsint.clean.structure import MAX_CAPTION_CHARS, is_caption_line
from newsint.readers.raw import PAGE_BREAK

# The caption is looked for among this many first lines of the text's first block.
HEAD_LINES = 5


def separate_head_caption(text: str) -> str:
    """``text`` with blank lines around a caption line inside its first block."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return text
    for offset in range(1, HEAD_LINES):
        index = start + offset
        if index >= len(lines) or not lines[index].strip() or PAGE_BREAK in lines[index]:
            return text  # the first block ended: its lines are already apart
        line = lines[index].strip()
        if len(line) <= MAX_CAPTION_CHARS and is_caption_line(line):
            return "\n".join([*lines[:index], "", lines[index], "", *lines[index + 1 :]])
    return text
