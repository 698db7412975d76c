/*
 * Maximum weight matching in general graphs: Edmonds' blossom algorithm with the primal-dual
 * method, in the O(n³) formulation of Zvi Galil, "Efficient Algorithms for Finding Maximum
 * Matching in Graphs", ACM Computing Surveys 18(1), 1986.
 *
 * Ported to TypeScript on typed arrays from Joris van Rantwijk's mwmatching.py (2008, updated
 * 2013), as maintained in NetworkX as `networkx.algorithms.matching.max_weight_matching`; the
 * structure, the names and the comments follow that code, so the two can be read side by side.
 * mwmatching.py itself carries no licence statement; NetworkX, which holds van Rantwijk's
 * contribution, is distributed under the 3-clause BSD licence, whose notice follows:
 *
 *   Copyright (C) 2004-2024, NetworkX Developers
 *   Aric Hagberg <hagberg@lanl.gov>
 *   Dan Schult <dschult@colgate.edu>
 *   Pieter Swart <swart@lanl.gov>
 *   All rights reserved.
 *
 *   Redistribution and use in source and binary forms, with or without modification, are
 *   permitted provided that the following conditions are met:
 *
 *     * Redistributions of source code must retain the above copyright notice, this list of
 *       conditions and the following disclaimer.
 *     * Redistributions in binary form must reproduce the above copyright notice, this list of
 *       conditions and the following disclaimer in the documentation and/or other materials
 *       provided with the distribution.
 *     * Neither the name of the NetworkX Developers nor the names of its contributors may be
 *       used to endorse or promote products derived from this software without specific prior
 *       written permission.
 *
 *   THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS
 *   OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF
 *   MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE
 *   COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL,
 *   EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE
 *   GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED
 *   AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
 *   NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED
 *   OF THE POSSIBILITY OF SUCH DAMAGE.
 *
 * Differences from the original: only the maximum-cardinality mode is kept (the host wants as
 * many pairs as possible), so "delta1" and the final dual update that only served the optimum
 * check are gone; parallel edges, self-loops and forbidden weights are cleaned up before the
 * algorithm runs; lists became typed arrays and the recursive leaf generator an explicit stack.
 * And, for speed on large sparse graphs (the original restarts its whole search, O(n + m), after
 * every augmentation): the alternating forest survives an augmentation, only the two trees the
 * path joined are dissolved and the bookkeeping that pointed into them repaired (killTrees);
 * dual variables change lazily through one running sum of the deltas (deltaSum, dualSign); and
 * the candidates for delta2, delta3 and delta4 wait in heaps keyed by the value of that sum at
 * which they become tight, instead of being found by scans over all vertices and blossoms.
 * And, for graphs where many weights are equal (a lunch round: nearly every pair worth the
 * same): the search starts from a greedy matching of the heaviest edges (matchTightGreedily),
 * and reads its queue first in, first out, where the original pops it as a stack.
 */
import { PairHeap } from './pair-heap.js';
import {
  checkFloat64Array,
  checkIndices,
  checkInt32Array,
  checkLength,
  checkSize,
  checkWeights,
  isForbidden,
} from './validate.js';

/** The answer of {@link maxWeightMatching}. */
export interface MatchingResult {
  /** `mate[x]` is the vertex paired with `x`, or `-1`; `mate[mate[x]] === x` for paired ones. */
  readonly mate: Int32Array;
  /** The sum of the weights of the matched edges (0 when nothing is matched). */
  readonly total: number;
}

const FN = 'maxWeightMatching';

/**
 * An optimal matching in a general (not necessarily bipartite) graph, for pairing people from
 * one pool such as peer lunch rounds: first as many pairs as possible, then, among all
 * matchings with that many pairs, the largest total weight.
 *
 * The graph has `n` vertices `0 .. n-1` and the edges `(u[i], v[i])` with weight `w[i]`.
 * Weights may be negative (a negative edge is still used when it is needed for the maximum
 * number of pairs); `NaN` and `-Infinity` mark an edge as absent. Of parallel edges the heaviest
 * counts; self-loops are ignored; vertices without edges stay unmatched. No input array is
 * modified, and equal inputs give equal answers.
 *
 * Method: Edmonds' blossom algorithm with Galil's O(n³) primal-dual formulation, ported from
 * Joris van Rantwijk's mwmatching.py as kept in NetworkX (`max_weight_matching` with
 * `maxcardinality=True`), keeping its search forest across augmentations and its dual updates
 * lazy. Time O(n³ + n·m·log n) in the worst case, usually far less; memory O(n + m) plus heaps
 * of pending events; 10,000 vertices with 200,000 edges take one or two seconds. Integer
 * weights are computed exactly; with fractional weights rounding may, rarely, cost a negligible
 * amount of total weight.
 *
 * @example
 * ```ts
 * // A path 0 - 1 - 2 - 3 with weights 1, 10, 1.
 * const u = Int32Array.from([0, 1, 2]);
 * const v = Int32Array.from([1, 2, 3]);
 * const w = Float64Array.from([1, 10, 1]);
 * const { mate, total } = maxWeightMatching(4, u, v, w);
 * // mate = [1, 0, 3, 2], total = 2: two pairs beat the single pair worth 10.
 * ```
 *
 * @throws {RangeError} when `n` is not an integer from 0 to 2³⁰, when `u`, `v` and `w` differ
 *   in length, when a vertex index is outside `0 .. n - 1`, or when a weight is `+Infinity`.
 * @throws {TypeError} when an array is not of the documented typed-array type.
 */
export function maxWeightMatching(
  n: number,
  u: Int32Array,
  v: Int32Array,
  w: Float64Array,
): MatchingResult {
  checkSize(FN, 'n', n);
  checkInt32Array(FN, 'u', u);
  checkInt32Array(FN, 'v', v);
  checkFloat64Array(FN, 'w', w);
  checkLength(FN, 'v', v, u.length, 'u.length');
  checkLength(FN, 'w', w, u.length, 'u.length');
  checkIndices(FN, 'u', u, n, 'n');
  checkIndices(FN, 'v', v, n, 'n');
  checkWeights(FN, 'w', w);

  const edges = simpleEdges(n, u, v, w);
  const mate = new Int32Array(n).fill(-1);
  if (edges.weight.length === 0) return { mate, total: 0 };

  const matchedEdge = new Blossom(n, edges).solve();
  let total = 0;
  for (let x = 0; x < n; x++) {
    const k = matchedEdge[x] ?? -1;
    if (k < 0) continue;
    const a = edges.endpoint[2 * k] ?? 0;
    const b = edges.endpoint[2 * k + 1] ?? 0;
    mate[x] = a === x ? b : a;
    // Each edge is counted once, from its lower end, in vertex order.
    if (x < (mate[x] ?? 0)) total += edges.weight[k] ?? 0;
  }
  return { mate, total };
}

/** A simple graph: edge k joins endpoint[2k] and endpoint[2k+1] and weighs weight[k]. */
interface SimpleEdges {
  readonly endpoint: Int32Array;
  readonly weight: Float64Array;
}

