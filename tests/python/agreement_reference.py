#!/usr/bin/python3
"""Reference values for src/quality/agreement_differential_test.cc.

Reads annotation matrices and prints, for each, Cohen's kappa of every annotator pair (all
three weightings) from sklearn.metrics.cohen_kappa_score and Fleiss' kappa of the complete
rows from statsmodels.stats.inter_rater.fleiss_kappa. Run with Debian's /usr/bin/python3
(python3-sklearn, python3-statsmodels).

Input (argv[1]):
    case ID ANNOTATORS CATEGORIES ITEMS
    then ITEMS lines of ANNOTATORS codes, -1 for a missing answer
Output (stdout), one line per value, "nan" when undefined:
    cohen ID A B WEIGHTS VALUE        (WEIGHTS: none, linear, quadratic; A < B)
    fleiss ID VALUE                   (over rows without a missing answer; skipped if < 1 row)
"""
import sys
import warnings

import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa


def main(path):
    warnings.simplefilter("ignore")  # undefined kappas warn and return nan
    out = []
    with open(path) as source:
        lines = iter(source.read().splitlines())
    for header in lines:
        _, case_id, annotators, categories, items = header.split()
        annotators, categories, items = int(annotators), int(categories), int(items)
        matrix = np.array([[int(v) for v in next(lines).split()] for _ in range(items)], dtype=int)
        labels = list(range(categories))
        for first in range(annotators):
            for second in range(first + 1, annotators):
                both = (matrix[:, first] >= 0) & (matrix[:, second] >= 0)
                if not both.any():
                    continue
                for weights in (None, "linear", "quadratic"):
                    value = cohen_kappa_score(matrix[both, first], matrix[both, second], labels=labels,
                                              weights=weights)
                    out.append(f"cohen {case_id} {first} {second} {weights or 'none'} {value!r}")
        complete = matrix[(matrix >= 0).all(axis=1)]
        if len(complete) >= 1:
            table, _ = aggregate_raters(complete, n_cat=categories)
            with np.errstate(all="ignore"):
                value = fleiss_kappa(table)
            out.append(f"fleiss {case_id} {float(value)!r}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
