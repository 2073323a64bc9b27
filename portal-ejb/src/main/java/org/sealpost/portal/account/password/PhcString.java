package org.sealpost.portal.account.password;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format of the reference implementation
 * ({@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<tag>}, salt and tag in standard
 * Base64 without padding, see the PHC string format specification and RFC 9106 section 4).
 *
 * <p>Parsing is strict: only Argon2id version 0x13 (19, the RFC 9106 version), parameters in the
 * order m, t, p, decimal without leading zeros, no {@code keyid} or {@code data} fields. Anything
 * else was not written by this portal.
 */
record PhcString(Argon2Settings settings, byte[] salt, byte[] tag) {

    static final int MIN_SALT_BYTES = 8;
    static final int MAX_SALT_BYTES = 64;
    static final int MIN_TAG_BYTES = 16;
    static final int MAX_TAG_BYTES = 64;

    private static final Pattern SHAPE =
            Pattern.compile("\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,9}),t=([1-9][0-9]{0,9}),p=([1-9][0-9]{0,9})"
                    + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    static PhcString parse(String phc) {
        if (phc == null) {
            throw new InvalidPasswordHashException("no password hash stored");
        }
        Matcher m = SHAPE.matcher(phc);
        if (!m.matches()) {
            throw new InvalidPasswordHashException(describeMismatch(phc));
        }
        Argon2Settings settings;
        try {
            settings = new Argon2Settings(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (NumberFormatException e) {
            throw new InvalidPasswordHashException("Argon2 parameter out of range in stored hash", e);
        } catch (IllegalArgumentException e) {
            throw new InvalidPasswordHashException("unusable Argon2 parameters in stored hash: " + e.getMessage(), e);
        }
        byte[] salt = decode(m.group(4), "salt");
        byte[] tag = decode(m.group(5), "hash");
        if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
            throw new InvalidPasswordHashException("stored salt has " + salt.length + " bytes; " + MIN_SALT_BYTES
                    + " to " + MAX_SALT_BYTES + " are allowed");
        }
        if (tag.length < MIN_TAG_BYTES || tag.length > MAX_TAG_BYTES) {
            throw new InvalidPasswordHashException("stored hash has " + tag.length + " bytes; " + MIN_TAG_BYTES + " to "
                    + MAX_TAG_BYTES + " are allowed");
        }
        return new PhcString(settings, salt, tag);
    }

    String format() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + settings.memoryKiB() + ",t=" + settings.iterations() + ",p="
                + settings.parallelism() + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(tag);
    }

    private static byte[] decode(String b64, String what) {
        // Unpadded Base64 has no valid length of 1 mod 4; the JDK decoder would also accept it.
        if (b64.length() % 4 == 1) {
            throw new InvalidPasswordHashException("stored " + what + " is not valid Base64");
        }
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new InvalidPasswordHashException("stored " + what + " is not valid Base64", e);
        }
    }

    /** Says which part is wrong, without quoting the hash. */
    private static String describeMismatch(String phc) {
        if (!phc.startsWith("$")) {
            return "stored password hash is not a PHC string (it must start with $argon2id$)";
        }
        if (!phc.startsWith("$argon2id$")) {
            String id = phc.substring(1, Math.max(1, phc.indexOf('$', 1))).replaceAll("[^a-z0-9-]", "?");
            return "stored password hash uses \"" + id + "\"; only argon2id is supported";
        }
        if (!phc.startsWith("$argon2id$v=19$")) {
            return "stored password hash is not Argon2 version 19 (0x13, RFC 9106)";
        }
        return "stored Argon2id hash is malformed; expected $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>"
                + " with unpadded Base64 salt and hash";
    }
}
