package org.stroom.ports.portmgr.capacity.check;

import static org.stroom.ports.portmgr.capacity.SystemBuilder.PRI_NI2;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.pri;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.system;

import java.util.List;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.capacity.HoldingTime;
import org.stroom.ports.portmgr.capacity.HuntPool;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Module;
import org.stroom.ports.portmgr.capacity.ModuleKind;
import org.stroom.ports.portmgr.capacity.PoolScope;
import org.stroom.ports.portmgr.capacity.PortAbility;
import org.stroom.ports.portmgr.capacity.SystemBuilder;
import org.stroom.ports.portmgr.capacity.Target;
import org.stroom.ports.t1.DidRange;

/**
 * Systems and loads modelled on the customer's functional specification "Stream System Backup/Recovery": a
 * Server with a Brooktrout TR1034 (four T1 ports, fax and voice resources), PRI circuits from the telco, modules
 * for desktop and Xerox MFP outbound fax, inbound fax by DID, alert broadcast (voice and fax) and a custom IVR.
 */
final class CustomerSystems {
    static final String INBOUND_A = "3125550100-3125550199";
    static final String INBOUND_B = "3125550200-3125550299";
    static final String IVR_DIDS = "3125550300-3125550349";

    private CustomerSystems() {}

    /** Fax pages at V.17 with 20 s of dialling and ringing. */
    static HoldingTime faxPages(double pages) {
        return new HoldingTime.FaxPages(pages, FaxModulation.V17, HoldingTime.FaxPages.TYPICAL_KILOBITS_PER_PAGE, 20);
    }

    static HuntPool inboundFaxPool() {
        return new HuntPool(
                "inbound-fax",
                PortKind.FAX,
                PoolScope.dids(List.of(DidRange.parse(INBOUND_A), DidRange.parse(INBOUND_B))));
    }

    static HuntPool ivrPool() {
        return new HuntPool("ivr", PortKind.VOICE, PoolScope.dids(List.of(DidRange.parse(IVR_DIDS))));
    }

    static HuntPool outboundFaxPool() {
        return new HuntPool("outbound-fax", PortKind.FAX, PoolScope.anySpan());
    }

    static HuntPool alertVoicePool() {
        return new HuntPool("alert-voice", PortKind.VOICE, PoolScope.anySpan());
    }

    static Module desktopFax(double jobsPerHour) {
        // 1.5 dial attempts per delivered fax (between a clean and a poor list).
        return Module.queued(
                "desktop-fax",
                ModuleKind.OUTBOUND_FAX,
                "outbound-fax",
                jobsPerHour * 1.5,
                faxPages(2),
                new Target.ServiceLevel(0.9, 60));
    }

    static Module xeroxFax(double jobsPerHour) {
        return Module.queued(
                "xerox-fax",
                ModuleKind.OUTBOUND_FAX,
                "outbound-fax",
                jobsPerHour * 1.5,
                faxPages(3),
                new Target.ServiceLevel(0.9, 60));
    }

    static Module alertFax(double perHour) {
        return Module.queued(
                "alert-fax",
                ModuleKind.ALERT_FAX,
                "outbound-fax",
                perHour,
                faxPages(1),
                new Target.ServiceLevel(0.9, 60));
    }

    static Module inboundFax(double callsPerHour) {
        return Module.loss("inbound-fax", ModuleKind.INBOUND_FAX, "inbound-fax", callsPerHour, faxPages(2), 0.01);
    }

    static Module alertVoice(double attemptsPerHour) {
        // Half of the alert calls blocked by our ports are retried by the broadcast engine.
        return Module.loss(
                        "alert-voice",
                        ModuleKind.ALERT_VOICE,
                        "alert-voice",
                        attemptsPerHour,
                        HoldingTime.mean(45),
                        0.01)
                .withRetryFraction(0.5);
    }

    static Module ivr(double callsPerHour) {
        return Module.loss("custom-ivr", ModuleKind.IVR_VOICE, "ivr", callsPerHour, HoldingTime.mean(120), 0.01);
    }

    /** Mode 2 active: all modules, two inbound PRIs (fax and IVR DIDs) and two outbound PRIs. */
    static InventorySystem mode2Active() {
        return system("Active")
                .server("ACT-SRV")
                .board(0, 4, PortAbility.FAX_AND_VOICE)
                .span(pri("ACT-IN-1", INBOUND_A))
                .span(pri("ACT-IN-2", INBOUND_B, IVR_DIDS))
                .span(pri("ACT-OUT-1"))
                .span(pri("ACT-OUT-2"))
                .build();
    }

    static LoadProfile mode2Load() {
        return new LoadProfile(
                "Active",
                List.of(inboundFaxPool(), ivrPool(), alertVoicePool(), outboundFaxPool()),
                List.of(inboundFax(500), ivr(90), alertVoice(400), desktopFax(900), xeroxFax(300), alertFax(200)));
    }

    /**
     * Mode 2 passive, "installed and configured identically": its own two PRIs for outbound traffic and two free
     * PRI positions provisioned for the active's inbound circuits.
     */
    static SystemBuilder mode2PassiveBuilder() {
        return system("Passive").server("PAS-SRV").board(0, 4, PortAbility.FAX_AND_VOICE);
    }

    static InventorySystem mode2Passive() {
        return mode2PassiveBuilder()
                .span(pri("PAS-OUT-1"))
                .span(pri("PAS-OUT-2"))
                .spare(PRI_NI2)
                .spare(PRI_NI2)
                .build();
    }

    static InventorySystem mode2PassiveWithRedAlarm() {
        return mode2PassiveBuilder()
                .span(pri("PAS-OUT-1"))
                .redAlarm(pri("PAS-OUT-2"))
                .spare(PRI_NI2)
                .spare(PRI_NI2)
                .build();
    }

    /** Mode 1, system A: runs desktop, Xerox and alert fax out over three PRIs; one free PRI position. */
    static InventorySystem mode1A() {
        return system("Stroom-A")
                .server("A-SRV")
                .board(0, 4, PortAbility.FAX_AND_VOICE)
                .span(pri("A-OUT-1"))
                .span(pri("A-OUT-2"))
                .span(pri("A-OUT-3"))
                .spare(PRI_NI2)
                .build();
    }

    static LoadProfile mode1LoadA() {
        return new LoadProfile(
                "Stroom-A", List.of(outboundFaxPool()), List.of(desktopFax(900), xeroxFax(300), alertFax(200)));
    }

    /** Mode 1, system B: inbound fax and IVR on two DID PRIs, alert voice out; one free PRI position. */
    static InventorySystem mode1B() {
        return system("Stroom-B")
                .server("B-SRV")
                .board(0, 4, PortAbility.FAX_AND_VOICE)
                .span(pri("B-IN-1", INBOUND_A))
                .span(pri("B-IN-2", INBOUND_B, IVR_DIDS))
                .span(pri("B-OUT-1"))
                .spare(PRI_NI2)
                .build();
    }

    static LoadProfile mode1LoadB() {
        return new LoadProfile(
                "Stroom-B",
                List.of(inboundFaxPool(), ivrPool(), alertVoicePool()),
                List.of(inboundFax(500), ivr(90), alertVoice(400)));
    }
}
