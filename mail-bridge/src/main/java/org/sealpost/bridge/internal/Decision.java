package org.sealpost.bridge.internal;

import java.util.Objects;

/**
 * The immutable outcome of one rule: go on, or stop with a reply (in the spirit of Apache James's
 * {@code HookResult}). Rules return decisions; the SMTP commands act on them.
 */
public final class Decision {

    /** The rule has no objection. */
    public static final Decision PROCEED = new Decision(null);

    private final SmtpReply refusal;

    private Decision(SmtpReply refusal) {
        this.refusal = refusal;
    }

    public static Decision refuse(SmtpReply reply) {
        return new Decision(Objects.requireNonNull(reply, "reply"));
    }

    public boolean proceeds() {
        return refusal == null;
    }

    /** The reply that refuses; only for a decision that does not proceed. */
    public SmtpReply reply() {
        if (refusal == null) {
            throw new IllegalStateException("a decision to proceed carries no reply");
        }
        return refusal;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decision that && Objects.equals(refusal, that.refusal);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(refusal);
    }

    @Override
    public String toString() {
        return refusal == null ? "PROCEED" : "REFUSE(" + refusal.line() + ")";
    }
}
