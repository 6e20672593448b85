"""The exact optimum of a sparse b-matching and its dual prices, compiled (numba).

Pure module, no Django. The graph is given by mentee (CSR: ``indptr``, ``cols``, ``gains``); mentor j
takes at most ``slots[j]`` mentees, a mentee at most one mentor, and anybody may stay without a pair.

:func:`solve` is the Hungarian method with mentees added one at a time (successive shortest paths,
Dijkstra on reduced costs): it keeps prices ``u`` (mentees) and ``v`` (mentors) with

* u_i + v_j >= gain_ij on every couple of the graph, u >= 0, v >= 0 (dual feasibility),
* u_i + v_j = gain_ij on every pair made, u_i = 0 for a mentee without a pair, v_j = 0 for a mentor
  with a free place (complementary slackness),

so the assignment it returns is optimal on the graph and those prices prove it. A mentor has one node
and its places are interchangeable: a search that reaches a full mentor goes on through the mentees it
holds; one that reaches a mentor with a free place, or a mentee who can leave its pair (lowering its
price to 0), ends there.

:func:`distances` recomputes the prices as the shortest distances from the outside in the residual
graph (Dijkstra with the solver's prices as potentials): the mentors' prices as high as the optimum
allows and the mentees' as low, which is what proves the most couples left out of the graph useless.

The engine (``matching._solve_sparse``) checks the prices against every eligible couple of the pool
itself, and checks the complementary slackness again in numpy: nothing here is trusted unchecked.
"""

from __future__ import annotations

import numpy as np
from numba import njit

INF = np.inf


@njit(cache=True, inline="always")
def _push(heap_key, heap_node, size, key, node):
    at = size
    heap_key[at] = key
    heap_node[at] = node
    while at > 0:
        parent = (at - 1) >> 1
        if heap_key[parent] <= heap_key[at]:
            break
        heap_key[parent], heap_key[at] = heap_key[at], heap_key[parent]
        heap_node[parent], heap_node[at] = heap_node[at], heap_node[parent]
        at = parent
    return size + 1


@njit(cache=True, inline="always")
def _pop(heap_key, heap_node, size):
    """Remove the top (read it before calling); returns the new size."""
    size -= 1
    heap_key[0] = heap_key[size]
    heap_node[0] = heap_node[size]
    at = 0
    while True:
        left = 2 * at + 1
        if left >= size:
            break
        child = left
        if left + 1 < size and heap_key[left + 1] < heap_key[left]:
            child = left + 1
        if heap_key[at] <= heap_key[child]:
            break
        heap_key[child], heap_key[at] = heap_key[at], heap_key[child]
        heap_node[child], heap_node[at] = heap_node[at], heap_node[child]
        at = child
    return size


@njit(cache=True, inline="always")
def _blocks(slots, assigned, n):
    """The mentees each mentor holds: a block of ``slots[j]`` cells from ``start[j]``, ``held[j]`` of
    them filled, ``where[i]`` the cell of mentee i. A mentee beyond its mentor's places loses its pair
    (``assigned[i] = -1``). Returns (start, members, held, where)."""
    k = len(slots)
    start = np.zeros(k + 1, dtype=np.int64)
    for j in range(k):
        start[j + 1] = start[j] + max(slots[j], 0)
    members = np.full(start[k], -1, dtype=np.int64)
    held = np.zeros(k, dtype=np.int64)
    where = np.full(n, -1, dtype=np.int64)
    for i in range(n):
        j = assigned[i]
        if j >= 0:
            if held[j] < slots[j]:
                members[start[j] + held[j]] = i
                where[i] = start[j] + held[j]
                held[j] += 1
            else:
                assigned[i] = -1  # no place for it (cannot happen from an optimum): added again
    return start, members, held, where


@njit(cache=True, inline="always")
def _leave(i, j, start, members, held, where):
    """Mentee i leaves the block of mentor j: the last of the block takes its cell."""
    cell = where[i]
    last = start[j] + held[j] - 1
    members[cell] = members[last]
    where[members[cell]] = cell
    held[j] -= 1


