package org.stroom.ports.hal.dialogic.event;

/**
 * A Dialogic event decoded at vendor level: one family per library, chosen by the kind of the device
 * handle that reported it, then by event type. Produced by {@link DialogicEventDecoder}; the adapter maps
 * it onto hal-api events. Consumers dispatch with {@code instanceof} in one place.
 *
 * <p>Thread-safety: all implementations are immutable records.
 */
public sealed interface DialogicEvent permits GcEvent, VoiceEvent, FaxEvent, DtiEvent, DialogicEvent.Unattributed {

    /**
     * An event on a handle that no open device is registered for (e.g. it arrived after a close).
     *
     * <p>Thread-safety: immutable.
     *
     * @param device raw SRL device handle
     * @param type raw event type
     */
    record Unattributed(long device, long type) implements DialogicEvent {}
}
