def extract_russian_times(doc, reference):
    return []