@njit(cache=True, inline="always")
def _join(i, j, start, members, held, where):
    """Mentee i joins the block of mentor j."""
    cell = start[j] + held[j]
    members[cell] = i
    where[i] = cell
    held[j] += 1


@njit(cache=True)
def solve(indptr, cols, gains, slots, order, prices):
    """:func:`resume` from nobody paired: the mentees of ``order`` added one at a time."""
    n = len(indptr) - 1
    return resume(indptr, cols, gains, slots, order, prices, np.full(n, -1, dtype=np.int64), np.zeros(n))


@njit(cache=True)
def resume(indptr, cols, gains, slots, order, prices, paired, values):
    """The maximum-gain b-matching of the graph, mentees added in ``order``, starting from the mentor
    prices ``prices`` (any guess >= 0: zeros, an auction's, a previous optimum's).

    Forward: each mentee in turn takes its best deal at the prices, along a shortest path of reduced
    costs that ends at a mentor with a free place or at a mentee who leaves its pair; the prices of the
    nodes on the way move so that every couple stays priced right. Prices only rise in this phase, so
    a mentor priced above 0 by the guess may end with a free place: backward, each such mentor lowers
    its price along a shortest path until someone takes the place or its price is 0.

    Started from an optimum of a smaller graph (``paired``, its prices ``values`` per mentee and
    ``prices`` per mentor), only the mentees whose couples the prices no longer hold need to be in
    ``order``: the others keep their pairs, which the prices hold. (Nobody paired: every mentee.)

    Returns (mentor of each mentee or -1, u per mentee, v per mentor, nodes scanned)."""
    n = len(indptr) - 1
    k = len(slots)
    assigned = paired.copy()
    u = values.copy()
    v = prices.copy()
    for j in range(k):
        if v[j] < 0.0:
            v[j] = 0.0
    start, members, held, where = _blocks(slots, assigned, n)
    # search state, reset through stamps
    dist = np.full(n + k, INF)
    stamp = np.full(n + k, -1, dtype=np.int64)
    done = np.zeros(n + k, dtype=np.int64) - 1
    came = np.full(k, -1, dtype=np.int64)  # the mentee a mentor was reached from
    heap_key = np.empty(len(cols) + n + k + 1)
    heap_node = np.empty(len(cols) + n + k + 1, dtype=np.int64)
    scanned = np.empty(n + k, dtype=np.int64)
    total_scanned = 0
    for t in range(len(order)):
        r = order[t]
        if assigned[r] >= 0:  # it leaves its pair and is added again
            _leave(r, assigned[r], start, members, held, where)
            assigned[r] = -1
            where[r] = -1
        u[r] = _best_deal(indptr, cols, gains, v, r)
        if u[r] <= 0.0:
            continue  # nothing worth taking: stays without a pair at price 0
        n_scanned, end, end_mentor, end_mentee = _forward_search(
            r, t, n, indptr, cols, gains, slots, assigned, u, v, start, members, held,
            dist, stamp, done, came, heap_key, heap_node, scanned,
        )
        _reprice_forward(scanned, n_scanned, dist, end, n, u, v)
        total_scanned += n_scanned
        if end_mentee == r:
            u[r] = 0.0  # its best deal is to stay without a pair
        else:
            _augment_forward(r, end_mentor, end_mentee, assigned, u, came, start, members, held, where)
    total_scanned += _backward(indptr, cols, gains, slots, assigned, u, v, start, members, held, where)
    return assigned, u, v, total_scanned


@njit(cache=True, inline="always")
def _best_deal(indptr, cols, gains, v, r):
    """What mentee r gains at best at the prices ``v`` (0: nothing worth taking)."""
    best = 0.0
    for e in range(indptr[r], indptr[r + 1]):
        x = gains[e] - v[cols[e]]
        if x > best:
            best = x
    return best


