"""What each document shows, as plain data (dicts, lists, strings, numbers, dates).

One selector per document. The PDF templates, the HTML pages and the Excel export read the
same data, and the draft cache hashes it: a document is rendered again only when this data
changes.

By concept: `shared` (office, people, numbers, the missing-document error), `rows` (the
nine-column rows and table), `letters` (nota dinas, berita acara, surat pengantar), `sop`,
`lakip` (with the budget)."""
