"""Entities: spaCy's entities (KB names marked first by the ruler) grouped, linked and typed.

For each entity mention the stage decides
- the newsint type (PERSON, ORG, PLACE, EQUIPMENT, OPERATION) — KB knowledge over NER's guess;
- the KB entry it stands for (``kb_id``), else it stays unlinked but is still reported
  (``attributes.linked = False``): recall is not sacrificed to the knowledge base;
- which other mentions are the same entity: the same KB entry; a surname after a full name; a
  title ("the Belarusian leader") resolved through the roles true at the reference date; a
  pronoun subject resolved to the last person named (coref.py);
- the actor code: a person's by their role at the reference date, an organisation's from the KB,
  a capital or seat of power used as an agent (actors.py);
- which of a place name's namesakes the article means, from the other places it names
  (geocontext.py); a name written with "province", "oblast" or "state" after it is the division
  ("Idlib province"), and a name NER typed a person or organisation in one sentence is the town
  the article names elsewhere ("the Douma attack");
- how much text a mention covers: a place as written ("the Red Sea", "northern Iraq", "Idlib
  province"), a generic weapon noun with the words that say whose or which ("ISIL vehicles"),
  a designation before a system's popular name ("KC-135R Stratotanker").

Material outside ``document.text`` (teasers, links) never reaches this stage.

One file per concern: ``equipment`` (which weapon words are mentions, and their extent),
``places`` (place spans, divisions, their extent), ``groups`` (mentions grouped into entities,
the merges, the numbered entities), ``geocontext`` (namesakes settled by the article),
``coref`` (titles and pronouns), ``actors`` (metonymy, nationality + group noun, figures of
speech); ``extractor`` puts the stage together; ``outside_text`` adds the entities named outside
the analysed text (the original publisher, the dateline's place).
"""

from newsint.extract.entities.extractor import extract_entities
from newsint.extract.entities.outside_text import with_dateline_place, with_publisher

__all__ = ["extract_entities", "with_dateline_place", "with_publisher"]
