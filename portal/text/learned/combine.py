"""How the learned layer's probabilities and the rules' answers make one answer. The same
functions pick the settings in cross-validation and apply them in analysis."""

MAX_THEMES = 3


def flag(rule, probability, threshold, veto=0.0):
    """Either flags it: the rules (unless the model's probability is below `veto`), or the model
    at or above its threshold."""
    return bool(rule) and probability >= veto or probability >= threshold


def sentiment(rule_label, probabilities, setting):
    """The label with the highest model_weight * p(label) + rule_weight * (label is the rules'
    label)."""
    a, w = setting["model_weight"], setting["rule_weight"]
    return max(
        probabilities, key=lambda label: a * probabilities[label] + w * (label == rule_label)
    )


def themes(rule_slugs, probabilities, setting):
    """Up to three (slug, score) pairs scoring at least the threshold, best first, where
    score = model_weight * p(slug) + rule_weight * (the rules suggested it). A theme the rules
    suggest always passes, so editors' keywords and aliases take effect at once."""
    a, w, threshold = setting["model_weight"], setting["rule_weight"], setting["threshold"]
    rules = set(rule_slugs)
    scored = {
        slug: a * probabilities.get(slug, 0.0) + w * (slug in rules)
        for slug in set(probabilities) | rules
    }
    scored.update({slug: max(scored[slug], threshold) for slug in rules})
    ranked = sorted(
        (item for item in scored.items() if item[1] >= threshold),
        key=lambda item: (-item[1], item[0]),
    )
    return [(slug, round(min(score, 1.0), 2)) for slug, score in ranked[:MAX_THEMES]]
