"""Claims and their elements (templates, custom claims), the counts of a complaint and the claims
they plead, statute citations, tags of paragraphs and exhibit pages with elements, suggestions."""
