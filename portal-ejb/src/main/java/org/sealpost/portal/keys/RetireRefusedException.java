package org.sealpost.portal.keys;

import java.util.Objects;

/** A version was not retired, for {@link #reason()}; nothing changed. */
public class RetireRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a retirement is refused. */
    public enum Reason {
        /** The keystore holds no such version. */
        UNKNOWN_VERSION,
        /** New data keys are wrapped with it. */
        CURRENT,
        /** Stored data keys are still wrapped with it (the re-wrap has not finished). */
        IN_USE,
        /** It stopped being current moments ago; a node may still be storing a key wrapped with it. */
        TOO_SOON
    }

    private final Reason reason;
    private final int version;
    private final long count;

    /**
     * @param count for {@link Reason#IN_USE} the keys it still wraps; for {@link Reason#TOO_SOON}
     *              the seconds to wait; else 0
     */
    public RetireRefusedException(Reason reason, int version, long count, String sentence) {
        super(sentence);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.version = version;
        this.count = count;
    }

    public Reason reason() {
        return reason;
    }

    public int version() {
        return version;
    }

    /** The number the reason's sentence names (keys in use, seconds to wait). */
    public long count() {
        return count;
    }
}
