package org.sealpost.portal.session;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public name of a signed-in session: 128 random bits, base64url without padding
 * (22 characters). It only names a row of the registry; it authenticates nothing, so showing
 * it in the account page's forms is safe, and guessing one of another account's gives nothing
 * (ending a session checks the owner too).
 */
public record SessionHandle(String value) implements Serializable {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public SessionHandle {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a session handle");
        }
    }

    public static SessionHandle random() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return new SessionHandle(Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
    }

    /** A handle as posted by a form: anything malformed is simply no handle. */
    public static Optional<SessionHandle> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(new SessionHandle(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
