"""The domain: a policy proposal, its four matrices, the catalogues and the review rules.

This package must never import Qt, SQLAlchemy or python-docx (tests/test_architecture.py).
"""
