"""A PDF export pasted as text: the headline (wrapped), the lead photo's caption and the body
follow each other with no blank line; paragraphs end with trailing spaces. The texts are
written here for the test."""

from __future__ import annotations

import pytest

from newsint.clean import clean
from newsint.readers.raw import RawDocument

BODY = [
    "Officials in the border region said on Tuesday that the crossing would stay closed for at\n"
    "least another week while engineers inspect the bridge, which was damaged by shelling on\n"
    "Sunday night.  ",
    "Trucks carrying grain have been diverted to a smaller crossing further south, where drivers\n"
    "said they had waited for up to three days.  ",
    "The regional governor said repairs would begin as soon as the inspection was complete and\n"
    "that the army had been asked to guard the site.  ",
]


def _export(head: str) -> str:
    return head + "\n" + "\n".join(BODY) + "\n"


@pytest.mark.parametrize(
    "caption",
    [
        "A damaged bridge over the river near the border crossing on Monday. Photo: AP",
        "A damaged bridge over the river near the border crossing on Monday. Photograph: Getty Images",
        "A damaged bridge over the river near the border crossing on Monday. (Reuters)",
    ],
)
def test_a_caption_between_headline_and_body_is_a_caption(caption):
    text = _export(f"Border crossing stays shut\nafter bridge shelling\n {caption}")
    document = clean(RawDocument(source="export.txt", reader="text", text=text))
    assert document.title == "Border crossing stays shut after bridge shelling"
    assert document.captions == [caption]
    assert document.body.startswith("Officials in the border region said on Tuesday")
    assert caption not in document.body


def test_trailing_spaces_end_a_paragraph_whose_last_line_is_not_short():
    text = _export("Border crossing stays shut after bridge shelling\n")
    # The second paragraph's last line is as long as the others: only its trailing spaces say
    # that the paragraph ends there.
    text = text.replace("said they had waited for up to three days.  ",
                        "said they had waited for up to three days at the checkpoint in the cold rain.  ")  # fmt: skip
    document = clean(RawDocument(source="export.txt", reader="text", text=text))
    body = document.paragraphs_of("body")
    assert len(body) == 3
    assert body[2].startswith("The regional governor said")
