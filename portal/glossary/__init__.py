"""The plain-language glossary of acronyms and the markup filter that expands them."""
