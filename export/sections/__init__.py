"""One writer per part of the document, in document order, parallel to the matrices."""
