package org.stroom.ports.hal.softport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/**
 * A telco T1 circuit as a cable: it carries a {@link SpanConfig} (circuit id, framing, signalling,
 * DID ranges) and its {@link FarEnd}, the carrier's side, and can be plugged into a span port of any
 * simulated board. Moving it is how span moves are tested:
 *
 * <pre>
 *   cable.unplug()                      old port: LOS now → RED after 2.5 s → its channels out of
 *                                       service, calls in flight cleared with cause 38
 *   cable.plugInto(other, location)     new port: signal now → RED clears after 10 s → channels
 *                                       in service; the DIDs now arrive there
 * </pre>
 *
 * (times are the backend's {@link org.stroom.ports.t1.AlarmTimings}). Calls survive an unplug that
 * is undone within the RED set time by re-plugging the same cable into the same port; plugging a
 * different circuit into a port clears the calls left there.
 *
 * <p>Thread-safety: safe from any thread; plugging operations on one cable are serialised.
 */
public final class Cable {
    private record Where(SoftBackend backend, SpanLocation location) {}

    private final SpanConfig config;
    private final FarEnd farEnd;
    private volatile Where where;

    /**
     * An unplugged cable.
     *
     * @param config the circuit's provisioning; must pass {@link SpanConfig#validated()}
     * @throws org.stroom.ports.t1.InvalidConfigurationException listing every broken rule
     */
    public Cable(SpanConfig config) {
        this.config = Objects.requireNonNull(config, "config").validated();
        this.farEnd = new FarEnd(this);
    }

    /** @return the circuit's provisioning */
    public SpanConfig config() {
        return config;
    }

    /** @return the carrier's circuit id */
    public CircuitId circuitId() {
        return config.circuitId();
    }

    /** @return the DID ranges delivered on this circuit */
    public List<DidRange> dids() {
        return config.didRanges();
    }

    /** @return the carrier's side of the circuit */
    public FarEnd farEnd() {
        return farEnd;
    }

    /** @return the backend the cable is plugged into, if any */
    public Optional<SoftBackend> backend() {
        Where w = where;
        return w == null ? Optional.empty() : Optional.of(w.backend);
    }

    /** @return the span port the cable is plugged into, if any */
    public Optional<SpanLocation> location() {
        Where w = where;
        return w == null ? Optional.empty() : Optional.of(w.location);
    }

    /** @return whether the cable is plugged in */
    public boolean plugged() {
        return where != null;
    }

    /** Pulls the cable out of its port (LOS there from now); does nothing if it is not plugged in. */
    public synchronized void unplug() {
        Where w = where;
        if (w != null) {
            w.backend.detach(this);
        }
    }

    /**
     * Plugs the cable into a free span port, unplugging it from where it is first.
     *
     * @param backend the simulated machine
     * @param location a span port of one of its boards, with nothing plugged in
     * @throws IllegalArgumentException when the backend has no such port
     * @throws IllegalStateException when the port is occupied or the backend closed; the cable
     *     then stays where it was
     */
    public synchronized void plugInto(SoftBackend backend, SpanLocation location) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(location, "location");
        Where w = where;
        if (w != null && w.backend == backend && w.location.equals(location)) {
            return;
        }
        backend.checkCanPlug(this, location);
        unplug();
        backend.attach(this, location);
    }

    /** Called by the backend under its lock. */
    void pluggedAt(SoftBackend backend, SpanLocation location) {
        where = new Where(backend, location);
    }

    /** Called by the backend under its lock. */
    void unpluggedNow() {
        where = null;
    }

    SoftBackend backendOrThrow(String what) {
        Where w = where;
        if (w == null) {
            throw new IllegalStateException(
                    "far end of circuit " + circuitId() + " cannot " + what + ": the cable is not plugged in");
        }
        return w.backend;
    }

    @Override
    public String toString() {
        Where w = where;
        return "Cable[" + circuitId() + (w == null ? ", unplugged" : " at " + w.location) + "]";
    }
}
