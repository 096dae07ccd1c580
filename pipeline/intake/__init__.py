"""Intake: packages found in raw/, fingerprinted, their PDFs checked (preflight) and their pages listed."""
