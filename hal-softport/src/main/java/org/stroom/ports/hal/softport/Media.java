package org.stroom.ports.hal.softport;

import java.nio.file.Path;
import org.stroom.ports.hal.api.AudioEncoding;
import org.stroom.ports.hal.api.FaxModulation;

/**
 * The one media operation running on a channel.
 *
 * <p>Thread-safety: guarded by the owning backend's lock.
 */
final class Media {
    enum Kind {
        PLAY,
        RECORD,
        COLLECT,
        SEND_DIGITS,
        SEND_FAX,
        RECEIVE_FAX
    }

    final Kind kind;
    final long startNanos;
    Scheduler.Task timer;
    Scheduler.Task silenceTimer;
    String terminators = "";
    // play
    long durationNanos;
    // record
    Path file;
    AudioEncoding encoding;
    long maxSilenceNanos;
    // collect
    final StringBuilder digits = new StringBuilder();
    int maxDigits;
    long firstDigitNanos;
    long interDigitNanos;
    // fax
    int pages;
    int pagesDone;
    int bps;
    FaxModulation modulation;
    long sessionStart;
    boolean waitingForSender;

    Media(Kind kind, long startNanos) {
        this.kind = kind;
        this.startNanos = startNanos;
    }

    boolean fax() {
        return kind == Kind.SEND_FAX || kind == Kind.RECEIVE_FAX;
    }

    void cancelTimers() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (silenceTimer != null) {
            silenceTimer.cancel();
            silenceTimer = null;
        }
    }

    String verb() {
        return switch (kind) {
            case PLAY -> "playing";
            case RECORD -> "recording";
            case COLLECT -> "collecting digits";
            case SEND_DIGITS -> "sending digits";
            case SEND_FAX -> "sending a fax";
            case RECEIVE_FAX -> "receiving a fax";
        };
    }
}
