package org.stroom.ports.portmgr.capacity;

import org.stroom.ports.hal.api.PortKind;

/**
 * Application modules of a Stroom System that use telephony ports, and the kind of port each needs.
 *
 * <p>Thread-safety: immutable.
 */
public enum ModuleKind {
    /** Desktop, e-mail connector and MFP fax jobs sent out. */
    OUTBOUND_FAX(PortKind.FAX),
    /** Inbound fax, routed by the dialled DID number. */
    INBOUND_FAX(PortKind.FAX),
    /** Alert broadcast, voice part. */
    ALERT_VOICE(PortKind.VOICE),
    /** Alert broadcast, fax part. */
    ALERT_FAX(PortKind.FAX),
    /** IVR and custom voice applications. */
    IVR_VOICE(PortKind.VOICE),
    /** Custom fax applications. */
    CUSTOM_FAX(PortKind.FAX);

    private final PortKind portKind;

    ModuleKind(PortKind portKind) {
        this.portKind = portKind;
    }

    /** @return the kind of port a call of this module needs */
    public PortKind portKind() {
        return portKind;
    }
}
