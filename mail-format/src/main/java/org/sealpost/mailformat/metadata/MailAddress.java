package org.sealpost.mailformat.metadata;

import java.util.Objects;

/**
 * One mailbox from an address header.
 *
 * @param displayName the decoded display name, or {@code null} when the header gives none
 * @param address     the addr-spec as written ({@code local@domain}); never {@code null}, but may
 *                    be empty or lack an {@code @} when the header was malformed (the extractor then
 *                    also reports a problem)
 */
public record MailAddress(String displayName, String address) {

    public MailAddress {
        Objects.requireNonNull(address, "address");
    }

    /** {@code "Name <address>"} or just the address, for display; not a header encoding. */
    @Override
    public String toString() {
        return displayName == null ? address : displayName + " <" + address + ">";
    }
}
