"""Build examples/eastern-flank-zapad-2021.pdf, the two-page PDF example.

The article below was written for the newsint project (see examples/README.md);
"The Eastern Flank Review" is a fictional outlet. Run from anywhere with fpdf2
installed:

    python examples/make_pdf.py

The output is reproducible: the creation date is fixed, so rerunning the script
gives the same text, layout and metadata. Only the core Helvetica font is used,
so the text is kept to plain ASCII (straight quotes, hyphens).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

OUTLET = "The Eastern Flank Review"
DATE = "17 September 2021"
OUT = Path(__file__).resolve().parent / "eastern-flank-zapad-2021.pdf"

TITLE = "Zapad-2021 ends, leaving questions about its real size"
BYLINE = "By Karin Vossberg | Analysis"

PARAGRAPHS = [
    "The joint Russian-Belarusian strategic exercise Zapad-2021 ended on Thursday, Sept. 16, "
    "after seven days of drills at training grounds in Russia and Belarus and in the Baltic "
    "Sea.",
    "Russia's defence ministry said about 200,000 personnel took part, together with more than "
    "80 aircraft and helicopters, up to 760 pieces of military equipment, including some 290 "
    "tanks, and up to 15 ships. If that figure is accurate, Zapad-2021 was one of the largest "
    "military exercises held in Europe in decades.",
    "Minsk gave far smaller numbers for its own territory. At a briefing on Aug. 5, the chief "
    "of the Belarusian General Staff, Viktor Gulevich, said about 12,800 troops would take part "
    "in Belarus, among them about 2,500 Russian servicemen and up to 50 from Kazakhstan. He named "
    "the Obuz-Lesnovsky, Domanovsky, Ruzhansky and Brestsky ranges as the sites to be used.",
    "That figure sits just below a threshold in the Vienna Document, the OSCE agreement on "
    "military transparency, which obliges a state to invite foreign observers to any exercise "
    "involving 13,000 troops or more.",
    "Several Western analysts questioned the 200,000 figure, saying it could not be checked "
    "independently, and some suggested it counted personnel in related activities far from the "
    "main ranges. Others pointed out that Russia has in the past presented large manoeuvres as "
    "a series of smaller, separate drills, each of them below the observation threshold.",
    "President Vladimir Putin watched the main phase on Monday, Sept. 13, at the Mulino "
    "training ground in Russia's Nizhny Novgorod region, where small contingents from several "
    "other countries, including India and Kazakhstan, trained alongside Russian and Belarusian "
    "units. Russian state media reported that he was also shown unmanned ground vehicles being "
    "used in the drills.",
    "The exercise came at a tense moment on NATO's eastern flank. Poland declared a state of "
    "emergency on Sept. 2 in areas along its border with Belarus, citing a rise in attempted "
    "migrant crossings, and Lithuania and Latvia had earlier taken emergency measures of their "
    "own.",
    "Moscow and Minsk both described Zapad-2021 as defensive, built around a scenario of rising "
    "international tension and aggression against the Union State of Russia and Belarus. "
    "Belarusian officials said the Russian personnel and equipment that had taken part on "
    "Belarusian soil would return to their bases once the drills were over.",
]

FONT = "Helvetica"
BODY_SIZE = 12
LINE_H = 7.2


class ReviewPDF(FPDF):
    """A4 page with a running header (outlet + date) and a 'Page n of N' footer."""

    def header(self) -> None:
        self.set_font(FONT, "B", 9)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, OUTLET, new_x="LMARGIN", new_y="TOP", align="L")
        self.set_font(FONT, "", 9)
        self.cell(0, 5, DATE, new_x="LMARGIN", new_y="NEXT", align="R")
        y = self.get_y() + 1
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.set_y(y + 6)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-18)
        self.set_font(FONT, "", 9)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def build(out: Path = OUT) -> Path:
    pdf = ReviewPDF(format="A4", unit="mm")
    pdf.set_margins(left=25, top=18, right=25)
    pdf.set_auto_page_break(auto=True, margin=25)
    pdf.set_title(TITLE)
    pdf.set_author("Karin Vossberg")
    pdf.set_subject(f"{OUTLET}, {DATE}")
    pdf.set_creator("newsint examples/make_pdf.py")
    pdf.set_creation_date(datetime(2021, 9, 17, 9, 0, tzinfo=UTC))
    pdf.add_page()

    pdf.set_font(FONT, "B", 20)
    pdf.multi_cell(0, 9, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FONT, "I", 10)
    pdf.cell(0, 6, BYLINE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    pdf.set_font(FONT, "", BODY_SIZE)
    for i, para in enumerate(PARAGRAPHS):
        if i:
            pdf.ln(3)
        pdf.multi_cell(0, LINE_H, para, new_x="LMARGIN", new_y="NEXT")

    pdf.output(str(out))
    return out


if __name__ == "__main__":
    print(build())