/**
 * The input without self-loops, forbidden edges and parallel edges (the heaviest of a pair is
 * kept, at the position of the pair's first edge, so the order stays the caller's). Runs in
 * O(n + m): edges are bucketed by their lower end, and a stamp per vertex finds repeats.
 */
function simpleEdges(n: number, u: Int32Array, v: Int32Array, w: Float64Array): SimpleEdges {
  const count = u.length;
  const bucketStart = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) {
    const a = u[i] ?? 0;
    const b = v[i] ?? 0;
    if (a === b || isForbidden(w[i] ?? Number.NaN)) continue;
    const low = Math.min(a, b);
    bucketStart[low + 1] = (bucketStart[low + 1] ?? 0) + 1;
  }
  for (let x = 0; x < n; x++)
    bucketStart[x + 1] = (bucketStart[x + 1] ?? 0) + (bucketStart[x] ?? 0);
  const valid = bucketStart[n] ?? 0;
  const bucket = new Int32Array(valid);
  const next = bucketStart.slice(0, n);
  for (let i = 0; i < count; i++) {
    const a = u[i] ?? 0;
    const b = v[i] ?? 0;
    if (a === b || isForbidden(w[i] ?? Number.NaN)) continue;
    const low = Math.min(a, b);
    const at = next[low] ?? 0;
    next[low] = at + 1;
    bucket[at] = i;
  }

  // keptWeight[i] is the weight of the pair whose first edge is i, NaN for edges dropped.
  const keptWeight = new Float64Array(count).fill(Number.NaN);
  const stamp = new Int32Array(n);
  const firstOf = new Int32Array(n);
  let kept = 0;
  for (let low = 0; low < n; low++) {
    const to = bucketStart[low + 1] ?? 0;
    for (let at = bucketStart[low] ?? 0; at < to; at++) {
      const i = bucket[at] ?? 0;
      const high = Math.max(u[i] ?? 0, v[i] ?? 0);
      const weight = w[i] ?? 0;
      if (stamp[high] === low + 1) {
        const first = firstOf[high] ?? 0;
        if (weight > (keptWeight[first] ?? 0)) keptWeight[first] = weight;
      } else {
        stamp[high] = low + 1;
        firstOf[high] = i;
        keptWeight[i] = weight;
        kept++;
      }
    }
  }

  const endpoint = new Int32Array(2 * kept);
  const weight = new Float64Array(kept);
  let k = 0;
  for (let i = 0; i < count; i++) {
    const kw = keptWeight[i] ?? Number.NaN;
    if (Number.isNaN(kw)) continue;
    endpoint[2 * k] = u[i] ?? 0;
    endpoint[2 * k + 1] = v[i] ?? 0;
    weight[k] = kw;
    k++;
  }
  return { endpoint, weight };
}

const NO_LIST = new Int32Array(0);

/** Python's `list[j]` for `-len <= j < len`: a negative index counts from the end. */
function at(list: Int32Array, j: number): number {
  return list[j < 0 ? j + list.length : j] ?? -1;
}

/**
 * The state of one run of the algorithm. Vertices are 0 .. n-1, non-trivial blossoms
 * n .. 2n-1. Edges are 0 .. m-1; edge endpoints are 0 .. 2m-1 such that endpoints 2k and
 * 2k+1 both belong to edge k. Many terms (sub-blossom, S- and T-vertex) come from Galil's
 * paper, which the comments assume.
 */
class Blossom {
  private readonly n: number;
  /** endpoint[p] is the vertex to which endpoint p is attached. */
  private readonly endpoint: Int32Array;
  private readonly weight: Float64Array;
  /** neighbEnd[neighbStart[v] .. neighbStart[v+1]-1]: remote endpoints of the edges at v. */
  private readonly neighbStart: Int32Array;
  private readonly neighbEnd: Int32Array;

  /** mate[v] is the remote endpoint of v's matched edge, or -1 if v is single. */
  private readonly mate: Int32Array;
  /**
   * label[b] of a top-level blossom: 0 free, 1 S, 2 T (5 as a breadcrumb during scanBlossom).
   * label[v] of a vertex inside a T-blossom: 2 iff v is reachable from an S-vertex outside it.
   */
  private readonly label: Int32Array;
  /**
   * labelEnd[b]: the remote endpoint of the edge through which b got its label, or -1 if its
   * base is single. For a vertex v inside a T-blossom with label 2: the edge through which v
   * is reachable from outside the blossom.
   */
  private readonly labelEnd: Int32Array;
  /** inBlossom[v]: the top-level blossom containing vertex v (v itself if trivial). */
  private readonly inBlossom: Int32Array;
  /** blossomParent[b]: the immediate parent of a sub-blossom, -1 for a top-level blossom. */
  private readonly blossomParent: Int32Array;
  /** blossomChilds[b]: sub-blossoms of b, starting with the base and going round. */
  private readonly blossomChilds: Int32Array[];
  /** blossomBase[b]: the base vertex of b, -1 for an unused blossom number. */
  private readonly blossomBase: Int32Array;
  /**
   * blossomEndps[b][i]: the local endpoint of blossomChilds[b][i] on the edge that connects it
   * to blossomChilds[b][i+1] (wrapping round).
   */
  private readonly blossomEndps: Int32Array[];
  /**
   * For a free vertex (or an unreached vertex inside a T-blossom): the least-slack edge to an
   * S-vertex. For a top-level S-blossom: the least-slack edge to a different S-blossom. -1 if
   * none. Makes delta2 and delta3 cheap.
   */
  private readonly bestEdge: Int32Array;
  /** For a non-trivial top-level S-blossom: least-slack edges to neighbouring S-blossoms. */
  private readonly blossomBestEdges: (Int32Array | null)[];
  /** Blossom numbers not in use, taken from the end. */
  private readonly unusedBlossoms: Int32Array;
  private unusedCount: number;
  /**
   * dualVar[v] = 2·u(v) for a vertex (doubled so that integer weights stay integers);
   * dualVar[b] = z(b) for a non-trivial blossom.
   */
  private readonly dualVar: Float64Array;
  /** allowEdge[k] = 1: edge k has zero slack. 0: it may or may not. */
  private readonly allowEdge: Uint8Array;
  /** Newly discovered S-vertices, read first in, first out (see solve). */
  private readonly queue: number[] = [];
  // Scratch space of blossomLeaves and addBlossom.
  private readonly leafBuffer: Int32Array;
  private readonly leafStackBlossom: Int32Array;
  private readonly leafStackIndex: Int32Array;
  private readonly bestEdgeTo: Int32Array;
  /**
   * treeOf[v] of a labelled vertex: the root (single vertex) of its alternating tree; -1 if v
   * has never been labelled (or was forgotten by compactTrees).
   */
  private readonly treeOf: Int32Array;
  /**
   * The members of each tree as linked lists in a pool: treeHead[root] is the first entry,
   * poolNext the next, poolVertex the vertex. A vertex is added when it joins a tree; entries
   * of vertices that left are skipped (treeOf or the label no longer match).
   */
  private readonly treeHead: Int32Array;
  private poolNext: Int32Array;
  private poolVertex: Int32Array;
  private poolCount = 0;
  /**
   * The current dual of i is dualVar[i] + dualSign[i]·deltaSum: -1 for S-vertices and
   * T-blossoms, +1 for T-vertices and S-blossoms, 0 otherwise (see setSign).
   */
  private readonly dualSign: Int8Array;
  /** Candidates for delta2 (vertex, edge), delta3 (blossom, edge), delta4 (blossom, epoch). */
  private readonly heap2 = new PairHeap();
  private readonly heap3 = new PairHeap();
  private readonly heap4 = new PairHeap();
  /** labelEpoch[b]: the number of the event that last labelled blossom b with T. */
  private readonly labelEpoch: Int32Array;
  private epochCounter = 0;
  // Stamps of the dual updates and tree dissolutions, and their scratch space.
  private stampCounter = 0;
  /**
   * The sum of all deltas so far, and per bestEdge entry the value of that sum at which its
   * edge becomes tight (for a non-S-vertex) or half-tight (for an S-blossom): constant while
   * the labels at both ends stay, so the deltas are read without computing slacks.
   */
  private deltaSum = 0;
  private readonly bestKey: Float64Array;
  private readonly topStamp: Int32Array;
  private readonly deadMark: Int32Array;
  private readonly dirtyStamp: Int32Array;
  private readonly queuedStamp: Int32Array;
  private readonly deadList: Int32Array;
  private readonly dirtyList: Int32Array;

