package org.sealpost.portal.settings;

import java.util.ArrayList;
import java.util.List;
import org.sealpost.bridge.BridgeAdmission;

/**
 * The mail bridge's rules an administrator may change while it runs: the gateway addresses
 * allowed to connect (CIDR blocks, IPv4 and IPv6), the encrypt-flag header the gateway adds
 * (RFC 5322 field name and value), and whether mail without it is accepted too. Checked with
 * the bridge's own parser, so what is saved is what the bridge accepts.
 */
public record BridgeRules(
        List<String> allowedClients, String flagHeaderName, String flagHeaderValue, boolean acceptUnflagged) {

    /** @throws SettingsRefusedException naming the bad entry, name or value */
    public BridgeRules {
        List<String> blocks = new ArrayList<>();
        for (String entry : allowedClients == null ? List.<String>of() : allowedClients) {
            String cidr = entry == null ? "" : entry.strip();
            if (cidr.isEmpty()) {
                continue;
            }
            try {
                BridgeAdmission.checkClientBlock(cidr);
            } catch (IllegalArgumentException e) {
                throw new SettingsRefusedException(SettingsProblem.ALLOWED_CLIENT_INVALID, cidr);
            }
            blocks.add(cidr);
        }
        if (blocks.isEmpty()) {
            throw new SettingsRefusedException(SettingsProblem.ALLOWED_CLIENTS_EMPTY, "");
        }
        allowedClients = List.copyOf(blocks);
        String name = flagHeaderName == null ? "" : flagHeaderName.strip();
        if (!BridgeAdmission.isFieldName(name)) {
            throw new SettingsRefusedException(SettingsProblem.FLAG_HEADER_NAME_INVALID, flagHeaderName);
        }
        flagHeaderName = name;
        if (!BridgeAdmission.isFieldValue(flagHeaderValue)) {
            throw new SettingsRefusedException(SettingsProblem.FLAG_HEADER_VALUE_INVALID, flagHeaderValue);
        }
        flagHeaderValue = flagHeaderValue.strip();
    }

    /** Splits what an administrator typed: blocks separated by commas, spaces or line breaks. */
    public static List<String> splitList(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return List.of(typed.strip().split("[,\\s]+"));
    }

    /** What the running bridge is given. */
    public BridgeAdmission admission() {
        return new BridgeAdmission(allowedClients, flagHeaderName, flagHeaderValue, acceptUnflagged);
    }
}
