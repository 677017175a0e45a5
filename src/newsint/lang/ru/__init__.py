"""The Russian pipeline: Natasha's parse (``parse``), then entities linked to the knowledge base
through Cyrillic aliases (``entities``, ``aliases``), dates (``times``), figures
(``quantities``), claims from Russian reporting frames (``claims``) and a high-precision subset
of PLOVER events (``events``), registered in order in ``stages``. Every item carries its span in
``Document.text``: Natasha's offsets are character offsets into the text it was given, which is
``Document.text`` itself.
"""