@njit(cache=True, inline="always")
def _forward_search(
    r, t, n, indptr, cols, gains, slots, assigned, u, v, start, members, held,
    dist, stamp, done, came, heap_key, heap_node, scanned,
):
    """Search ``t`` of :func:`resume`: Dijkstra on reduced costs from mentee r until the nearest way to
    end (a mentor with a free place, or a mentee leaving its pair). Returns (nodes scanned into
    ``scanned``, the length of that end, the mentor or -1, the mentee or -1)."""
    dist[r] = 0.0
    stamp[r] = t
    size = _push(heap_key, heap_node, 0, 0.0, r)
    n_scanned = 0
    end = INF  # the length of the best way to end found so far
    end_mentor = -1  # a mentor with a free place...
    end_mentee = -1  # ...or a mentee leaving its pair
    while size > 0:
        d = heap_key[0]
        node = heap_node[0]
        if d >= end:
            break
        size = _pop(heap_key, heap_node, size)
        if done[node] == t or d > dist[node]:
            continue
        done[node] = t
        scanned[n_scanned] = node
        n_scanned += 1
        if node < n:
            size, end, end_mentor, end_mentee = _forward_from_mentee(
                node, d, t, n, indptr, cols, gains, slots, assigned, u, v, held,
                dist, stamp, came, heap_key, heap_node, size, end, end_mentor, end_mentee,
            )
        else:
            size = _forward_from_mentor(
                node - n, d, t, start, members, held, dist, stamp, heap_key, heap_node, size
            )
    return n_scanned, end, end_mentor, end_mentee


@njit(cache=True, inline="always")
def _forward_from_mentee(
    i, d, t, n, indptr, cols, gains, slots, assigned, u, v, held,
    dist, stamp, came, heap_key, heap_node, size, end, end_mentor, end_mentee,
):
    """Mentee i scanned at distance d: it may leave its pair, or go on to the mentors of its couples.
    Returns (heap size, end, end_mentor, end_mentee)."""
    leave = d + u[i]  # i leaves its pair: its price falls to 0
    if leave < end:
        end = leave
        end_mentee = i
        end_mentor = -1
    for e in range(indptr[i], indptr[i + 1]):
        j = cols[e]
        if j == assigned[i]:
            continue
        reduced = u[i] + v[j] - gains[e]
        if reduced < 0.0:
            reduced = 0.0
        nd = d + reduced
        node_j = n + j
        if stamp[node_j] != t or nd < dist[node_j]:
            stamp[node_j] = t
            dist[node_j] = nd
            came[j] = i
            if held[j] < slots[j]:
                if nd < end:
                    end = nd
                    end_mentor = j
                    end_mentee = -1
            else:
                size = _push(heap_key, heap_node, size, nd, node_j)
    return size, end, end_mentor, end_mentee


@njit(cache=True, inline="always")
def _forward_from_mentor(j, d, t, start, members, held, dist, stamp, heap_key, heap_node, size):
    """Full mentor j scanned at distance d: the search goes on through the mentees it holds."""
    for cell in range(start[j], start[j] + held[j]):
        i = members[cell]
        # the pair (i, j) is tight: reduced cost 0 (up to rounding)
        nd = d
        if stamp[i] != t or nd < dist[i]:
            stamp[i] = t
            dist[i] = nd
            size = _push(heap_key, heap_node, size, nd, i)
    return size


@njit(cache=True, inline="always")
def _reprice_forward(scanned, n_scanned, dist, end, n, u, v):
    """Prices: every node scanned nearer than the end moves by the difference."""
    for s in range(n_scanned):
        node = scanned[s]
        delta = end - dist[node]
        if delta <= 0.0:
            continue
        if node < n:
            u[node] -= delta
            if u[node] < 0.0:
                u[node] = 0.0
        else:
            v[node - n] += delta


@njit(cache=True, inline="always")
def _augment_forward(r, end_mentor, end_mentee, assigned, u, came, start, members, held, where):
    """The pairs along the path found for mentee r (the end is not r itself leaving)."""
    if end_mentee >= 0:
        i = end_mentee
        j = assigned[i]
        _leave(i, j, start, members, held, where)  # i leaves j
        assigned[i] = -1
        where[i] = -1
        u[i] = 0.0
        cur = j
    else:
        cur = end_mentor
    while True:
        i = came[cur]
        old = assigned[i]
        if old >= 0:
            _leave(i, old, start, members, held, where)
        _join(i, cur, start, members, held, where)
        assigned[i] = cur
        if i == r:
            break
        cur = old


