package org.sealpost.portal.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-use recovery codes: for the day the phone with the authenticator is lost. Each is 16
 * characters of the Base32 alphabet (RFC 4648 §6: no 0/O or 1/I/L to confuse), 80 random bits,
 * shown as four groups of four, "abcd-efgh-ijkm-nopq".
 *
 * <p>Stored as SHA-256 over a purpose label, the account id and the code, never as the code:
 * with 80 random bits there is nothing to guess offline (2^80 tries per code), so a slow
 * password hash would add cost without adding safety, and keying by account keeps one
 * table-wide attack from trying all accounts' codes at once (ADR 0013). Online guessing is
 * bounded by the account lock and the client throttle, like passwords.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    static final int LENGTH = 16;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private RecoveryCodes() {}

    /** {@link #COUNT} fresh codes as they are shown. */
    static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>(COUNT);
        for (int n = 0; n < COUNT; n++) {
            StringBuilder code = new StringBuilder(LENGTH + 3);
            for (int i = 0; i < LENGTH; i++) {
                if (i > 0 && i % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /**
     * The code as typed, reduced to its 16 characters (case, spaces and dashes do not matter);
     * null when it cannot be a recovery code.
     */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }

    /** What is stored for {@code normalisedCode} of {@code accountId}. */
    static byte[] hash(long accountId, String normalisedCode) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("sealpost/recovery-code/v1|" + accountId + "|" + normalisedCode)
                            .getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
