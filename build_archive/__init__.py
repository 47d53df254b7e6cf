"""Lưu trữ Việt–Lào: raw news articles in, an annotated MkDocs site out.

The stages live one per module (ingest, clean, ids, render, export); the
pipeline module runs them in order, and the MkDocs hook runs the pipeline.
"""