  constructor(n: number, edges: SimpleEdges) {
    const m = edges.weight.length;
    this.n = n;
    this.endpoint = edges.endpoint;
    this.weight = edges.weight;
    this.neighbStart = new Int32Array(n + 1);
    this.neighbEnd = new Int32Array(2 * m);
    for (let p = 0; p < 2 * m; p++) {
      const x = this.endpoint[p] ?? 0;
      this.neighbStart[x + 1] = (this.neighbStart[x + 1] ?? 0) + 1;
    }
    for (let x = 0; x < n; x++)
      this.neighbStart[x + 1] = (this.neighbStart[x + 1] ?? 0) + (this.neighbStart[x] ?? 0);
    // Edge order within each vertex, as the original's appends give.
    const next = this.neighbStart.slice(0, n);
    for (let k = 0; k < m; k++) {
      const i = this.endpoint[2 * k] ?? 0;
      const j = this.endpoint[2 * k + 1] ?? 0;
      this.neighbEnd[next[i] ?? 0] = 2 * k + 1;
      next[i] = (next[i] ?? 0) + 1;
      this.neighbEnd[next[j] ?? 0] = 2 * k;
      next[j] = (next[j] ?? 0) + 1;
    }

    let maxWeight = 0;
    for (let k = 0; k < m; k++) maxWeight = Math.max(maxWeight, this.weight[k] ?? 0);

    this.mate = new Int32Array(n).fill(-1);
    this.label = new Int32Array(2 * n);
    this.labelEnd = new Int32Array(2 * n).fill(-1);
    this.inBlossom = new Int32Array(n);
    for (let x = 0; x < n; x++) this.inBlossom[x] = x;
    this.blossomParent = new Int32Array(2 * n).fill(-1);
    this.blossomChilds = new Array<Int32Array>(2 * n).fill(NO_LIST);
    this.blossomBase = new Int32Array(2 * n).fill(-1);
    for (let x = 0; x < n; x++) this.blossomBase[x] = x;
    this.blossomEndps = new Array<Int32Array>(2 * n).fill(NO_LIST);
    this.bestEdge = new Int32Array(2 * n).fill(-1);
    this.blossomBestEdges = new Array<Int32Array | null>(2 * n).fill(null);
    this.unusedBlossoms = new Int32Array(n);
    for (let i = 0; i < n; i++) this.unusedBlossoms[i] = n + i;
    this.unusedCount = n;
    // Initially u(v) = maxWeight / 2 for every vertex, z(b) = 0.
    this.dualVar = new Float64Array(2 * n);
    this.dualVar.fill(maxWeight, 0, n);
    this.allowEdge = new Uint8Array(m);
    this.leafBuffer = new Int32Array(n);
    this.leafStackBlossom = new Int32Array(n + 1);
    this.leafStackIndex = new Int32Array(n + 1);
    this.bestEdgeTo = new Int32Array(2 * n).fill(-1);
    this.treeOf = new Int32Array(n);
    this.bestKey = new Float64Array(2 * n);
    this.treeOf.fill(-1);
    this.treeHead = new Int32Array(n).fill(-1);
    this.poolNext = new Int32Array(4 * n);
    this.poolVertex = new Int32Array(4 * n);
    this.dualSign = new Int8Array(2 * n);
    this.labelEpoch = new Int32Array(2 * n);
    this.topStamp = new Int32Array(2 * n);
    this.deadMark = new Int32Array(n);
    this.dirtyStamp = new Int32Array(n);
    this.queuedStamp = new Int32Array(n);
    this.deadList = new Int32Array(n);
    this.dirtyList = new Int32Array(n);
  }

