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
    # the mentees each mentor holds: a block of slots[j] cells from start[j]
    start = np.zeros(k + 1, dtype=np.int64)
    for j in range(k):
        start[j + 1] = start[j] + max(slots[j], 0)
    members = np.full(start[k], -1, dtype=np.int64)
    held = np.zeros(k, dtype=np.int64)
    where = np.full(n, -1, dtype=np.int64)  # the cell of each mentee in its mentor's block
    for i in range(n):
        j = assigned[i]
        if j >= 0:
            if held[j] < slots[j]:
                members[start[j] + held[j]] = i
                where[i] = start[j] + held[j]
                held[j] += 1
            else:
                assigned[i] = -1  # no place for it (cannot happen from an optimum): added again
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
            j = assigned[r]
            cell = where[r]
            last = start[j] + held[j] - 1
            members[cell] = members[last]
            where[members[cell]] = cell
            held[j] -= 1
            assigned[r] = -1
            where[r] = -1
        a, b = indptr[r], indptr[r + 1]
        best = 0.0
        for e in range(a, b):
            x = gains[e] - v[cols[e]]
            if x > best:
                best = x
        u[r] = best
        if best <= 0.0:
            continue  # nothing worth taking: stays without a pair at price 0
        size = 0
        dist[r] = 0.0
        stamp[r] = t
        size = _push(heap_key, heap_node, size, 0.0, r)
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
                i = node
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
            else:
                j = node - n
                for cell in range(start[j], start[j] + held[j]):
                    i = members[cell]
                    # the pair (i, j) is tight: reduced cost 0 (up to rounding)
                    nd = d
                    if stamp[i] != t or nd < dist[i]:
                        stamp[i] = t
                        dist[i] = nd
                        size = _push(heap_key, heap_node, size, nd, i)
        # prices: every node scanned nearer than the end moves by the difference
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
        total_scanned += n_scanned
        # the pairs along the path
        if end_mentee >= 0:
            i = end_mentee
            if i == r:
                u[r] = 0.0
                continue
            j = assigned[i]
            # i leaves j
            cell = where[i]
            last = start[j] + held[j] - 1
            members[cell] = members[last]
            where[members[cell]] = cell
            held[j] -= 1
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
                cell = where[i]
                last = start[old] + held[old] - 1
                members[cell] = members[last]
                where[members[cell]] = cell
                held[old] -= 1
            cell = start[cur] + held[cur]
            members[cell] = i
            where[i] = cell
            held[cur] += 1
            assigned[i] = cur
            if i == r:
                break
            cur = old
    total_scanned += _backward(indptr, cols, gains, slots, assigned, u, v, start, members, held, where)
    return assigned, u, v, total_scanned


@njit(cache=True)
def _backward(indptr, cols, gains, slots, assigned, u, v, start, members, held, where):
    """Every mentor with a free place and a price above 0 lowers its price along shortest paths
    (mentor → a mentee who could take it → that mentee's mentor …) until a mentee without a pair
    takes a place or a mentor on the way ends at price 0. The mirror of the forward search."""
    n = len(indptr) - 1
    k = len(slots)
    # the couples by mentor
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
            size = 0
            dist[n + j0] = 0.0
            stamp[n + j0] = t
            size = _push(heap_key, heap_node, size, 0.0, n + j0)
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
                    j = node - n
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
                else:
                    i = node
                    j = assigned[i]
                    if came[i] < 0:
                        continue  # reached as one of its mentor's mentees
                    nd = d  # the pair (i, j) is tight
                    if stamp[n + j] != t or nd < dist[n + j]:
                        stamp[n + j] = t
                        dist[n + j] = nd
                        via[j] = i
                        size = _push(heap_key, heap_node, size, nd, n + j)
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
            total_scanned += n_scanned
            if end_mentor >= 0:
                v[end_mentor] = 0.0
                if end_mentor == j0:
                    continue
                i = via[end_mentor]
            else:
                i = end_mentee
            # the mentees on the way, from the end back to j0: each moves to the mentor it was reached
            # from (first all leave, then all join: a full mentor gives one and takes one)
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
                    cell = where[i]
                    last = start[old] + held[old] - 1
                    members[cell] = members[last]
                    where[members[cell]] = cell
                    held[old] -= 1
            for step in range(length):
                i = path[step]
                to = came[i]
                cell = start[to] + held[to]
                members[cell] = i
                where[i] = cell
                held[to] += 1
                assigned[i] = to
    return total_scanned


