"""Word (DOCX) versions of the LAKIP and the procedure's letters, built with python-docx for
those who finish a document in Word. A DOCX is never the signed document: the PDF stays the
record (see `documents.signing`)."""
