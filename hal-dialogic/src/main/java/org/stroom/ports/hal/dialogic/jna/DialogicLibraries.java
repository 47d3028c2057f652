package org.stroom.ports.hal.dialogic.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Objects;
import java.util.Properties;

/**
 * Loads the five Dialogic R4 libraries under configurable names and reports, instead of throwing, when
 * one cannot be found. {@link #system()} loads lazily, once, on first use, from the JVM's system
 * properties; {@link #load(Names)} loads a given set every time it is called.
 *
 * <pre>
 * property             default   file searched on jna.library.path (Linux)
 * dialogic.lib.srl     srl       libsrl.so
 * dialogic.lib.gc      gc        libgc.so
 * dialogic.lib.dxxx    dxxx      libdxxx.so
 * dialogic.lib.dti     dti       libdti.so
 * dialogic.lib.fax     faxx      libfaxx.so   ASSUMED: the fact sheet documents no Linux fax library
 *                                             name; libfax.so is the other candidate
 * </pre>
 *
 * A value may also be an absolute path. The same name may be given for several libraries (the test
 * emulator exports every function from one file).
 *
 * <p>Thread-safety: immutable once loaded; {@link #system()} is safe to call from any thread.
 */
public final class DialogicLibraries {
    /** Prefix of the system properties that name the libraries. */
    public static final String PROPERTY_PREFIX = "dialogic.lib.";

    private final SrlLibrary srl;
    private final GcLibrary gc;
    private final DxLibrary dx;
    private final DtLibrary dt;
    private final FxLibrary fx;

    private DialogicLibraries(SrlLibrary srl, GcLibrary gc, DxLibrary dx, DtLibrary dt, FxLibrary fx) {
        this.srl = srl;
        this.gc = gc;
        this.dx = dx;
        this.dt = dt;
        this.fx = fx;
    }

    /**
     * Library names as given to JNA (without {@code lib} prefix and {@code .so} suffix, or absolute paths).
     *
     * <p>Thread-safety: immutable.
     *
     * @param srl Standard Runtime Library; never blank
     * @param gc GlobalCall; never blank
     * @param dxxx voice; never blank
     * @param dti digital trunk interface; never blank
     * @param fax fax; never blank
     */
    public record Names(String srl, String gc, String dxxx, String dti, String fax) {
        /** @throws IllegalArgumentException if a name is null or blank */
        public Names {
            for (String[] kv : new String[][] {{"srl", srl}, {"gc", gc}, {"dxxx", dxxx}, {"dti", dti}, {"fax", fax}}) {
                if (kv[1] == null || kv[1].isBlank()) {
                    throw new IllegalArgumentException(
                            "library name for " + PROPERTY_PREFIX + kv[0] + " must not be blank, got '" + kv[1] + "'");
                }
            }
        }

        /**
         * @return the Linux names of the fact sheet; the fax name, {@code faxx}, is an assumption (the
         *     first of the two candidates; the sheet documents none)
         */
        public static Names defaults() {
            return new Names("srl", "gc", "dxxx", "dti", ASSUMED_FAX);
        }

        /**
         * @param properties source of {@code dialogic.lib.*} overrides; never null
         * @return the defaults with any overrides applied
         */
        public static Names from(Properties properties) {
            Names d = defaults();
            return new Names(
                    properties.getProperty(PROPERTY_PREFIX + "srl", d.srl),
                    properties.getProperty(PROPERTY_PREFIX + "gc", d.gc),
                    properties.getProperty(PROPERTY_PREFIX + "dxxx", d.dxxx),
                    properties.getProperty(PROPERTY_PREFIX + "dti", d.dti),
                    properties.getProperty(PROPERTY_PREFIX + "fax", d.fax));
        }
    }

    /**
     * Outcome of loading: the libraries, or why they are unavailable.
     *
     * <p>Thread-safety: immutable.
     */
    public sealed interface Availability permits Loaded, Unavailable {}

    /**
     * All five libraries loaded.
     *
     * <p>Thread-safety: immutable.
     *
     * @param libraries the loaded bindings; never null
     */
    public record Loaded(DialogicLibraries libraries) implements Availability {
        /** @throws NullPointerException if {@code libraries} is null */
        public Loaded {
            Objects.requireNonNull(libraries, "libraries");
        }
    }

    /**
     * A library could not be loaded.
     *
     * <p>Thread-safety: immutable.
     *
     * @param reason human-readable reason naming the library, the search path and the property to set
     * @param property the system property that names the missing library, e.g. {@code dialogic.lib.gc}
     */
    public record Unavailable(String reason, String property) implements Availability {
        /** @throws NullPointerException if an argument is null */
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(property, "property");
        }
    }

    private static final class SystemHolder {
        static final Availability AVAILABILITY = load(Names.from(System.getProperties()));
    }

    /** @return the libraries named by the system properties, loaded on first call; never null */
    public static Availability system() {
        return SystemHolder.AVAILABILITY;
    }

    /**
     * Loads the named libraries. Never throws for a missing library or symbol table.
     *
     * @param names library names; never null
     * @return {@link Loaded} or {@link Unavailable}; never null
     */
    public static Availability load(Names names) {
        Objects.requireNonNull(names, "names");
        try {
            SrlLibrary srl = loadOne("srl", names.srl(), SrlLibrary.class);
            GcLibrary gc = loadOne("gc", names.gc(), GcLibrary.class);
            DxLibrary dx = loadOne("dxxx", names.dxxx(), DxLibrary.class);
            DtLibrary dt = loadOne("dti", names.dti(), DtLibrary.class);
            FxLibrary fx = loadOne("fax", names.fax(), FxLibrary.class);
            return new Loaded(new DialogicLibraries(srl, gc, dx, dt, fx));
        } catch (MissingLibrary e) {
            return new Unavailable(e.getMessage(), e.property);
        }
    }

    /** The assumed default fax library name, and the other candidate to try when it is missing. */
    static final String ASSUMED_FAX = "faxx";

    private static final String OTHER_FAX = "fax";

    private static <T extends Library> T loadOne(String key, String name, Class<T> type) {
        try {
            return Native.load(name, type);
        } catch (UnsatisfiedLinkError | IllegalArgumentException e) { // a name JNA cannot even look up is missing too
            String property = PROPERTY_PREFIX + key;
            String file = name.contains("/") ? name : "lib" + name;
            throw new MissingLibrary(
                    "unavailable: " + file + " not found on jna.library.path="
                            + System.getProperty("jna.library.path", "<unset>") + " (set -D" + property
                            + "=<library name or absolute path>, and -Djna.library.path=<directory>)"
                            + (key.equals("fax") && name.equals(ASSUMED_FAX)
                                    ? "; the default lib" + ASSUMED_FAX + ".so is assumed, the Linux fax library name"
                                            + " is not documented: try -D" + property + "=" + OTHER_FAX
                                    : "")
                            + ": " + e.getMessage(),
                    property);
        }
    }

    private static final class MissingLibrary extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient String property;

        MissingLibrary(String message, String property) {
            super(message, null, false, false);
            this.property = property;
        }
    }

    /** @return the Standard Runtime Library binding */
    public SrlLibrary srl() {
        return srl;
    }

    /** @return the GlobalCall binding */
    public GcLibrary gc() {
        return gc;
    }

    /** @return the voice binding */
    public DxLibrary dx() {
        return dx;
    }

    /** @return the digital trunk interface binding */
    public DtLibrary dt() {
        return dt;
    }

    /** @return the fax binding */
    public FxLibrary fx() {
        return fx;
    }
}