@njit(cache=True)
def _backward(indptr, cols, gains, slots, assigned, u, v, start, members, held, where):
    """Every mentor with a free place and a price above 0 lowers its price along shortest paths
    (mentor → a mentee who could take it → that mentee's mentor …) until a mentee without a pair
    takes a place or a mentor on the way ends at price 0. The mirror of the forward search."""
    n = len(indptr) - 1
    k = len(slots)
    cptr, crow, cgain = _by_mentor(indptr, cols, gains, k)
    dist = np.full(n + k, INF)
    stamp = np.full(n + k, -1, dtype=np.int64)
    done = np.full(n + k, -1, dtype=np.int64)
    came = np.full(n, -1, dtype=np.int64)  # the mentor a mentee was reached from
    via = np.full(k, -1, dtype=np.int64)  # the mentee (it holds) a mentor was reached through
    path = np.empty(n, dtype=np.int64)
    heap_key = np.empty(len(cols) + n + k + 1)
    heap_node = np.empty(len(cols) + n + k + 1, dtype=np.int64)
    scanned = np.empty(n + k, dtype=np.int64)
    total_scanned = 0
    t = -1
    for j0 in range(k):
        while held[j0] < slots[j0] and v[j0] > 0.0:
            t += 1
            n_scanned, end, end_mentor, end_mentee = _backward_search(
                j0, t, n, cptr, crow, cgain, assigned, u, v, start, members, held,
                dist, stamp, done, came, via, heap_key, heap_node, scanned,
            )
            _reprice_backward(scanned, n_scanned, dist, end, n, u, v)
            total_scanned += n_scanned
            if end_mentor >= 0:
                v[end_mentor] = 0.0
                if end_mentor == j0:
                    continue
                i = via[end_mentor]
            else:
                i = end_mentee
            _shift_path(i, j0, came, via, path, assigned, start, members, held, where)
    return total_scanned


@njit(cache=True, inline="always")
def _by_mentor(indptr, cols, gains, k):
    """The couples by mentor (CSC): (pointers, mentee of each couple, its gain)."""
    n = len(indptr) - 1
    counts = np.zeros(k + 1, dtype=np.int64)
    for e in range(len(cols)):
        counts[cols[e] + 1] += 1
    cptr = np.cumsum(counts)
    crow = np.empty(len(cols), dtype=np.int64)
    cgain = np.empty(len(cols))
    fill = cptr[:k].copy()
    for i in range(n):
        for e in range(indptr[i], indptr[i + 1]):
            j = cols[e]
            crow[fill[j]] = i
            cgain[fill[j]] = gains[e]
            fill[j] += 1
    return cptr, crow, cgain


@njit(cache=True, inline="always")
def _backward_search(
    j0, t, n, cptr, crow, cgain, assigned, u, v, start, members, held,
    dist, stamp, done, came, via, heap_key, heap_node, scanned,
):
    """Search ``t`` of :func:`_backward`: Dijkstra on reduced costs from mentor j0 until the nearest way
    to end (a mentor whose price falls to 0, or a mentee without a pair who takes a place). Returns
    (nodes scanned into ``scanned``, the length of that end, the mentor or -1, the mentee or -1)."""
    dist[n + j0] = 0.0
    stamp[n + j0] = t
    size = _push(heap_key, heap_node, 0, 0.0, n + j0)
    n_scanned = 0
    end = INF
    end_mentor = -1  # a mentor whose price falls to 0...
    end_mentee = -1  # ...or a mentee without a pair who takes a place
    while size > 0:
        d = heap_key[0]
        node = heap_node[0]
        if d >= end:
            break
        size = _pop(heap_key, heap_node, size)
        if done[node] == t or d > dist[node]:
            continue
        done[node] = t
        scanned[n_scanned] = node
        n_scanned += 1
        if node >= n:
            size, end, end_mentor, end_mentee = _backward_from_mentor(
                node - n, d, t, cptr, crow, cgain, assigned, u, v, start, members, held,
                dist, stamp, came, heap_key, heap_node, size, end, end_mentor, end_mentee,
            )
        else:
            size = _backward_from_mentee(
                node, d, t, n, assigned, dist, stamp, came, via, heap_key, heap_node, size
            )
    return n_scanned, end, end_mentor, end_mentee


