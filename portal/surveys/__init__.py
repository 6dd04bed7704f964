"""Big Listen surveys: taking them, building them, entering paper and event responses, results."""
