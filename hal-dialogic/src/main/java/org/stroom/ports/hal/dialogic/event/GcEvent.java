package org.stroom.ports.hal.dialogic.event;

import java.util.Objects;
import java.util.Optional;
import org.stroom.ports.hal.dialogic.jna.Crn;
import org.stroom.ports.hal.dialogic.jna.GcConstants;
import org.stroom.ports.hal.dialogic.jna.LineDevice;

/**
 * GlobalCall events of one line device. Line-level events carry no CRN; call events carry the CRN the
 * library reported. Result codes are GCRV_* values from gc_ResultInfo.
 *
 * <p>Thread-safety: all implementations are immutable records.
 */
public sealed interface GcEvent extends DialogicEvent {
    /** @return the line device that reported the event; never null */
    LineDevice line();

    /**
     * An event about one call.
     *
     * <p>Thread-safety: immutable.
     */
    sealed interface CallEvent extends GcEvent {
        /** @return the call reference; never null */
        Crn crn();
    }

    /** GCEV_OPENEX: the asynchronous open completed. Thread-safety: immutable. @param line the line */
    record Opened(LineDevice line) implements GcEvent {
        /** @throws NullPointerException if line is null */
        public Opened {
            Objects.requireNonNull(line, "line");
        }
    }

    /**
     * GCEV_OPENEX_FAIL. Thread-safety: immutable.
     *
     * @param line the line
     * @param result GCRV_* reason
     */
    record OpenFailed(LineDevice line, int result) implements GcEvent {
        /** @throws NullPointerException if line is null */
        public OpenFailed {
            Objects.requireNonNull(line, "line");
        }
    }

    /** GCEV_BLOCKED: the line cannot be used (e.g. trunk alarm). Thread-safety: immutable. @param line the line */
    record Blocked(LineDevice line) implements GcEvent {
        /** @throws NullPointerException if line is null */
        public Blocked {
            Objects.requireNonNull(line, "line");
        }
    }

    /** GCEV_UNBLOCKED: the line can be used. Thread-safety: immutable. @param line the line */
    record Unblocked(LineDevice line) implements GcEvent {
        /** @throws NullPointerException if line is null */
        public Unblocked {
            Objects.requireNonNull(line, "line");
        }
    }

    /**
     * GCEV_ALARM (only after gc_SetAlarmNotifyAll). Thread-safety: immutable.
     *
     * @param line the line
     * @param alarmCode trunk alarm code (DTT1_*), without the recovery offset
     * @param recovered true if the alarm cleared
     */
    record Alarm(LineDevice line, int alarmCode, boolean recovered) implements GcEvent {
        /** @throws NullPointerException if line is null */
        public Alarm {
            Objects.requireNonNull(line, "line");
        }
    }

    /**
     * GCEV_D_CHAN_STATUS: the PRI D-channel of the line's trunk changed state. The event data is one
     * int, the new state as a GCLS_* value (modelled layout; the fact sheet gives none). Thread-safety:
     * immutable.
     *
     * @param line the line
     * @param state GCLS_INSERVICE (0) when the D-channel is up, another GCLS_* value when it is down
     */
    record DChannelStatus(LineDevice line, int state) implements GcEvent {
        /** @throws NullPointerException if line is null */
        public DChannelStatus {
            Objects.requireNonNull(line, "line");
        }

        /** @return whether the D-channel is up */
        public boolean up() {
            return state == GcConstants.GCLS_INSERVICE;
        }
    }

    /** GCEV_RESETLINEDEV: gc_ResetLineDev completed. Thread-safety: immutable. @param line the line */
    record LineReset(LineDevice line) implements GcEvent {
        /** @throws NullPointerException if line is null */
        public LineReset {
            Objects.requireNonNull(line, "line");
        }
    }

    /** GCEV_DETECTED: an inbound call is being detected. Thread-safety: immutable. @param line the line @param crn the call */
    record Detected(LineDevice line, Crn crn) implements CallEvent {
        /** @throws NullPointerException if an argument is null */
        public Detected {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(crn, "crn");
        }
    }

