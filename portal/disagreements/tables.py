"""The complaints and disagreements table as published: themes by stage, beside what families said.

Disclosure (portal/metrics/disclosure.py): each stage is one breakdown of its total across themes,
and the stage's total is shown, so every column goes through protect_breakdown (small cells hidden,
a second one hidden where the first could be worked out from the total, the rest rounded to 5).
No theme total across stages is shown, so rows never add up to anything published. "What families
said" counts contributions with the theme confirmed; one contribution can have several themes, so
those counts are not parts of a total and only primary suppression and rounding apply.
"""

from portal.disagreements.models import STAGES
from portal.metrics.disclosure import protect_breakdown, published_count
from portal.metrics.suppression import Cell


def protected_table(themes, counts, said, threshold=10):
    """Rows and stage totals a viewer may see.

    Args:
        themes: Theme objects (id, label), in display order.
        counts: {(theme_id, stage): exact count}.
        said: {theme_id: contributions with that theme confirmed in the quarter}.

    Returns:
        {"stages": [(stage, label)], "rows": [{"theme", "cells": {stage: CellResult}, "said":
        CellResult}],
         "totals": {stage: published total or None (hidden)}}; themes with nothing in any stage and
        nothing said are left out.
    """
    themes = [t for t in themes if said.get(t.id) or any(counts.get((t.id, s)) for s in STAGES)]
    columns = {
        stage: protect_breakdown(
            [Cell(str(t.id), t.label, 0, counts.get((t.id, stage), 0)) for t in themes],
            threshold,
            total_shown=True,
        )
        for stage in STAGES
    }
    said_cells = protect_breakdown(
        [Cell(str(t.id), t.label, 0, said.get(t.id, 0)) for t in themes],
        threshold,
        total_shown=False,
    )
    rows = [
        {
            "theme": theme,
            "cells": {stage: columns[stage][index] for stage in STAGES},
            "said": said_cells[index],
        }
        for index, theme in enumerate(themes)
    ]
    totals = {
        stage: published_count(sum(counts.get((t.id, stage), 0) for t in themes), threshold)
        for stage in STAGES
    }
    return {"stages": list(STAGES.items()), "rows": rows, "totals": totals}
