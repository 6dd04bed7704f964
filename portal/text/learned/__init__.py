"""The learned text layer: linear classifiers on word and character n-grams, beside the rules."""
