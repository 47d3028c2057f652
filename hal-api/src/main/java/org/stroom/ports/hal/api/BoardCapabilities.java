package org.stroom.ports.hal.api;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a board can do.
 *
 * @param faxModulations fax modulations supported (empty: no fax)
 * @param maxFaxBps highest fax rate in bit/s (0 when no fax)
 * @param t38 whether T.38 fax over IP is supported
 * @param voicePlay play prompts
 * @param voiceRecord record
 * @param dtmf detect and generate DTMF
 * @param toneDetection call-progress and fax tone detection
 * @param channelCount DS0 channels the board terminates (24 per T1 span)
 * @param faxChannels how many channels can run fax at once (a board may have fewer fax resources
 *     than channels)
 * @param voiceChannels how many channels can run voice at once
 *     <p>Thread-safety: immutable.
 */
public record BoardCapabilities(
        Set<FaxModulation> faxModulations,
        int maxFaxBps,
        boolean t38,
        boolean voicePlay,
        boolean voiceRecord,
        boolean dtmf,
        boolean toneDetection,
        int channelCount,
        int faxChannels,
        int voiceChannels) {
    /** Copies the set and checks counts. */
    public BoardCapabilities {
        Objects.requireNonNull(faxModulations, "faxModulations");
        faxModulations = faxModulations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faxModulations));
        if (channelCount < 0 || faxChannels < 0 || voiceChannels < 0) {
            throw new IllegalArgumentException("channel counts must be ≥ 0");
        }
        if (faxChannels > channelCount || voiceChannels > channelCount) {
            throw new IllegalArgumentException("fax (" + faxChannels + ") or voice (" + voiceChannels
                    + ") channels exceed the board's " + channelCount + " channels");
        }
    }

    /** @return whether the board does fax at all */
    public boolean fax() {
        return !faxModulations.isEmpty() && faxChannels > 0;
    }

    /** @return whether the board does voice at all */
    public boolean voice() {
        return (voicePlay || voiceRecord) && voiceChannels > 0;
    }
}
