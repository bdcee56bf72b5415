"""Resolution of names to codes: regions (ISO 3166-2), places in text (gazetteer), actors."""
