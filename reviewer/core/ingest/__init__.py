"""Import: a PDF's positioned text -> page furniture removed -> rows -> numbered paragraphs,
headings, footnotes and the caption unit; the caption as a record; the kind of a filing;
OCR of pages without a usable text layer; anomalies a document should be looked at for."""
