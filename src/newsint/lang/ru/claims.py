def extract_russian_claims(doc, entities, quantities):
    return []
