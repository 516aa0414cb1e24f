"""Server-rendered SVG charts, shared by the dashboards and the LAKIP PDF.

No JavaScript: the browser shows the SVG as it is and WeasyPrint draws the same markup
into the PDF. That is why styling lives in presentation attributes (``fill``, ``stroke``,
``font-size``) rather than in CSS classes, and why every label is escaped here: indicator
and office names come from user data and end up inside markup.

Each chart carries ``role="img"``, an ``aria-label`` and a ``<title>``; pages still show the
figures in a table beside the chart for screen readers and printing.

One module per chart kind (`bar`, `trend`, `grouped`), on shared drawing primitives
(`svg`), axis scales (`scale`) and Indonesian number formats (`format`)."""
