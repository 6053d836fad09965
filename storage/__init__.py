"""The .pmx document file and the JSON interchange.

storage.document.Document: SQLAlchemy 2.x over SQLite, with open checks, locking, incremental saving, Save As,
migrations, snapshots and review comments. storage.interchange: the JSON format. Imports matrices/ only, plus
SQLAlchemy and pydantic: never Qt.
"""
