package org.stroom.ports.t1;

/**
 * Transmit line build-out: attenuation for long-haul (CSU) lines, or pulse shaping for the cable
 * length to a short-haul cross-connect (DSX-1).
 *
 * <p>Thread-safety: immutable.
 */
public enum LineBuildOut {
    /** Long haul, 0 dB. The usual setting when the carrier's smart jack is the far end. */
    LONG_HAUL_0_DB,
    /** Long haul, −7.5 dB. */
    LONG_HAUL_MINUS_7_5_DB,
    /** Long haul, −15 dB. */
    LONG_HAUL_MINUS_15_DB,
    /** Long haul, −22.5 dB. */
    LONG_HAUL_MINUS_22_5_DB,
    /** Short haul, 0–133 ft of cable to the DSX-1. */
    SHORT_HAUL_0_133_FT,
    /** Short haul, 133–266 ft. */
    SHORT_HAUL_133_266_FT,
    /** Short haul, 266–399 ft. */
    SHORT_HAUL_266_399_FT,
    /** Short haul, 399–533 ft. */
    SHORT_HAUL_399_533_FT,
    /** Short haul, 533–655 ft. */
    SHORT_HAUL_533_655_FT
}