  /** Runs the search; returns, per vertex, its matched edge or -1. */
  solve(): Int32Array {
    const { n, label, inBlossom, mate, bestEdge, allowEdge, queue } = this;
    const { endpoint, treeOf, bestKey, heap2, heap3, heap4 } = this;

    this.matchTightGreedily();
    // Label single vertices with S and put them in the queue: each is the root of a tree.
    for (let x = 0; x < n; x++) {
      if ((mate[x] ?? 0) === -1 && label[inBlossom[x] ?? 0] === 0) this.assignLabel(x, 1, -1);
    }

    // Unlike the original, the alternating forest is not rebuilt after an augmentation: only
    // the two trees joined by the augmenting path are dissolved (killTrees), and the search
    // goes on with the others. Each iteration is a "substage": label everything reachable
    // through tight edges, augmenting whenever two trees meet; then pump slack out of the
    // duals, until nothing can be tightened any more.
    for (;;) {
      // The queue is read first in, first out: the trees grow breadth first, so that they meet
      // (an augmenting path) before they fold into blossoms. Read from the original's end (a
      // stack), a tree grows depth first and, where many weights are equal, every tree becomes
      // one blossom inside the next: a lunch round of 10,000, all pairs worth the same, formed
      // 9,600 blossoms of 1,650 vertices on average depth first, 121 of a few breadth first.
      let head = 0;
      while (head < queue.length) {
        // Drop what was read once it is most of the queue (vertices are queued again and
        // again as trees dissolve).
        if (head >= 1024 && 2 * head >= queue.length) {
          queue.splice(0, head);
          head = 0;
        }
        // Take an S vertex from the queue (its tree may have been dissolved meanwhile).
        const x = queue[head++] ?? 0;
        if (label[inBlossom[x] ?? 0] !== 1) continue;
        const to = this.neighbStart[x + 1] ?? 0;
        for (let at = this.neighbStart[x] ?? 0; at < to; at++) {
          const p = this.neighbEnd[at] ?? 0;
          const k = p >> 1;
          const y = endpoint[p] ?? 0;
          // y is a neighbour of x; an edge internal to a blossom is ignored.
          const bx = inBlossom[x] ?? 0;
          const by = inBlossom[y] ?? 0;
          if (bx === by) continue;
          let kslack = 0;
          if (allowEdge[k] === 0) {
            kslack = this.slack(k);
            // Zero slack makes the edge allowable.
            if (kslack <= 0) allowEdge[k] = 1;
          }
          if (allowEdge[k] === 1) {
            if (label[by] === 0) {
              // (C1) y is a free vertex: label y with T and its mate with S (R12).
              this.assignLabel(y, 2, p ^ 1);
            } else if (label[by] === 1) {
              // (C2) y is an S-vertex in another blossom: follow back-links to find either
              // an augmenting path or a new blossom.
              const base = this.scanBlossom(x, y);
              if (base >= 0) {
                // A new blossom: add it to the bookkeeping and turn it into an S-blossom.
                this.addBlossom(base, k);
              } else {
                // An augmenting path: augment the matching and dissolve the two trees.
                const rootX = treeOf[x] ?? 0;
                const rootY = treeOf[y] ?? 0;
                this.augmentMatching(k);
                this.killTrees(rootX, rootY);
                break;
              }
            } else if (label[y] === 0) {
              // y is inside a T-blossom but not yet reached from outside it: mark it as
              // reached (needed to relabel during T-blossom expansion).
              label[y] = 2;
              this.labelEnd[y] = p ^ 1;
            }
          } else if (label[by] === 1) {
            // Keep track of the least-slack non-allowable edge to a different S-blossom.
            const b = bx;
            const key = this.deltaSum + kslack / 2;
            if (bestEdge[b] === -1 || key < (bestKey[b] ?? 0)) this.setSBest(b, k, key);
          } else if (label[y] === 0) {
            // y is a free vertex (or an unreached vertex inside a T-blossom) that we can not
            // reach yet: keep track of the least-slack edge that reaches it.
            const key = this.deltaSum + kslack;
            if (bestEdge[y] === -1 || key < (bestKey[y] ?? 0)) this.setFreeBest(y, k, key);
          }
        }
      }

      queue.length = 0;

      // No augmenting path under these constraints: find the least delta and reduce slack in
      // the optimisation problem. (Vertex duals, edge slacks and deltas are doubled.) delta1,
      // the least vertex dual, does not apply in maximum-cardinality mode. The candidates wait
      // in heaps keyed by the value of deltaSum at which they occur; stale entries are dropped.
      let deltaType = -1;
      let when = 0;
      let deltaEdge = -1;
      let deltaBlossom = -1;
      // delta2: the least slack of an edge between an S-vertex and a free vertex.
      for (; heap2.size > 0; heap2.pop()) {
        const x = heap2.topLow();
        const e = heap2.topItem();
        if (bestEdge[x] === e && bestKey[x] === heap2.topHigh() && label[inBlossom[x] ?? 0] === 0) {
          deltaType = 2;
          when = heap2.topHigh();
          deltaEdge = e;
          break;
        }
      }
      // delta3: half the least slack of an edge between two S-blossoms.
      for (; heap3.size > 0; heap3.pop()) {
        const b = heap3.topLow();
        const e = heap3.topItem();
        const top = b < n ? inBlossom[b] === b : this.blossomParent[b] === -1;
        if (top && label[b] === 1 && bestEdge[b] === e && bestKey[b] === heap3.topHigh()) {
          if (deltaType === -1 || heap3.topHigh() < when) {
            deltaType = 3;
            when = heap3.topHigh();
            deltaEdge = e;
          }
          break;
        }
      }
      // delta4: the least z variable of a T-blossom.
      for (; heap4.size > 0; heap4.pop()) {
        const b = heap4.topLow();
        if (
          this.blossomParent[b] === -1 &&
          (this.blossomBase[b] ?? -1) >= 0 &&
          label[b] === 2 &&
          this.labelEpoch[b] === heap4.topItem()
        ) {
          if (deltaType === -1 || heap4.topHigh() < when) {
            deltaType = 4;
            when = heap4.topHigh();
            deltaBlossom = b;
          }
          break;
        }
      }
      // Nothing left to tighten: the maximum-cardinality optimum is reached. (The original
      // makes one more dual update here only so that its optional optimum check passes.)
      if (deltaType === -1) break;

      // Update the dual variables: S-vertices and T-blossoms lose, T-vertices and S-blossoms
      // gain (when - deltaSum), all at once through deltaSum.
      if (when > this.deltaSum) this.deltaSum = when;

      // Take action at the point where the minimum delta occurred.
      if (deltaType === 2) {
        // Use the least-slack edge to continue the search.
        allowEdge[deltaEdge] = 1;
        let i = endpoint[2 * deltaEdge] ?? 0;
        if (label[inBlossom[i] ?? 0] === 0) i = endpoint[2 * deltaEdge + 1] ?? 0;
        queue.push(i);
      } else if (deltaType === 3) {
        // Use the least-slack edge to continue the search.
        allowEdge[deltaEdge] = 1;
        queue.push(endpoint[2 * deltaEdge] ?? 0);
      } else {
        // deltaType 4: expand the least-z blossom.
        this.expandBlossom(deltaBlossom, false);
      }
    }

    const matchedEdge = new Int32Array(n);
    for (let x = 0; x < n; x++) {
      const p = mate[x] ?? -1;
      matchedEdge[x] = p < 0 ? -1 : p >> 1;
    }
    return matchedEdge;
  }

  /**
   * Pairs single vertices along tight edges (of the heaviest weight, as all duals start
   * equal), each with its first single neighbour, before the search. A matching of tight edges
   * is a state the search could have reached itself, with the duals it starts from; but where
   * many weights are equal, the search would build and dissolve a tree for each of these
   * pairs, and now grows trees only for the few vertices left.
   */
  private matchTightGreedily(): void {
    const { n, mate, endpoint, neighbStart, neighbEnd } = this;
    for (let x = 0; x < n; x++) {
      if (mate[x] !== -1) continue;
      const to = neighbStart[x + 1] ?? 0;
      for (let at = neighbStart[x] ?? 0; at < to; at++) {
        const p = neighbEnd[at] ?? 0;
        const y = endpoint[p] ?? 0;
        if (mate[y] !== -1 || this.slack(p >> 1) !== 0) continue;
        mate[x] = p;
        mate[y] = p ^ 1;
        break;
      }
    }
  }

  /** Sets the least-slack edge k of a vertex that is not an S-vertex, listing the vertex. */
  private setFreeBest(y: number, k: number, key: number): void {
    this.bestEdge[y] = k;
    this.bestKey[y] = key;
    this.heap2.push(key, y, k);
  }

  /** Sets the least-slack edge k of top-level S-blossom b. */
  private setSBest(b: number, k: number, key: number): void {
    this.bestEdge[b] = k;
    this.bestKey[b] = key;
    this.heap3.push(key, b, k);
  }

  /** The current dual of vertex or blossom i (see dualVar). */
  private dual(i: number): number {
    return (this.dualVar[i] ?? 0) + (this.dualSign[i] ?? 0) * this.deltaSum;
  }

  /** Adds vertex x to the member list of the tree rooted at root. */
  private addToTree(x: number, root: number): void {
    if (this.poolCount === this.poolVertex.length) this.compactTrees();
    const c = this.poolCount++;
    this.poolVertex[c] = x;
    this.poolNext[c] = this.treeHead[root] ?? -1;
    this.treeHead[root] = c;
  }

