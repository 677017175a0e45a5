"""Cross-document analysis over stored articles: entities across sources, corroboration and
contradiction of figures, deduplicated events, timeline and actor network."""
