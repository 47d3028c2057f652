package org.stroom.ports.hal.dialogic.jna;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which device kind and name each open native handle has. {@link DialogicCalls} registers a handle when
 * an open succeeds and removes it on close; the event thread looks handles up to decode events.
 *
 * <p>Thread-safety: thread-safe (lock-free reads).
 */
public final class DeviceRegistry {
    /**
     * A registered device.
     *
     * <p>Thread-safety: immutable.
     *
     * @param kind which library the handle belongs to; never null
     * @param name the device name it was opened with, e.g. {@code dxxxB1C1}; never null
     */
    public record Entry(DeviceKind kind, String name) {
        /** @throws NullPointerException if an argument is null */
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param handle native handle value
     * @param kind its kind; never null
     * @param name the name it was opened with; never null
     */
    public void register(long handle, DeviceKind kind, String name) {
        entries.put(handle, new Entry(kind, name));
    }

    /** @param handle native handle value; unknown handles are ignored */
    public void unregister(long handle) {
        entries.remove(handle);
    }

    /** @return the kind of {@code handle}, or {@link DeviceKind#UNKNOWN} */
    public DeviceKind kindOf(long handle) {
        Entry e = entries.get(handle);
        return e == null ? DeviceKind.UNKNOWN : e.kind();
    }

    /** @return the registered name of {@code handle}, or {@code "handle <n>"} */
    public String nameOf(long handle) {
        Entry e = entries.get(handle);
        return e == null ? "handle " + handle : e.name();
    }

    /** @return the handles currently registered, in no particular order */
    public long[] handles() {
        return entries.keySet().stream().mapToLong(Long::longValue).toArray();
    }
}
