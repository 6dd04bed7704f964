"""Offline text analysis: themes, sentiment, personal data, safeguarding and abuse flags."""
