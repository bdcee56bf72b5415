"""Readers: articles (text, HTML) and observations (air-raid alert logs and event datasets)."""