  /**
   * Rebuilds the member lists from the vertices now labelled, forgetting the tree of the
   * others; grows the pool if it stays more than half full.
   */
  private compactTrees(): void {
    const { n, label, inBlossom, treeOf, treeHead } = this;
    let live = 0;
    for (let x = 0; x < n; x++) {
      const l = label[inBlossom[x] ?? 0];
      if (l === 1 || l === 2) live++;
    }
    if (2 * live + 1 > this.poolVertex.length) {
      this.poolVertex = new Int32Array(Math.max(2 * this.poolVertex.length, 2 * live + 1));
      this.poolNext = new Int32Array(this.poolVertex.length);
    }
    treeHead.fill(-1);
    this.poolCount = 0;
    for (let x = 0; x < n; x++) {
      const l = label[inBlossom[x] ?? 0];
      const root = treeOf[x] ?? -1;
      if ((l !== 1 && l !== 2) || root < 0) {
        treeOf[x] = -1;
        continue;
      }
      const c = this.poolCount++;
      this.poolVertex[c] = x;
      this.poolNext[c] = treeHead[root] ?? -1;
      treeHead[root] = c;
    }
  }

  /** Files T-blossom b under the value of deltaSum at which its z reaches zero. */
  private pushExpiry(b: number): void {
    const epoch = ++this.epochCounter;
    this.labelEpoch[b] = epoch;
    this.heap4.push(this.deltaSum + this.dual(b), b, epoch);
  }

  /** Makes the dual of i follow deltaSum with the given sign from now on. */
  private setSign(i: number, sign: number): void {
    const old = this.dualSign[i] ?? 0;
    if (old === sign) return;
    this.dualVar[i] = (this.dualVar[i] ?? 0) + (old - sign) * this.deltaSum;
    this.dualSign[i] = sign;
  }

  /** Queues S-vertex x for a rescan, once per dissolution. */
  private requeue(x: number): void {
    if (this.queuedStamp[x] === this.stampCounter) return;
    this.queuedStamp[x] = this.stampCounter;
    this.queue.push(x);
  }

  /** Whether edge k joins top-level blossom b to a different top-level S-blossom. */
  private joinsOtherS(k: number, b: number): boolean {
    const ta = this.inBlossom[this.endpoint[2 * k] ?? 0] ?? 0;
    const tb = this.inBlossom[this.endpoint[2 * k + 1] ?? 0] ?? 0;
    if (ta === tb) return false;
    const other = ta === b ? tb : ta;
    return this.label[other] === 1;
  }

  /**
   * After an augmentation between the trees rooted at r1 and r2: unlabels their vertices and
   * blossoms (as the original does for all at the start of a stage), expands their S-blossoms
   * with zero dual (as at the end of a stage), and repairs the least-slack edges and reach
   * marks of the rest of the forest that pointed into them.
   */
  private killTrees(r1: number, r2: number): void {
    const { n, label, labelEnd, inBlossom, bestEdge, endpoint, treeOf, allowEdge } = this;
    const { deadList, deadMark, topStamp, dirtyList, treeHead, poolNext, poolVertex } = this;
    const stamp = ++this.stampCounter;

    // The vertices of the two trees.
    let deadCount = 0;
    for (const root of [r1, r2]) {
      for (let c = treeHead[root] ?? -1; c !== -1; c = poolNext[c] ?? -1) {
        const x = poolVertex[c] ?? 0;
        if (deadMark[x] === stamp || treeOf[x] !== root) continue;
        const l = label[inBlossom[x] ?? 0];
        if (l !== 1 && l !== 2) continue;
        deadMark[x] = stamp;
        deadList[deadCount++] = x;
      }
      // A root is matched from now on, so never a root again.
      treeHead[root] = -1;
    }

    // Their top-level blossoms, S ones with zero dual to be expanded.
    const expand: number[] = [];
    for (let i = 0; i < deadCount; i++) {
      const x = deadList[i] ?? 0;
      label[x] = 0;
      labelEnd[x] = -1;
      bestEdge[x] = -1;
      this.setSign(x, 0);
      const b = inBlossom[x] ?? 0;
      if (b < n || topStamp[b] === stamp) continue;
      topStamp[b] = stamp;
      if (label[b] === 1 && this.dual(b) === 0) expand.push(b);
      this.setSign(b, 0);
      // Clear the labels of b and all its sub-blossoms.
      const stack = [b];
      while (stack.length > 0) {
        const s = stack.pop() ?? 0;
        label[s] = 0;
        labelEnd[s] = -1;
        bestEdge[s] = -1;
        this.blossomBestEdges[s] = null;
        for (const c of this.blossomChilds[s] ?? NO_LIST) if (c >= n) stack.push(c);
      }
    }
    for (const b of expand) this.expandBlossom(b, true);

    // Edges at the dissolved vertices: no longer known tight; least-slack edges from the
    // remaining S-vertices; neighbours whose bookkeeping may point into the dead trees.
    let dirtyCount = 0;
    for (let i = 0; i < deadCount; i++) {
      const x = deadList[i] ?? 0;
      const to = this.neighbStart[x + 1] ?? 0;
      for (let at = this.neighbStart[x] ?? 0; at < to; at++) {
        const p = this.neighbEnd[at] ?? 0;
        const k = p >> 1;
        allowEdge[k] = 0;
        const y = endpoint[p] ?? 0;
        if (deadMark[y] === stamp) continue;
        const by = inBlossom[y] ?? 0;
        if (label[by] === 1) {
          const s = this.slack(k);
          if (s <= 0) this.requeue(y);
          else {
            const key = this.deltaSum + s;
            if (bestEdge[x] === -1 || key < (this.bestKey[x] ?? 0)) this.setFreeBest(x, k, key);
          }
        }
        if (this.dirtyStamp[y] !== stamp) {
          this.dirtyStamp[y] = stamp;
          dirtyList[dirtyCount++] = y;
        }
      }
    }
    for (let i = 0; i < dirtyCount; i++) {
      const y = dirtyList[i] ?? 0;
      const by = inBlossom[y] ?? 0;
      const ly = label[by];
      if (ly === 1) {
        const e = bestEdge[by] ?? -1;
        if (e !== -1 && !this.joinsOtherS(e, by)) this.refreshS(by);
        continue;
      }
      let stale = false;
      if (by !== y && ly === 2 && label[y] === 2) {
        // A reach mark from a vertex that is no longer an S-vertex.
        const q = labelEnd[y] ?? -1;
        if (q >= 0 && label[inBlossom[endpoint[q] ?? 0] ?? 0] !== 1) {
          label[y] = 0;
          labelEnd[y] = -1;
          stale = true;
        }
      }
      const e = bestEdge[y] ?? -1;
      if (e !== -1) {
        const a = endpoint[2 * e] ?? 0;
        const z = a === y ? (endpoint[2 * e + 1] ?? 0) : a;
        if (label[inBlossom[z] ?? 0] !== 1) stale = true;
      }
      if (stale) this.refreshNonS(y);
    }
  }

