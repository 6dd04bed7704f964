"""One store per form: a hidden one-time token on each form, honoured inside the storing
transaction."""
