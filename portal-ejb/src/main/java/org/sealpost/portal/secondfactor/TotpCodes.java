package org.sealpost.portal.secondfactor;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them and every authenticator app speaks
 * them: time steps of 30 seconds from the Unix epoch (§4), HMAC-SHA-1 (the default of §1.2
 * and the only algorithm many apps honour), six digits. The codes themselves come from
 * java-otp; what is decided here is which codes count.
 *
 * <p>A code is accepted for the current step and one step either side (RFC 6238 §5.2
 * recommends at most one step of allowed network delay; a phone's clock a few seconds off
 * then still works). Which of those steps may still be used (no replay) is the caller's
 * business: {@link #matchingStep} only says which step a code belongs to.
 */
public final class TotpCodes {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    public static final int WINDOW = 1;

    private static final String HMAC = TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1;

    private final TimeBasedOneTimePasswordGenerator generator;
    private final int digits;

    public TotpCodes() {
        this(DIGITS);
    }

    /** Another length, for RFC 6238's eight-digit test vectors. */
    TotpCodes(int digits) {
        this.digits = digits;
        this.generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, HMAC);
    }

    /** The time step {@code at} falls into: T = floor(unix seconds / 30) (RFC 6238 §4.2). */
    public static long stepAt(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** The code for {@code step}, zero-padded to the full length. */
    public String codeAt(byte[] secret, long step) {
        try {
            return generator.generateOneTimePasswordString(
                    key(secret), Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA-1 key of " + secret.length + " bytes was refused", e);
        }
    }

    /**
     * The step within {@link #WINDOW} of {@code now} whose code {@code typed} is, if any. Spaces
     * are ignored (apps show "123 456"); anything else than {@link #DIGITS} digits matches
     * nothing. Every step of the window is computed and compared in constant time, so the
     * answer's timing does not tell which one matched.
     */
    public OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
        String code = normalise(typed);
        if (code == null) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = stepAt(now);
        long found = Long.MIN_VALUE;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (MessageDigest.isEqual(given, codeAt(secret, step).getBytes(StandardCharsets.US_ASCII))) {
                found = step;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** Whether {@code typed} has the form of a code (six digits, spaces aside). */
    public boolean looksLikeACode(String typed) {
        return normalise(typed) != null;
    }

    private String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replace(" ", "").replace("\u00a0", "");
        if (code.length() != digits) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return null;
            }
        }
        return code;
    }

    private static SecretKeySpec key(byte[] secret) {
        return new SecretKeySpec(secret, "RAW");
    }
}
