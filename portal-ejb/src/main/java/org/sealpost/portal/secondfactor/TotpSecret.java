package org.sealpost.portal.secondfactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.codec.binary.Base32;

/**
 * The shared secret of one authenticator: 160 random bits, the length RFC 4226 §4 recommends
 * for HMAC-SHA-1 (R6) and the one authenticator apps expect. Shown to its owner once, at
 * enrolment, as Base32 (RFC 4648 §6, the form apps accept when typed) and inside an
 * {@code otpauth://} URI for the QR code.
 */
public final class TotpSecret {

    public static final int BYTES = 20;

    private final byte[] bytes;

    private TotpSecret(byte[] bytes) {
        this.bytes = bytes;
    }

    public static TotpSecret generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new TotpSecret(bytes);
    }

    static TotpSecret of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a TOTP secret is " + BYTES + " bytes, not " + bytes.length);
        }
        return new TotpSecret(bytes.clone());
    }

    /** The raw key; the caller must not keep it longer than one check. */
    byte[] bytes() {
        return bytes.clone();
    }

    /** Base32 without padding (160 bits are exactly 32 characters). */
    public String base32() {
        return new Base32().encodeAsString(bytes).replace("=", "");
    }

    /** The Base32 text in groups of four, easier to read out and type: "ABCD EFGH …". */
    public String grouped() {
        String text = base32();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(text, i, Math.min(text.length(), i + 4));
        }
        return out.toString();
    }

    /**
     * The provisioning URI authenticator apps read from a QR code ("Key Uri Format", the
     * de-facto standard Google Authenticator defined): the label "issuer:account" and the
     * issuer parameter name who the code is for; algorithm, digits and period are stated even
     * though they are the defaults, so no app has to guess.
     */
    public String otpauthUri(String issuer, String accountName) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + base32() + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + TotpCodes.DIGITS + "&period=" + TotpCodes.STEP.toSeconds();
    }

    private static String encode(String text) {
        // URLEncoder writes form encoding; a URI path and query want %20 for a space.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    void erase() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "TotpSecret[" + BYTES * 8 + " bits]".toLowerCase(Locale.ROOT);
    }
}
