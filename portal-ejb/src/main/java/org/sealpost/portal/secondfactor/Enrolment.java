package org.sealpost.portal.secondfactor;

/**
 * An authenticator being set up, as its owner sees it once: the secret as grouped Base32
 * text (for typing it in) and the {@code otpauth://} URI (for the QR code).
 */
public record Enrolment(String secretText, String otpauthUri) {

    @Override
    public String toString() {
        return "Enrolment[secret hidden]";
    }
}
