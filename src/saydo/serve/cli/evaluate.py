"""`saydo eval`: score extraction against a gold corpus (filled in by the extraction work)."""
