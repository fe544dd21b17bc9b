"""Exporters: JSON/JSONL, Markdown and HTML briefs (GeoJSON and CSV come with places/events)."""
