package org.sealpost.bridge;

import java.util.List;
import java.util.Objects;
import org.sealpost.bridge.internal.ClientAllowList;

/**
 * What decides whether the bridge takes a connection and a message, the part of the settings an
 * administrator may change while the bridge runs: the clients allowed to connect, the
 * encrypt-flag header and whether unflagged mail is accepted too. A running bridge asks its
 * {@link BridgeSettings#admission()} supplier for the current value at every new connection
 * (allow-list) and every message (flag), so a change applies without a restart; connections
 * already open keep the decision they were admitted with.
 *
 * @param allowedClients   CIDR blocks (IPv4 and IPv6) of the clients allowed to connect, at least one
 * @param flagHeaderName   the flag's field name (RFC 5322 §3.6.8 {@code field-name}), compared case-insensitively
 * @param flagHeaderValue  the value that means "encrypt", compared case-insensitively, trimmed
 * @param acceptUnflagged  accept mail without the flag too
 */
public record BridgeAdmission(
        List<String> allowedClients, String flagHeaderName, String flagHeaderValue, boolean acceptUnflagged) {

    /**
     * @throws IllegalArgumentException naming the setting and, for the allow-list, the entry
     */
    public BridgeAdmission {
        Objects.requireNonNull(allowedClients, "allowedClients");
        try {
            ClientAllowList.parse(allowedClients);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("allowedClients: " + e.getMessage(), e);
        }
        allowedClients = List.copyOf(allowedClients);
        if (!isFieldName(flagHeaderName)) {
            throw new IllegalArgumentException("flagHeaderName: '" + flagHeaderName
                    + "' is not a header field name (RFC 5322 §3.6.8: printable ASCII, no colon)");
        }
        if (!isFieldValue(flagHeaderValue)) {
            throw new IllegalArgumentException(
                    "flagHeaderValue: '" + flagHeaderValue + "' must be non-blank printable ASCII");
        }
        flagHeaderValue = flagHeaderValue.strip();
    }

    /**
     * RFC 5322 §3.6.8: {@code field-name = 1*ftext}, {@code ftext = %d33-57 / %d59-126}, that is
     * printable US-ASCII without the space and the colon.
     */
    public static boolean isFieldName(String name) {
        return name != null && !name.isEmpty() && name.chars().allMatch(c -> c >= 33 && c <= 126 && c != ':');
    }

    /**
     * A value the flag can be compared with: printable US-ASCII, not blank. Stricter than RFC 5322
     * (which allows folding and obsolete characters) because the gateway writes it and an
     * administrator types it: neither needs more.
     */
    public static boolean isFieldValue(String value) {
        return value != null && !value.isBlank() && value.strip().chars().allMatch(c -> c >= 32 && c <= 126);
    }

    /**
     * Checks one allow-list entry ({@code 10.1.2.0/24}, {@code 2001:db8::/32}, or a single address).
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    public static void checkClientBlock(String cidr) {
        ClientAllowList.parse(List.of(cidr));
    }
}
