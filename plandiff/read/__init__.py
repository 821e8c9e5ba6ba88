"""Readers: bytes of a file (text in any of its encodings, .docx, .doc, .pdf, a portal's .html) →
NFC text with what the format keeps beside it (tables, stamps, every text node seen).
``source.read_path`` is the front door; the parser imports nothing else from here."""
