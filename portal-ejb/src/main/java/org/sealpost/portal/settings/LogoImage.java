package org.sealpost.portal.settings;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A logo that passed {@link LogoCheck}: PNG re-encoded from its decoded pixels, or SVG rebuilt
 * from its checked element tree. The portal serves exactly these bytes.
 *
 * @param mediaType {@code image/png} or {@code image/svg+xml}
 * @param bytes     the image
 */
public record LogoImage(String mediaType, byte[] bytes) {

    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";

    public LogoImage {
        if (!PNG.equals(mediaType) && !SVG.equals(mediaType)) {
            throw new IllegalArgumentException("a logo is PNG or SVG, not " + mediaType);
        }
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lower-case hex SHA-256 of the bytes: names the version in the logo's address and the audit. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
