package org.sealpost.portal.message;

import java.util.List;
import java.util.Objects;
import org.sealpost.mailformat.metadata.MailAddress;

/**
 * One mailbox of a message's From, To or Cc header, as its reader sees it.
 *
 * @param displayName the decoded display name (RFC 2047), or {@code null} when the header gives none
 * @param address     the addr-spec as written; never {@code null}, but empty or without an
 *                    {@code @} when the header was malformed
 */
public record Correspondent(String displayName, String address) {

    public Correspondent {
        Objects.requireNonNull(address, "address");
    }

    /** {@code null} for {@code null}: a From header that is absent or unreadable. */
    static Correspondent of(MailAddress address) {
        return address == null ? null : new Correspondent(address.displayName(), address.address());
    }

    static List<Correspondent> of(List<MailAddress> addresses) {
        return addresses.stream().map(Correspondent::of).toList();
    }
}
