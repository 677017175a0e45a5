"""Languages other than English: which language a document is in, and the pipelines for those
newsint can read.

    detect   the language of a text (py3langid, whose model ships in its wheel), guarded by
             the script the text is written in
    ru       the Russian pipeline (Natasha for tokens, morphology, syntax and NER; Russian
             reporting frames, number words and date phrases): the same Analysis contract
    names    Ukrainian and Belarusian: knowledge-base names found through their lemmas only

``pipeline`` detects a document's language once and routes it: English through ``STAGES``,
Russian through ``lang.ru.stages.RU_STAGES``, Ukrainian and Belarusian through the name stage,
any other language stored with a note and no extraction.
"""
