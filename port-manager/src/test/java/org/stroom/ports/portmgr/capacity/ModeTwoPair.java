package org.stroom.ports.portmgr.capacity;

import static org.stroom.ports.portmgr.capacity.SystemBuilder.PRI_NI2;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.pri;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.system;

import java.util.List;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.DidRange;

/**
 * A small Mode 2 pair for takeover tests: the active system takes inbound fax on 100 DIDs and IVR
 * voice on two PRIs; the passive has one PRI in service and a spare position for a moved circuit.
 *
 * <p>Thread-safety: stateless; every call builds new values.
 */
public final class ModeTwoPair {
    private ModeTwoPair() {}

    public static InventorySystem active() {
        return system("Active")
                .server("ACT")
                .board(0, 2, PortAbility.FAX_AND_VOICE)
                .span(pri("ACT-IN", "3125550100-3125550199"))
                .span(pri("ACT-OUT"))
                .build();
    }

    /** @return the passive system: one PRI and one spare position */
    public static InventorySystem passive() {
        return system("Passive")
                .server("PAS")
                .board(0, 2, PortAbility.FAX_AND_VOICE)
                .span(pri("PAS-OUT"))
                .spare(PRI_NI2)
                .build();
    }

    /**
     * @param inboundCalls busy-hour inbound fax calls on the DIDs (90 s each); IVR is 100 calls of 120 s
     * @return the active system's load
     */
    public static LoadProfile load(double inboundCalls) {
        return new LoadProfile(
                "Active",
                List.of(
                        new HuntPool(
                                "inbound-fax",
                                PortKind.FAX,
                                PoolScope.dids(List.of(DidRange.parse("3125550100-3125550199")))),
                        new HuntPool("ivr", PortKind.VOICE, PoolScope.anySpan())),
                List.of(
                        Module.loss(
                                "inbound",
                                ModuleKind.INBOUND_FAX,
                                "inbound-fax",
                                inboundCalls,
                                HoldingTime.mean(90),
                                0.01),
                        Module.loss("ivr", ModuleKind.IVR_VOICE, "ivr", 100, HoldingTime.mean(120), 0.01)));
    }
}