  /** Recomputes bestEdge of top-level S-blossom b from its own edges. */
  private refreshS(b: number): void {
    const { n, endpoint, inBlossom, label } = this;
    let best = -1;
    let bestSlack = 0;
    const own = b >= n ? this.blossomBestEdges[b] : null;
    if (own) {
      const list: number[] = [];
      for (const k of own) {
        if (!this.joinsOtherS(k, b)) continue;
        list.push(k);
        const s = this.slack(k);
        if (best === -1 || s < bestSlack) {
          best = k;
          bestSlack = s;
        }
      }
      this.blossomBestEdges[b] = Int32Array.from(list);
    } else {
      const count = this.blossomLeaves(b);
      const leaves = this.leafBuffer.slice(0, count);
      for (const x of leaves) {
        const to = this.neighbStart[x + 1] ?? 0;
        for (let at = this.neighbStart[x] ?? 0; at < to; at++) {
          const p = this.neighbEnd[at] ?? 0;
          const by = inBlossom[endpoint[p] ?? 0] ?? 0;
          if (by === b || label[by] !== 1) continue;
          const s = this.slack(p >> 1);
          if (best === -1 || s < bestSlack) {
            best = p >> 1;
            bestSlack = s;
          }
        }
      }
    }
    if (best === -1) this.bestEdge[b] = -1;
    else this.setSBest(b, best, this.deltaSum + bestSlack / 2);
  }

  /**
   * Recomputes, for a vertex y that is not an S-vertex, its least-slack edge to an S-vertex
   * and (inside a T-blossom) its reach mark; tight edges into a free blossom requeue their
   * S end so that its scan labels the blossom.
   */
  private refreshNonS(y: number): void {
    const { endpoint, inBlossom, label } = this;
    const by = inBlossom[y] ?? 0;
    this.bestEdge[y] = -1;
    let best = -1;
    let bestSlack = 0;
    const to = this.neighbStart[y + 1] ?? 0;
    for (let at = this.neighbStart[y] ?? 0; at < to; at++) {
      const p = this.neighbEnd[at] ?? 0;
      const z = endpoint[p] ?? 0;
      const bz = inBlossom[z] ?? 0;
      if (bz === by || label[bz] !== 1) continue;
      const k = p >> 1;
      const s = this.slack(k);
      if (s <= 0) {
        if (label[by] === 0) this.requeue(z);
        else if (label[y] === 0) {
          label[y] = 2;
          this.labelEnd[y] = p;
          this.allowEdge[k] = 1;
        }
      } else if (label[y] === 0 && (best === -1 || s < bestSlack)) {
        best = k;
        bestSlack = s;
      }
    }
    if (label[y] === 0 && best !== -1) this.setFreeBest(y, best, this.deltaSum + bestSlack);
  }

  /** Twice the slack of edge k (not valid inside blossoms). */
  private slack(k: number): number {
    const i = this.endpoint[2 * k] ?? 0;
    const j = this.endpoint[2 * k + 1] ?? 0;
    return this.dual(i) + this.dual(j) - 2 * (this.weight[k] ?? 0);
  }

  /**
   * The leaf vertices of blossom b, in the original's recursive order, written to leafBuffer;
   * returns how many. The buffer is shared: callers use it before the next call.
   */
  private blossomLeaves(b: number): number {
    const { n, leafBuffer, leafStackBlossom: stackB, leafStackIndex: stackI } = this;
    if (b < n) {
      leafBuffer[0] = b;
      return 1;
    }
    let count = 0;
    let depth = 0;
    stackB[0] = b;
    stackI[0] = 0;
    while (depth >= 0) {
      const childs = this.blossomChilds[stackB[depth] ?? 0] ?? NO_LIST;
      const i = stackI[depth] ?? 0;
      if (i >= childs.length) {
        depth--;
        continue;
      }
      stackI[depth] = i + 1;
      const t = childs[i] ?? 0;
      if (t < n) {
        leafBuffer[count++] = t;
      } else {
        depth++;
        stackB[depth] = t;
        stackI[depth] = 0;
      }
    }
    return count;
  }

  /**
   * Assigns label t to the top-level blossom containing vertex w, reached through the edge
   * with remote endpoint p.
   */
  private assignLabel(w: number, t: number, p: number): void {
    const b = this.inBlossom[w] ?? 0;
    this.label[w] = t;
    this.label[b] = t;
    this.labelEnd[w] = p;
    this.labelEnd[b] = p;
    this.bestEdge[w] = -1;
    this.bestEdge[b] = -1;
    // b joins the tree of the vertex that labels it (or roots its own).
    const root = p === -1 ? w : (this.treeOf[this.endpoint[p] ?? 0] ?? 0);
    const sign = t === 1 ? -1 : 1;
    const count = this.blossomLeaves(b);
    for (let i = 0; i < count; i++) {
      const x = this.leafBuffer[i] ?? 0;
      this.setSign(x, sign);
      if (this.treeOf[x] !== root) {
        this.treeOf[x] = root;
        this.addToTree(x, root);
      }
      // b became an S-vertex/blossom: add its vertices to the queue.
      if (t === 1) this.queue.push(x);
    }
    if (b >= this.n) {
      this.setSign(b, -sign);
      if (t === 2) this.pushExpiry(b);
    }
    if (t === 2) {
      // b became a T-vertex/blossom: assign label S to its mate. (For a non-trivial blossom
      // the base is the only vertex with an external mate.)
      const base = this.blossomBase[b] ?? 0;
      const mateEnd = this.mate[base] ?? 0;
      this.assignLabel(this.endpoint[mateEnd] ?? 0, 1, mateEnd ^ 1);
    }
  }

  /**
   * Traces back from vertices v and w to discover either a new blossom or an augmenting path.
   * Returns the base vertex of the new blossom, or -1.
   */
  private scanBlossom(vStart: number, wStart: number): number {
    const { label, labelEnd, inBlossom, endpoint, blossomBase } = this;
    // Trace back from v and w, placing breadcrumbs as we go.
    const path: number[] = [];
    let base = -1;
    let v = vStart;
    let w = wStart;
    while (v !== -1 || w !== -1) {
      // Look for a breadcrumb in v's blossom or put a new breadcrumb.
      let b = inBlossom[v] ?? 0;
      if (((label[b] ?? 0) & 4) !== 0) {
        base = blossomBase[b] ?? -1;
        break;
      }
      path.push(b);
      label[b] = 5;
      // Trace one step back.
      if (labelEnd[b] === -1) {
        // The base of blossom b is single; stop tracing this path.
        v = -1;
      } else {
        v = endpoint[labelEnd[b] ?? 0] ?? 0;
        b = inBlossom[v] ?? 0;
        // b is a T-blossom; trace one more step back.
        v = endpoint[labelEnd[b] ?? 0] ?? 0;
      }
      // Swap v and w so that we alternate between both paths.
      if (w !== -1) {
        const swap = v;
        v = w;
        w = swap;
      }
    }
    // Remove breadcrumbs.
    for (const b of path) label[b] = 1;
    return base;
  }