@njit(cache=True)
def distances(indptr, cols, gains, slots, assigned, u, v):
    """Prices from the shortest distances from the outside (z) in the residual graph of ``assigned``:
    (u, v), with ``u``, ``v`` (the solver's prices) as Dijkstra's potentials. Arcs: mentee → mentor
    (take the couple, -gain), mentor → the mentees it holds (+gain), z → a mentee without a pair and
    z → a mentor holding someone (0), a mentee with a pair → z and a mentor with a free place → z (0).
    Returns u_i = max(d_i, 0) and v_j = max(-d_j, 0); a node out of reach has price 0."""
    n = len(indptr) - 1
    k = len(slots)
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
    # potentials: phi(mentee) = u, phi(mentor) = -v, phi(z) = 0; reduced costs are >= 0
    red = np.full(n + k, INF)  # reduced distance from z
    done = np.zeros(n + k, dtype=np.bool_)
    heap_key = np.empty(len(cols) + 2 * (n + k) + 1)
    heap_node = np.empty(len(cols) + 2 * (n + k) + 1, dtype=np.int64)
    size = 0
    for i in range(n):
        if assigned[i] < 0 and indptr[i + 1] > indptr[i]:
            key = 0.0 - u[i]  # 0 + phi(z) - phi(i)
            if key < 0.0:
                key = 0.0
            red[i] = key
            size = _push(heap_key, heap_node, size, key, i)
    for j in range(k):
        if held[j] > 0:
            key = v[j]  # 0 + phi(z) - phi(j)
            if key < red[n + j]:
                red[n + j] = key
                size = _push(heap_key, heap_node, size, key, n + j)
    while size > 0:
        d = heap_key[0]
        node = heap_node[0]
        size = _pop(heap_key, heap_node, size)
        if done[node] or d > red[node]:
            continue
        done[node] = True
        if node < n:
            i = node
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
        else:
            j = node - n
            for cell in range(start[j], start[j + 1]):
                i = members[cell]
                reduced = pair_gain[i] - v[j] - u[i]  # 0 on a pair made, up to rounding
                if reduced < 0.0:
                    reduced = 0.0
                nd = d + reduced
                if nd < red[i]:
                    red[i] = nd
                    size = _push(heap_key, heap_node, size, nd, i)
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
    k = len(slots)
    start = np.zeros(k + 1, dtype=np.int64)
    for j in range(k):
        start[j + 1] = start[j] + max(slots[j], 0)
    members = np.full(start[k], -1, dtype=np.int64)
    held = np.zeros(k, dtype=np.int64)
    for i in range(len(holder)):
        j = holder[i]
        if j >= 0:
            if held[j] < slots[j]:
                members[start[j] + held[j]] = i
                held[j] += 1
            else:
                holder[i] = -1
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
            low = start[j]
            for cell in range(start[j] + 1, start[j] + held[j]):
                if offer[members[cell]] < offer[members[low]]:
                    low = cell
            out = members[low]
            holder[out] = -1
            stack[top] = out
            top += 1
            members[low] = i
        holder[i] = j
        offer[i] = bid
        if held[j] >= slots[j]:
            lowest = np.inf
            for cell in range(start[j], start[j] + held[j]):
                if offer[members[cell]] < lowest:
                    lowest = offer[members[cell]]
            price[j] = lowest
    return bids
