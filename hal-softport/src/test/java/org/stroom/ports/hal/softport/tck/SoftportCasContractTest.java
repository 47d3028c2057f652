package org.stroom.ports.hal.softport.tck;

import org.stroom.ports.hal.tck.AlarmContract;
import org.stroom.ports.hal.tck.EventOrderingContract;
import org.stroom.ports.hal.tck.GlareContract;
import org.stroom.ports.hal.tck.InboundCallContract;
import org.stroom.ports.hal.tck.LifecycleContract;
import org.stroom.ports.hal.tck.OutboundCallContract;
import org.stroom.ports.hal.tck.TckHarness;
import org.stroom.ports.hal.tck.WrongStateContract;

/**
 * The signalling-dependent hal-tck contracts again with the contracts' channels on an E&amp;M
 * wink-start CAS span (the PRI span is on port 2, for the D-channel check). Discovery, media, fax
 * and close do not depend on the span's signalling and run once, in {@link
 * org.stroom.ports.hal.softport.SoftportContractTest}.
 */
class SoftportCasContractTest
        implements LifecycleContract,
                InboundCallContract,
                OutboundCallContract,
                GlareContract,
                WrongStateContract,
                AlarmContract,
                EventOrderingContract {

    @Override
    public TckHarness createHarness() {
        return SoftportHarness.virtual(SoftportHarness.FirstSpan.CAS);
    }
}
