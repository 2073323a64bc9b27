package org.sealpost.bridge.internal;

import java.util.List;

/**
 * The bridge takes only mail the gateway flagged for encryption: a header field
 * {@code <name>: <value>} in the message's own header section. Anything else reached us by
 * mistake (a misrouted message, a transport rule gone wrong) and is refused with a permanent
 * error so that the sender learns of it, instead of the message silently landing in the portal.
 */
public final class EncryptFlagRule {

    private final String headerName;
    private final String headerValue;
    private final boolean acceptUnflagged;
    private final SmtpReply missingFlag;

    /**
     * @param headerName the flag's field name, compared case-insensitively (RFC 5322 §1.2.2)
     * @param headerValue the value that means "encrypt", compared case-insensitively, trimmed
     * @param acceptUnflagged accept messages without the flag too
     */
    public EncryptFlagRule(String headerName, String headerValue, boolean acceptUnflagged) {
        this.headerName = headerName;
        this.headerValue = headerValue.strip();
        this.acceptUnflagged = acceptUnflagged;
        this.missingFlag = new SmtpReply(
                550,
                "5.7.1",
                "Message refused: the encrypt-flag header '"
                        + headerName + ": " + this.headerValue + "' is missing; this bridge only accepts"
                        + " mail the gateway flagged for encryption");
    }

    public SmtpReply missingFlag() {
        return missingFlag;
    }

    public Decision decide(byte[] rawMessage) {
        if (acceptUnflagged) {
            return Decision.PROCEED;
        }
        List<String> values = HeaderSection.values(rawMessage, headerName);
        for (String value : values) {
            if (value.strip().equalsIgnoreCase(headerValue)) {
                return Decision.PROCEED;
            }
        }
        return Decision.refuse(missingFlag);
    }
}
