package org.stroom.ports.portmgr.capacity;

import java.util.Arrays;

/**
 * A small max-flow network (Edmonds–Karp) on int capacities, used to split ports between pools. Node 0 is the
 * source, node 1 the sink. Augmenting paths never pass through the source, so a flow already pushed over a
 * source edge is never taken back: serving pools one after another gives earlier pools priority, and the total is
 * still a maximum flow.
 *
 * <p>Thread-safety: not thread-safe; one network per evaluation.
 */
final class PortFlow {
    static final int SOURCE = 0;
    static final int SINK = 1;
    static final int INFINITE = Integer.MAX_VALUE / 4;

    private final int nodes;
    private int[] head;
    private int[] next;
    private int[] to;
    private int[] cap;
    private int[] flow;
    private int edges;

    PortFlow(int nodes) {
        this.nodes = nodes;
        head = new int[nodes];
        Arrays.fill(head, -1);
        next = new int[16];
        to = new int[16];
        cap = new int[16];
        flow = new int[16];
    }

    private PortFlow(PortFlow o) {
        nodes = o.nodes;
        head = o.head.clone();
        next = o.next.clone();
        to = o.to.clone();
        cap = o.cap.clone();
        flow = o.flow.clone();
        edges = o.edges;
    }

    PortFlow copy() {
        return new PortFlow(this);
    }

    /** @return the id of the forward edge */
    int addEdge(int u, int v, int capacity) {
        if (edges + 2 > to.length) {
            int n = to.length * 2;
            next = Arrays.copyOf(next, n);
            to = Arrays.copyOf(to, n);
            cap = Arrays.copyOf(cap, n);
            flow = Arrays.copyOf(flow, n);
        }
        int e = edges;
        to[e] = v;
        cap[e] = capacity;
        next[e] = head[u];
        head[u] = e;
        to[e + 1] = u;
        cap[e + 1] = 0;
        next[e + 1] = head[v];
        head[v] = e + 1;
        edges += 2;
        return e;
    }

    void setCapacity(int edge, int capacity) {
        cap[edge] = capacity;
    }

    int flow(int edge) {
        return flow[edge];
    }

    /**
     * Pushes as much flow as possible through one source edge.
     *
     * @return the amount pushed
     */
    int augmentThrough(int sourceEdge) {
        int start = to[sourceEdge];
        int[] viaEdge = new int[nodes];
        int[] queue = new int[nodes];
        int pushed = 0;
        while (cap[sourceEdge] - flow[sourceEdge] > 0) {
            Arrays.fill(viaEdge, -1);
            viaEdge[SOURCE] = -2;
            viaEdge[start] = sourceEdge;
            int qh = 0;
            int qt = 0;
            queue[qt++] = start;
            while (qh < qt && viaEdge[SINK] == -1) {
                int u = queue[qh++];
                for (int e = head[u]; e != -1; e = next[e]) {
                    int v = to[e];
                    if (viaEdge[v] == -1 && cap[e] - flow[e] > 0) {
                        viaEdge[v] = e;
                        queue[qt++] = v;
                    }
                }
            }
            if (viaEdge[SINK] == -1) {
                break;
            }
            int bottleneck = cap[sourceEdge] - flow[sourceEdge];
            for (int v = SINK; v != start; v = to[viaEdge[v] ^ 1]) {
                int e = viaEdge[v];
                bottleneck = Math.min(bottleneck, cap[e] - flow[e]);
            }
            for (int v = SINK; v != start; v = to[viaEdge[v] ^ 1]) {
                int e = viaEdge[v];
                flow[e] += bottleneck;
                flow[e ^ 1] -= bottleneck;
            }
            flow[sourceEdge] += bottleneck;
            flow[sourceEdge ^ 1] -= bottleneck;
            pushed += bottleneck;
        }
        return pushed;
    }
}
