"""Times scipy's assignment solvers on an instance written by solvers.ts; prints one JSON line.

    python3 scipy-reference.py version
    python3 scipy-reference.py dense  DIR ROWS COLS REPEAT
    python3 scipy-reference.py sparse DIR ROWS COLS REPEAT

DIR holds the instance as raw little-endian arrays, as Tandem's solvers take it:
  dense:  weights.f64 (ROWS x COLS, row-major; NaN or -inf forbids a pair)
  sparse: row_start.i32, col_index.i32, weight.f64 (CSR; NaN or -inf forbids a listed pair)

Dense: linear_sum_assignment(maximize=True) with every forbidden pair as -inf, which scipy
treats as forbidden when maximising (exact, no big-M constant).
Sparse: min_weight_full_bipartite_matching(maximize=True) on the allowed entries. It assumes
non-zero weights (a zero entry is no edge), so every weight is shifted by +1 before solving:
every full matching has min(ROWS, COLS) pairs, so the shift moves every total by the same
amount and keeps the optimum; the total printed is on the original weights.

Loading and the shift are not timed; the solve runs once to warm up, then REPEAT times, and
the median (time.perf_counter) is printed in ms with the pairs and total of the answer.
"""

import json
import os
import sys
import time

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def timed(solve, repeat):
    answer = solve()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        answer = solve()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[len(times) // 2], answer


def dense(directory, rows, cols, repeat):
    weights = np.fromfile(os.path.join(directory, "weights.f64"), dtype="<f8")
    weights = weights.reshape(rows, cols)
    weights[np.isnan(weights)] = -np.inf
    ms, (row_ind, col_ind) = timed(
        lambda: linear_sum_assignment(weights, maximize=True), repeat
    )
    return ms, len(row_ind), float(weights[row_ind, col_ind].sum())


def sparse(directory, rows, cols, repeat):
    row_start = np.fromfile(os.path.join(directory, "row_start.i32"), dtype="<i4")
    col_index = np.fromfile(os.path.join(directory, "col_index.i32"), dtype="<i4")
    weight = np.fromfile(os.path.join(directory, "weight.f64"), dtype="<f8")
    allowed = weight > -np.inf  # False for NaN and -inf
    row_of_entry = np.repeat(np.arange(rows, dtype=np.int32), np.diff(row_start))
    original = csr_matrix(
        (weight[allowed], (row_of_entry[allowed], col_index[allowed])), shape=(rows, cols)
    )
    shifted = original.copy()
    shifted.data = shifted.data + 1.0
    ms, (row_ind, col_ind) = timed(
        lambda: min_weight_full_bipartite_matching(shifted, maximize=True), repeat
    )
    total = float(np.asarray(original[row_ind, col_ind]).sum())
    return ms, len(row_ind), total


def main():
    if sys.argv[1] == "version":
        print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__}))
        return
    kind, directory = sys.argv[1], sys.argv[2]
    rows, cols, repeat = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    try:
        solve = dense if kind == "dense" else sparse
        ms, pairs, total = solve(directory, rows, cols, repeat)
        print(json.dumps({"ms": ms, "pairs": pairs, "total": total}))
    except ValueError as error:
        # scipy refuses instances without a full matching of the shorter side.
        print(json.dumps({"error": str(error)}))


main()
