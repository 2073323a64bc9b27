package org.sealpost.portal.audit;

import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point of the chain written down outside the database, {@code SEQ:HASH} as a verification
 * prints its head: whoever rewrites the chain from an earlier event onward (recomputing every
 * hash) cannot keep the hash at that sequence, so a later verification given the anchor notices
 * (ADR 0014).
 */
public record ChainAnchor(long seq, byte[] hash) {

    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,18}):([0-9a-fA-F]{64})");

    public ChainAnchor {
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /**
     * @throws IllegalArgumentException with a sentence naming the expected form
     */
    public static ChainAnchor parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("an anchor is SEQUENCE:HASH as a check prints its head, e.g. "
                    + "1234:5f0c… with the 64 hex digits of the hash; got '" + text + "'");
        }
        return new ChainAnchor(Long.parseLong(m.group(1)), HexFormat.of().parseHex(m.group(2)));
    }

    @Override
    public String toString() {
        return seq + ":" + AuditChainHash.hex(hash);
    }
}
