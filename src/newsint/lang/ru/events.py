def extract_russian_events(doc, entities, claims, times):
    return []