@njit(cache=True, inline="always")
def _backward_from_mentor(
    j, d, t, cptr, crow, cgain, assigned, u, v, start, members, held,
    dist, stamp, came, heap_key, heap_node, size, end, end_mentor, end_mentee,
):
    """Mentor j scanned at distance d: its price may fall to 0; its mentees follow it; the mentees of
    its other couples may come to it. Returns (heap size, end, end_mentor, end_mentee)."""
    drop = d + v[j]
    if drop < end:
        end = drop
        end_mentor = j
        end_mentee = -1
    # its mentees follow its price (their pairs stay tight): reached at the same distance
    for cell in range(start[j], start[j] + held[j]):
        i = members[cell]
        if stamp[i] != t or d < dist[i]:
            stamp[i] = t
            dist[i] = d
            came[i] = -1
            size = _push(heap_key, heap_node, size, d, i)
    for e in range(cptr[j], cptr[j + 1]):
        i = crow[e]
        if assigned[i] == j:
            continue
        reduced = u[i] + v[j] - cgain[e]
        if reduced < 0.0:
            reduced = 0.0
        nd = d + reduced
        if stamp[i] != t or nd < dist[i]:
            stamp[i] = t
            dist[i] = nd
            came[i] = j
            if assigned[i] < 0:
                if nd < end:
                    end = nd
                    end_mentee = i
                    end_mentor = -1
            else:
                size = _push(heap_key, heap_node, size, nd, i)
    return size, end, end_mentor, end_mentee


@njit(cache=True, inline="always")
def _backward_from_mentee(i, d, t, n, assigned, dist, stamp, came, via, heap_key, heap_node, size):
    """Mentee i (with a pair) scanned at distance d: reached from another mentor, it leads to its own."""
    j = assigned[i]
    if came[i] >= 0:  # else reached as one of its mentor's mentees
        nd = d  # the pair (i, j) is tight
        if stamp[n + j] != t or nd < dist[n + j]:
            stamp[n + j] = t
            dist[n + j] = nd
            via[j] = i
            size = _push(heap_key, heap_node, size, nd, n + j)
    return size


@njit(cache=True, inline="always")
def _reprice_backward(scanned, n_scanned, dist, end, n, u, v):
    """Prices: every node scanned nearer than the end moves by the difference (mentors down)."""
    for s_ in range(n_scanned):
        node = scanned[s_]
        delta = end - dist[node]
        if delta <= 0.0:
            continue
        if node >= n:
            v[node - n] -= delta
            if v[node - n] < 0.0:
                v[node - n] = 0.0
        else:
            u[node] += delta


@njit(cache=True, inline="always")
def _shift_path(i, j0, came, via, path, assigned, start, members, held, where):
    """The mentees on the way, from the end (mentee i) back to j0: each moves to the mentor it was
    reached from (first all leave, then all join: a full mentor gives one and takes one)."""
    length = 0
    while True:
        path[length] = i
        length += 1
        to = came[i]
        if to == j0:
            break
        i = via[to]
    for step in range(length):
        i = path[step]
        old = assigned[i]
        if old >= 0:
            _leave(i, old, start, members, held, where)
    for step in range(length):
        i = path[step]
        to = came[i]
        _join(i, to, start, members, held, where)
        assigned[i] = to


