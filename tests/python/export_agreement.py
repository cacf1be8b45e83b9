#!/usr/bin/python3
"""Reference agreement for tests/quality_cli_test.cc, computed from a Quorum JSON Lines export.

Usage: export_agreement.py EXPORT.jsonl QUESTION CODE...
CODE... are the question's values in scale order. Reads the submitted answers to QUESTION,
keeps records answered by every annotator, and prints one line:
    fleiss KAPPA        statsmodels.stats.inter_rater.fleiss_kappa over those records
"""
import json
import sys

import numpy as np
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa


def main(path, question, codes):
    index = {code: position for position, code in enumerate(codes)}
    rows, width = [], None
    with open(path) as export:
        for line in export:
            record = json.loads(line)
            answers = [index[json.dumps(r["values"][question])] for r in record.get("responses", [])
                       if r["status"] == "submitted" and question in r["values"]]
            if len(answers) >= 2:
                rows.append(answers)
    width = max(len(row) for row in rows)
    complete = np.array([row for row in rows if len(row) == width])
    table, _ = aggregate_raters(complete, n_cat=len(codes))
    print(f"fleiss {fleiss_kappa(table)!r}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
