package org.sealpost.portal.account;

import java.net.IDN;
import java.util.Locale;

/**
 * An account's address, case-folded, its domain in IDNA ASCII form. RFC 5321 §2.4 lets the
 * local part be case-sensitive, but no mail system a portal user meets treats it so, and two
 * accounts for "Anna@bank.example" and "anna@bank.example" would split one person's mail. For
 * the same reason "anna@müller.example" (as an SMTPUTF8 gateway relays it, RFC 6531) and
 * "anna@xn--mller-kva.example" (as most gateways relay it) are one address: the domain is
 * converted with IDNA (RFC 5891, {@link IDN#toASCII}), the form the policy compares domains in.
 * A domain IDNA cannot convert is kept as written, so a message for it is still stored.
 */
public record EmailAddress(String value) {

    public EmailAddress {
        if (value == null) {
            throw new IllegalArgumentException("an e-mail address is required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1 || value.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("not an e-mail address: " + value);
        }
        value = value.substring(0, at + 1) + asciiDomain(value.substring(at + 1));
    }

    private static String asciiDomain(String domain) {
        if (domain.chars().allMatch(c -> c < 0x80)) {
            return domain;
        }
        try {
            return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notIdna) {
            return domain;
        }
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