  /**
   * Constructs a new blossom with the given base, containing edge k which connects a pair of
   * S-vertices. Labels it S, sets its dual variable to zero, relabels its T-vertices to S and
   * adds them to the queue.
   */
  private addBlossom(base: number, k: number): void {
    const { label, labelEnd, inBlossom, endpoint, blossomParent } = this;
    let v = endpoint[2 * k] ?? 0;
    let w = endpoint[2 * k + 1] ?? 0;
    const bb = inBlossom[base] ?? 0;
    let bv = inBlossom[v] ?? 0;
    let bw = inBlossom[w] ?? 0;
    // Create the blossom.
    const b = this.unusedBlossoms[--this.unusedCount] ?? 0;
    this.blossomBase[b] = base;
    blossomParent[b] = -1;
    blossomParent[bb] = b;
    // The list of sub-blossoms and their interconnecting edge endpoints.
    const path: number[] = [];
    const endps: number[] = [];
    // Trace back from v to base.
    while (bv !== bb) {
      // Add bv to the new blossom.
      blossomParent[bv] = b;
      path.push(bv);
      endps.push(labelEnd[bv] ?? 0);
      // Trace one step back.
      v = endpoint[labelEnd[bv] ?? 0] ?? 0;
      bv = inBlossom[v] ?? 0;
    }
    // Reverse the lists, add the endpoint that connects the pair of S-vertices.
    path.push(bb);
    path.reverse();
    endps.reverse();
    endps.push(2 * k);
    // Trace back from w to base.
    while (bw !== bb) {
      // Add bw to the new blossom.
      blossomParent[bw] = b;
      path.push(bw);
      endps.push((labelEnd[bw] ?? 0) ^ 1);
      // Trace one step back.
      w = endpoint[labelEnd[bw] ?? 0] ?? 0;
      bw = inBlossom[w] ?? 0;
    }
    this.blossomChilds[b] = Int32Array.from(path);
    this.blossomEndps[b] = Int32Array.from(endps);
    // Set the label to S, the dual variable to zero.
    label[b] = 1;
    labelEnd[b] = labelEnd[bb] ?? -1;
    this.dualSign[b] = 1;
    this.dualVar[b] = -this.deltaSum;
    // Relabel the vertices.
    const leaves = this.blossomLeaves(b);
    for (let i = 0; i < leaves; i++) {
      const x = this.leafBuffer[i] ?? 0;
      // A T-vertex becomes an S-vertex as part of an S-blossom: add it to the queue.
      if (label[inBlossom[x] ?? 0] === 2) this.queue.push(x);
      inBlossom[x] = b;
      this.setSign(x, -1);
    }
    // The sub-blossoms' z stay as they are while they are inside b.
    for (const sub of path) if (sub >= this.n) this.setSign(sub, 0);
    // Compute blossomBestEdges[b]: per neighbouring S-blossom, the least-slack edge to it.
    const { bestEdgeTo } = this;
    const touched: number[] = [];
    const consider = (edge: number): void => {
      let j = endpoint[2 * edge + 1] ?? 0;
      if (inBlossom[j] === b) j = endpoint[2 * edge] ?? 0;
      const bj = inBlossom[j] ?? 0;
      if (bj === b || label[bj] !== 1) return;
      const current = bestEdgeTo[bj] ?? -1;
      if (current === -1) touched.push(bj);
      if (current === -1 || this.slack(edge) < this.slack(current)) bestEdgeTo[bj] = edge;
    };
    for (const sub of path) {
      const own = this.blossomBestEdges[sub] ?? null;
      if (own === null) {
        // This sub-blossom has no list of least-slack edges; get it from its vertices.
        const count = this.blossomLeaves(sub);
        for (let i = 0; i < count; i++) {
          const x = this.leafBuffer[i] ?? 0;
          const to = this.neighbStart[x + 1] ?? 0;
          for (let at = this.neighbStart[x] ?? 0; at < to; at++)
            consider((this.neighbEnd[at] ?? 0) >> 1);
        }
      } else {
        // Walk this sub-blossom's least-slack edges.
        for (const edge of own) consider(edge);
      }
      // Forget about the least-slack edges of the sub-blossom.
      this.blossomBestEdges[sub] = null;
      this.bestEdge[sub] = -1;
    }
    // In blossom-number order, as the original's scan of a 2n-long array gives.
    touched.sort((x, y) => x - y);
    const list = new Int32Array(touched.length);
    for (let i = 0; i < touched.length; i++) {
      const bj = touched[i] ?? 0;
      list[i] = bestEdgeTo[bj] ?? -1;
      bestEdgeTo[bj] = -1;
    }
    this.blossomBestEdges[b] = list;
    // Select bestEdge[b].
    let best = -1;
    let bestSlack = 0;
    for (const edge of list) {
      const s = this.slack(edge);
      if (best === -1 || s < bestSlack) {
        best = edge;
        bestSlack = s;
      }
    }
    if (best === -1) this.bestEdge[b] = -1;
    else this.setSBest(b, best, this.deltaSum + bestSlack / 2);
  }