@njit(cache=True)
def distances(indptr, cols, gains, slots, assigned, u, v):
    """Prices from the shortest distances from the outside (z) in the residual graph of ``assigned``:
    (u, v), with ``u``, ``v`` (the solver's prices) as Dijkstra's potentials. Arcs: mentee → mentor
    (take the couple, -gain), mentor → the mentees it holds (+gain), z → a mentee without a pair and
    z → a mentor holding someone (0), a mentee with a pair → z and a mentor with a free place → z (0).
    Returns u_i = max(d_i, 0) and v_j = max(-d_j, 0); a node out of reach has price 0."""
    n = len(indptr) - 1
    k = len(slots)
    start, members, held, pair_gain = _holdings(indptr, cols, gains, assigned, k)
    # potentials: phi(mentee) = u, phi(mentor) = -v, phi(z) = 0; reduced costs are >= 0
    red = np.full(n + k, INF)  # reduced distance from z
    done = np.zeros(n + k, dtype=np.bool_)
    heap_key = np.empty(len(cols) + 2 * (n + k) + 1)
    heap_node = np.empty(len(cols) + 2 * (n + k) + 1, dtype=np.int64)
    size = _from_outside(indptr, assigned, u, v, held, red, heap_key, heap_node)
    while size > 0:
        d = heap_key[0]
        node = heap_node[0]
        size = _pop(heap_key, heap_node, size)
        if done[node] or d > red[node]:
            continue
        done[node] = True
        if node < n:
            size = _relax_mentee(
                node, d, n, indptr, cols, gains, assigned, u, v, red, heap_key, heap_node, size
            )
        else:
            size = _relax_mentor(node - n, d, start, members, pair_gain, u, v, red, heap_key, heap_node, size)
    return _prices_from(red, u, v, n, k)


@njit(cache=True, inline="always")
def _holdings(indptr, cols, gains, assigned, k):
    """The mentees each mentor holds (``members[start[j]:start[j + 1]]``), how many, and the gain of
    each mentee's pair. Returns (start, members, held, pair_gain)."""
    n = len(indptr) - 1
    start = np.zeros(k + 1, dtype=np.int64)
    held = np.zeros(k, dtype=np.int64)
    for i in range(n):
        if assigned[i] >= 0:
            held[assigned[i]] += 1
    for j in range(k):
        start[j + 1] = start[j] + held[j]
    members = np.empty(start[k], dtype=np.int64)
    fill = start[:k].copy()
    pair_gain = np.zeros(n)  # the gain of each mentee's pair
    for i in range(n):
        j = assigned[i]
        if j >= 0:
            members[fill[j]] = i
            fill[j] += 1
            for e in range(indptr[i], indptr[i + 1]):
                if cols[e] == j:
                    pair_gain[i] = gains[e]
                    break
    return start, members, held, pair_gain


@njit(cache=True, inline="always")
def _from_outside(indptr, assigned, u, v, held, red, heap_key, heap_node):
    """The arcs from z: to every mentee without a pair (with a couple) and every mentor holding
    someone. Returns the heap size."""
    n = len(indptr) - 1
    size = 0
    for i in range(n):
        if assigned[i] < 0 and indptr[i + 1] > indptr[i]:
            key = 0.0 - u[i]  # 0 + phi(z) - phi(i)
            if key < 0.0:
                key = 0.0
            red[i] = key
            size = _push(heap_key, heap_node, size, key, i)
    for j in range(len(held)):
        if held[j] > 0:
            key = v[j]  # 0 + phi(z) - phi(j)
            if key < red[n + j]:
                red[n + j] = key
                size = _push(heap_key, heap_node, size, key, n + j)
    return size


@njit(cache=True, inline="always")
def _relax_mentee(i, d, n, indptr, cols, gains, assigned, u, v, red, heap_key, heap_node, size):
    """The arcs from mentee i (at reduced distance d) to the mentors of its other couples."""
    for e in range(indptr[i], indptr[i + 1]):
        j = cols[e]
        if j == assigned[i]:
            continue
        reduced = -gains[e] + u[i] + v[j]
        if reduced < 0.0:
            reduced = 0.0
        nd = d + reduced
        if nd < red[n + j]:
            red[n + j] = nd
            size = _push(heap_key, heap_node, size, nd, n + j)
    return size


