package org.sealpost.portal.account;

import java.util.Locale;

/**
 * An account's address, case-folded. RFC 5321 §2.4 lets the local part be case-sensitive,
 * but no mail system a portal user meets treats it so, and two accounts for
 * "Anna@bank.example" and "anna@bank.example" would split one person's mail.
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
