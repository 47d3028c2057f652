package org.stroom.ports.hal.softport.tck;

import org.stroom.ports.hal.tck.AlarmContract;
import org.stroom.ports.hal.tck.CloseContract;
import org.stroom.ports.hal.tck.EventOrderingContract;
import org.stroom.ports.hal.tck.FaxContract;
import org.stroom.ports.hal.tck.GlareContract;
import org.stroom.ports.hal.tck.InboundCallContract;
import org.stroom.ports.hal.tck.LifecycleContract;
import org.stroom.ports.hal.tck.MediaContract;
import org.stroom.ports.hal.tck.OutboundCallContract;
import org.stroom.ports.hal.tck.TckHarness;
import org.stroom.ports.hal.tck.WrongStateContract;

/**
 * The hal-tck contracts on softport's real-time clock (100×, paused between advances): events
 * arrive on the clock's thread and the contracts wait for them on conditions, as they do for the
 * vendor backends' C emulators. Proves the kit's real-time path; Failsafe runs it in {@code verify}.
 */
class SoftportRealTimeContractIT
        implements LifecycleContract,
                InboundCallContract,
                OutboundCallContract,
                GlareContract,
                MediaContract,
                FaxContract,
                WrongStateContract,
                AlarmContract,
                EventOrderingContract,
                CloseContract {

    /** Backend seconds per real second. */
    static final double SPEED = 100;

    @Override
    public TckHarness createHarness() {
        return SoftportHarness.realTime(SoftportHarness.FirstSpan.PRI, SPEED);
    }
}