@njit(cache=True, inline="always")
def _relax_mentor(j, d, start, members, pair_gain, u, v, red, heap_key, heap_node, size):
    """The arcs from mentor j (at reduced distance d) to the mentees it holds."""
    for cell in range(start[j], start[j + 1]):
        i = members[cell]
        reduced = pair_gain[i] - v[j] - u[i]  # 0 on a pair made, up to rounding
        if reduced < 0.0:
            reduced = 0.0
        nd = d + reduced
        if nd < red[i]:
            red[i] = nd
            size = _push(heap_key, heap_node, size, nd, i)
    return size


@njit(cache=True, inline="always")
def _prices_from(red, u, v, n, k):
    """u_i = max(d_i, 0) and v_j = max(-d_j, 0) from the reduced distances; 0 out of reach."""
    out_u = np.zeros(n)
    out_v = np.zeros(k)
    for i in range(n):
        if red[i] < INF:
            x = red[i] + u[i]
            out_u[i] = x if x > 0.0 else 0.0
    for j in range(k):
        if red[n + j] < INF:
            x = -(red[n + j] - v[j])
            out_v[j] = x if x > 0.0 else 0.0
    return out_u, out_v


@njit(cache=True)
def auction(indptr, cols, gains, slots, price, holder, offer, active, epsilon, patience, max_bids):
    """A forward auction (Gauss–Seidel: one bid at a time) for the b-matching on the graph, from the
    state given (``price`` per mentor, ``holder``: the mentor each mentee holds or -1, ``offer``: what
    it bid), the mentees ``active`` bidding. Each bids for its best mentor at the prices, offering the
    difference to its second best (or to staying without a pair) plus ``epsilon``; a full mentor
    drops its lowest offer, and its price is the lowest offer it keeps. The increment doubles every
    ``patience`` bids per bidder (a price war between equal offers). Returns the number of bids."""
    start, members, held, _where = _blocks(slots, holder, len(holder))
    stack = np.empty(len(holder) + len(active), dtype=np.int64)
    top = 0
    for t in range(len(active)):
        stack[top] = active[t]
        top += 1
    bids = 0
    step = max(1, patience * max(1, len(active)))
    while top > 0 and bids < max_bids:
        top -= 1
        i = stack[top]
        if holder[i] >= 0:
            continue
        best, second, chosen = _two_best(indptr, cols, gains, price, i)
        if chosen < 0 or best <= 0.0:
            continue  # nothing worth its price: gives up
        bids += 1
        if bids % step == 0:
            epsilon *= 2.0
        j = cols[chosen]
        bid = gains[chosen] - second + epsilon
        if held[j] < slots[j]:
            members[start[j] + held[j]] = i
            held[j] += 1
        else:
            low = _lowest_cell(j, start, members, held, offer)
            out = members[low]
            holder[out] = -1
            stack[top] = out
            top += 1
            members[low] = i
        holder[i] = j
        offer[i] = bid
        if held[j] >= slots[j]:
            price[j] = _lowest_offer(j, start, members, held, offer)
    return bids


@njit(cache=True, inline="always")
def _two_best(indptr, cols, gains, price, i):
    """Mentee i's best and second best deals at the prices (the second at least 0: no pair).
    Returns (best, second, the couple of the best or -1)."""
    best = -np.inf
    second = 0.0
    chosen = -1
    for e in range(indptr[i], indptr[i + 1]):
        x = gains[e] - price[cols[e]]
        if x > best:
            if best > second:
                second = best
            best = x
            chosen = e
        elif x > second:
            second = x
    return best, second, chosen


@njit(cache=True, inline="always")
def _lowest_cell(j, start, members, held, offer):
    """The cell of mentor j's block holding the lowest offer (the first of equal ones)."""
    low = start[j]
    for cell in range(start[j] + 1, start[j] + held[j]):
        if offer[members[cell]] < offer[members[low]]:
            low = cell
    return low


@njit(cache=True, inline="always")
def _lowest_offer(j, start, members, held, offer):
    """The lowest offer mentor j keeps (its price once full)."""
    lowest = np.inf
    for cell in range(start[j], start[j] + held[j]):
        if offer[members[cell]] < lowest:
            lowest = offer[members[cell]]
    return lowest