    /** GCEV_OFFERED: an inbound call is presented. Thread-safety: immutable. @param line the line @param crn the call */
    record Offered(LineDevice line, Crn crn) implements CallEvent {
        /** @throws NullPointerException if an argument is null */
        public Offered {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(crn, "crn");
        }
    }

    /** GCEV_ACCEPT: gc_AcceptCall completed. Thread-safety: immutable. @param line the line @param crn the call */
    record Accepted(LineDevice line, Crn crn) implements CallEvent {
        /** @throws NullPointerException if an argument is null */
        public Accepted {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(crn, "crn");
        }
    }

    /** GCEV_ANSWERED: gc_AnswerCall completed. Thread-safety: immutable. @param line the line @param crn the call */
    record Answered(LineDevice line, Crn crn) implements CallEvent {
        /** @throws NullPointerException if an argument is null */
        public Answered {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(crn, "crn");
        }
    }

    /** GCEV_DIALING (masked by default). Thread-safety: immutable. @param line the line @param crn the call */
    record Dialing(LineDevice line, Crn crn) implements CallEvent {
        /** @throws NullPointerException if an argument is null */
        public Dialing {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(crn, "crn");
        }
    }

    /** GCEV_PROCEEDING (masked by default). Thread-safety: immutable. @param line the line @param crn the call */
    record Proceeding(LineDevice line, Crn crn) implements CallEvent {
        /** @throws NullPointerException if an argument is null */
        public Proceeding {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(crn, "crn");
        }
    }

    /** GCEV_ALERTING: the far end is ringing. Thread-safety: immutable. @param line the line @param crn the call */
    record Alerting(LineDevice line, Crn crn) implements CallEvent {
        /** @throws NullPointerException if an argument is null */
        public Alerting {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(crn, "crn");
        }
    }

    /** GCEV_CONNECTED: the outbound call was answered. Thread-safety: immutable. @param line the line @param crn the call */
    record Connected(LineDevice line, Crn crn) implements CallEvent {
        /** @throws NullPointerException if an argument is null */
        public Connected {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(crn, "crn");
        }
    }

    /**
     * GCEV_DISCONNECTED: the far end or the network cleared the call. Thread-safety: immutable.
     *
     * @param line the line
     * @param crn the call
     * @param result GCRV_* reason, e.g. GCRV_NORMAL, GCRV_BUSY, GCRV_NOANSWER, GCRV_ALARM
     */
    record Disconnected(LineDevice line, Crn crn, int result) implements CallEvent {
        /** @throws NullPointerException if an argument is null */
        public Disconnected {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(crn, "crn");
        }
    }

    /** GCEV_DROPCALL: gc_DropCall completed. Thread-safety: immutable. @param line the line @param crn the call */
    record Dropped(LineDevice line, Crn crn) implements CallEvent {
        /** @throws NullPointerException if an argument is null */
        public Dropped {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(crn, "crn");
        }
    }

    /** GCEV_RELEASECALL: the CRN is invalid from now on. Thread-safety: immutable. @param line the line @param crn the call */
    record Released(LineDevice line, Crn crn) implements CallEvent {
        /** @throws NullPointerException if an argument is null */
        public Released {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(crn, "crn");
        }
    }

    /**
     * GCEV_TASKFAIL: an asynchronous request failed; the call state is unchanged. Thread-safety: immutable.
     *
     * @param line the line
     * @param crn the call, if the request concerned one
     * @param result GCRV_* reason
     */
    record TaskFailed(LineDevice line, Optional<Crn> crn, int result) implements GcEvent {
        /** @throws NullPointerException if an argument is null */
        public TaskFailed {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(crn, "crn");
        }
    }

    /**
     * Any other GlobalCall event, kept with its raw type. Thread-safety: immutable.
     *
     * @param line the line
     * @param crn the call, if the event carried one
     * @param type GCEV_* value
     */
    record Other(LineDevice line, Optional<Crn> crn, int type) implements GcEvent {
        /** @throws NullPointerException if an argument is null */
        public Other {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(crn, "crn");
        }
    }
}
