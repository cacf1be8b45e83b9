#!/usr/bin/python3
"""The sklearn / statsmodels side of bench/quality_bench.cc, timed on the bench's own data.

Usage: bench_reference.py MATRIX.bin ITEMS ANNOTATORS REPEATS
MATRIX.bin holds ITEMS x ANNOTATORS int8 codes, row-major (no missing answers). Prints, each
the best of REPEATS runs, in seconds:
    sklearn_cohen SECONDS KAPPA            cohen_kappa_score of annotators 0 and 1
    statsmodels_table SECONDS              aggregate_raters (building Fleiss' table)
    statsmodels_fleiss SECONDS KAPPA       aggregate_raters + fleiss_kappa
"""
import sys
import time

import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa


def best(repeats, work):
    times, value = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        value = work()
        times.append(time.perf_counter() - start)
    return min(times), value


def main(path, items, annotators, repeats):
    matrix = np.fromfile(path, dtype=np.int8).reshape(items, annotators).astype(np.int64)
    first, second = matrix[:, 0].copy(), matrix[:, 1].copy()
    seconds, kappa = best(repeats, lambda: cohen_kappa_score(first, second))
    print(f"sklearn_cohen {seconds!r} {kappa!r}")
    seconds, _ = best(repeats, lambda: aggregate_raters(matrix))
    print(f"statsmodels_table {seconds!r}")
    seconds, kappa = best(repeats, lambda: fleiss_kappa(aggregate_raters(matrix)[0]))
    print(f"statsmodels_fleiss {seconds!r} {kappa!r}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
