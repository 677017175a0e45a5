def extract_russian_quantities(doc):
    return []
