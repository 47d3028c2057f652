package org.stroom.ports.portmgr.capacity;

import java.util.Objects;
import org.stroom.ports.hal.api.PortKind;

/**
 * A hunt group: the ports that the calls of its modules search for a free one. Modules in the same pool share
 * its ports (their traffic is added before sizing); separate pools do not share.
 *
 * @param name pool name, non-blank; when modules move to another system, they join its pool of the same name
 * @param kind the port kind every call of the pool needs
 * @param scope which spans the pool can use
 *     <p>Thread-safety: immutable.
 */
public record HuntPool(String name, PortKind kind, PoolScope scope) {
    /**
     * @throws IllegalArgumentException when the name is blank
     */
    public HuntPool {
        Objects.requireNonNull(name, "hunt pool: name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("hunt pool: name is blank");
        }
        Objects.requireNonNull(kind, "hunt pool " + name + ": kind");
        Objects.requireNonNull(scope, "hunt pool " + name + ": scope");
    }

    /** @return whether the pool may take a port on this span (right kind and within scope) */
    public boolean admits(InventorySpan span) {
        return span.ability().supports(kind) && scope.admits(span);
    }
}
