"""What users touch: the command line, the HTTP API and the web app. Nothing imports this package."""
