package org.stroom.ports.portmgr.capacity.check;

import java.util.Objects;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LoadProfile;

/**
 * An active system and the load it carries in normal operation.
 *
 * @param system the system
 * @param load its load
 *     <p>Thread-safety: immutable.
 */
public record ProtectedSystem(InventorySystem system, LoadProfile load) {
    /** Checks for null. */
    public ProtectedSystem {
        Objects.requireNonNull(system, "protected system: system");
        Objects.requireNonNull(load, "protected system " + system.name() + ": load");
    }
}