  /** Expands the given top-level blossom. */
  private expandBlossom(b: number, endStage: boolean): void {
    const { n, label, labelEnd, inBlossom, endpoint, blossomParent, allowEdge } = this;
    const childs = this.blossomChilds[b] ?? NO_LIST;
    const endps = this.blossomEndps[b] ?? NO_LIST;
    // Convert sub-blossoms into top-level blossoms.
    for (const s of childs) {
      blossomParent[s] = -1;
      if (s < n) {
        inBlossom[s] = s;
      } else if (endStage && this.dual(s) === 0) {
        // Recursively expand this sub-blossom.
        this.expandBlossom(s, endStage);
      } else {
        const count = this.blossomLeaves(s);
        for (let i = 0; i < count; i++) inBlossom[this.leafBuffer[i] ?? 0] = s;
      }
    }
    // If we expand a T-blossom during a stage, its sub-blossoms must be relabeled.
    if (!endStage && label[b] === 2) {
      // Start at the sub-blossom through which the expanding blossom obtained its label, and
      // relabel sub-blossoms until we reach the base.
      const entryChild = inBlossom[endpoint[(labelEnd[b] ?? 0) ^ 1] ?? 0] ?? 0;
      // Decide in which direction we will go round the blossom.
      let j = childs.indexOf(entryChild);
      let jStep: number;
      let endpTrick: number;
      if ((j & 1) !== 0) {
        // Start index is odd; go forward and wrap.
        j -= childs.length;
        jStep = 1;
        endpTrick = 0;
      } else {
        // Start index is even; go backward.
        jStep = -1;
        endpTrick = 1;
      }
      // Move along the blossom until we get to the base.
      let p = labelEnd[b] ?? 0;
      while (j !== 0) {
        // Relabel the T-sub-blossom.
        label[endpoint[p ^ 1] ?? 0] = 0;
        label[endpoint[at(endps, j - endpTrick) ^ endpTrick ^ 1] ?? 0] = 0;
        this.assignLabel(endpoint[p ^ 1] ?? 0, 2, p);
        // Step to the next S-sub-blossom and note its forward endpoint.
        allowEdge[at(endps, j - endpTrick) >> 1] = 1;
        j += jStep;
        p = at(endps, j - endpTrick) ^ endpTrick;
        // Step to the next T-sub-blossom.
        allowEdge[p >> 1] = 1;
        j += jStep;
      }
      // Relabel the base T-sub-blossom WITHOUT stepping through to its mate (so don't call
      // assignLabel).
      let bv = at(childs, j);
      label[endpoint[p ^ 1] ?? 0] = 2;
      label[bv] = 2;
      labelEnd[endpoint[p ^ 1] ?? 0] = p;
      labelEnd[bv] = p;
      this.bestEdge[bv] = -1;
      // Continue along the blossom until we get back to entryChild.
      j += jStep;
      while (at(childs, j) !== entryChild) {
        // Examine the vertices of the sub-blossom to see whether it is reachable from a
        // neighbouring S-vertex outside the expanding blossom.
        bv = at(childs, j);
        if (label[bv] === 1) {
          // This sub-blossom just got label S through one of its neighbours; leave it.
          j += jStep;
          continue;
        }
        let reached = -1;
        const count = this.blossomLeaves(bv);
        for (let i = 0; i < count; i++) {
          const x = this.leafBuffer[i] ?? 0;
          if (label[x] !== 0) {
            reached = x;
            break;
          }
        }
        // If the sub-blossom contains a reachable vertex, assign label T to the sub-blossom.
        if (reached >= 0) {
          label[reached] = 0;
          label[endpoint[this.mate[this.blossomBase[bv] ?? 0] ?? 0] ?? 0] = 0;
          this.assignLabel(reached, 2, labelEnd[reached] ?? 0);
        }
        j += jStep;
      }
      // The sub-blossoms' duals follow their new labels. The ones left free were T-vertices:
      // the tightening times of their least-slack edges changed meanwhile.
      for (const s of childs) {
        const l = label[s] ?? 0;
        if (s >= n) {
          this.setSign(s, l === 1 ? 1 : l === 2 ? -1 : 0);
          if (l === 2) this.pushExpiry(s);
        }
        if (l === 1 || l === 2) {
          const count = this.blossomLeaves(s);
          for (let i = 0; i < count; i++) this.setSign(this.leafBuffer[i] ?? 0, l === 1 ? -1 : 1);
          continue;
        }
        const count = this.blossomLeaves(s);
        for (let i = 0; i < count; i++) {
          const x = this.leafBuffer[i] ?? 0;
          this.setSign(x, 0);
          const e = this.bestEdge[x] ?? -1;
          if (e !== -1) this.setFreeBest(x, e, this.deltaSum + this.slack(e));
        }
      }
    }
    // Recycle the blossom number.
    this.dualSign[b] = 0;
    this.dualVar[b] = 0;
    label[b] = -1;
    labelEnd[b] = -1;
    this.blossomChilds[b] = NO_LIST;
    this.blossomEndps[b] = NO_LIST;
    this.blossomBase[b] = -1;
    this.blossomBestEdges[b] = null;
    this.bestEdge[b] = -1;
    this.unusedBlossoms[this.unusedCount++] = b;
  }

  /**
   * Swaps matched and unmatched edges over an alternating path through blossom b between
   * vertex v and the base vertex, keeping the blossom bookkeeping consistent.
   */
  private augmentBlossom(b: number, v: number): void {
    const { n, endpoint, mate } = this;
    // Bubble up through the blossom tree from vertex v to an immediate sub-blossom of b.
    let t = v;
    while (this.blossomParent[t] !== b) t = this.blossomParent[t] ?? 0;
    // Recursively deal with the first sub-blossom.
    if (t >= n) this.augmentBlossom(t, v);
    const childs = this.blossomChilds[b] ?? NO_LIST;
    const endps = this.blossomEndps[b] ?? NO_LIST;
    // Decide in which direction we will go round the blossom.
    const i = childs.indexOf(t);
    let j = i;
    let jStep: number;
    let endpTrick: number;
    if ((i & 1) !== 0) {
      // Start index is odd; go forward and wrap.
      j -= childs.length;
      jStep = 1;
      endpTrick = 0;
    } else {
      // Start index is even; go backward.
      jStep = -1;
      endpTrick = 1;
    }
    // Move along the blossom until we get to the base.
    while (j !== 0) {
      // Step to the next sub-blossom and augment it recursively.
      j += jStep;
      t = at(childs, j);
      const p = at(endps, j - endpTrick) ^ endpTrick;
      if (t >= n) this.augmentBlossom(t, endpoint[p] ?? 0);
      // Step to the next sub-blossom and augment it recursively.
      j += jStep;
      t = at(childs, j);
      if (t >= n) this.augmentBlossom(t, endpoint[p ^ 1] ?? 0);
      // Match the edge connecting those sub-blossoms.
      mate[endpoint[p] ?? 0] = p ^ 1;
      mate[endpoint[p ^ 1] ?? 0] = p;
    }
    // Rotate the lists of sub-blossoms and endpoints to put the new base at the front.
    const rotatedChilds = new Int32Array(childs.length);
    rotatedChilds.set(childs.subarray(i));
    rotatedChilds.set(childs.subarray(0, i), childs.length - i);
    const rotatedEndps = new Int32Array(endps.length);
    rotatedEndps.set(endps.subarray(i));
    rotatedEndps.set(endps.subarray(0, i), endps.length - i);
    this.blossomChilds[b] = rotatedChilds;
    this.blossomEndps[b] = rotatedEndps;
    this.blossomBase[b] = this.blossomBase[rotatedChilds[0] ?? 0] ?? -1;
  }

  /**
   * Swaps matched and unmatched edges over an alternating path between two single vertices.
   * The augmenting path runs through edge k, which connects a pair of S-vertices.
   */
  private augmentMatching(k: number): void {
    const { n, endpoint, mate, labelEnd, inBlossom } = this;
    const starts: [number, number][] = [
      [endpoint[2 * k] ?? 0, 2 * k + 1],
      [endpoint[2 * k + 1] ?? 0, 2 * k],
    ];
    for (const [first, firstP] of starts) {
      // Match vertex s to remote endpoint p. Then trace back from s until we find a single
      // vertex, swapping matched and unmatched edges as we go.
      let s = first;
      let p = firstP;
      for (;;) {
        const bs = inBlossom[s] ?? 0;
        // Augment through the S-blossom from s to base.
        if (bs >= n) this.augmentBlossom(bs, s);
        // Update mate[s].
        mate[s] = p;
        // Trace one step back.
        const back = labelEnd[bs] ?? -1;
        if (back === -1) break; // Reached a single vertex; stop.
        const t = endpoint[back] ?? 0;
        const bt = inBlossom[t] ?? 0;
        // Trace one more step back.
        const btEnd = labelEnd[bt] ?? 0;
        s = endpoint[btEnd] ?? 0;
        const j = endpoint[btEnd ^ 1] ?? 0;
        // Augment through the T-blossom from j to base.
        if (bt >= n) this.augmentBlossom(bt, j);
        // Update mate[j].
        mate[j] = btEnd;
        // Keep the opposite endpoint; it will be assigned to mate[s] in the next step.
        p = btEnd ^ 1;
      }
    }
  }
}
