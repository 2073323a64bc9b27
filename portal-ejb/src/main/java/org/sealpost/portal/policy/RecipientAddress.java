package org.sealpost.portal.policy;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address the portal may send to: an RFC 5322 section 3.4.1 addr-spec read strictly, in one
 * normal form, so that two spellings of one mailbox compare equal and a domain compares with
 * the internal domains exactly.
 *
 * <p>Strict means: the local part is a dot-atom of RFC 5322 atext (no leading, trailing or
 * doubled dot); the domain is a host name of LDH labels (RFC 1035 section 2.3.1, RFC 5890)
 * after IDNA. Refused although RFC 5322 allows them: quoted local parts, domain literals
 * ({@code [192.0.2.1]}), comments and obsolete forms, which RFC 5321 section 4.1.2 advises
 * against and no recipient types on purpose. The length limits are RFC 5321 section 4.5.3.1
 * (64 octets local part, 255 domain, 254 path).
 *
 * <p>Normal form: local part and domain in lower case (as {@code account.EmailAddress} folds
 * accounts), the domain in its IDNA ASCII form ({@code java.net.IDN.toASCII}, RFC 3490), so
 * {@code anna@Bücher.example} and {@code anna@xn--bcher-kva.example} are one address.
 */
public record RecipientAddress(String localPart, String domain) {

    private static final Pattern ATEXT_DOT_ATOM =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public RecipientAddress {
        if (localPart == null
                || domain == null
                || !ATEXT_DOT_ATOM.matcher(localPart).matches()
                || localPart.length() > 64
                || !hostName(domain)) {
            throw new IllegalArgumentException("not a normalised addr-spec: " + localPart + "@" + domain);
        }
    }

    /**
     * Reads one addr-spec, surrounding white space ignored; empty when it is not one.
     */
    public static Optional<RecipientAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1 || s.indexOf('@') != at) {
            return Optional.empty();
        }
        String local = s.substring(0, at);
        if (!ATEXT_DOT_ATOM.matcher(local).matches() || local.length() > 64) {
            return Optional.empty();
        }
        Optional<String> domain = normaliseDomain(s.substring(at + 1));
        if (domain.isEmpty() || local.length() + 1 + domain.get().length() > 254) {
            return Optional.empty();
        }
        return Optional.of(new RecipientAddress(local.toLowerCase(Locale.ROOT), domain.get()));
    }

    /**
     * A domain in the one form addresses and internal domains are compared in: IDNA ASCII
     * (UseSTD3ASCIIRules, so only letters, digits and hyphens), lower case, no trailing dot, at
     * least two labels. Empty when it is not a host name.
     */
    public static Optional<String> normaliseDomain(String domain) {
        if (domain == null || domain.isBlank() || domain.endsWith(".")) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notIdna) {
            return Optional.empty();
        }
        return hostName(ascii) ? Optional.of(ascii) : Optional.empty();
    }

    private static boolean hostName(String ascii) {
        if (ascii.isEmpty() || ascii.length() > 253) {
            return false;
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LDH_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // RFC 3696 section 2: a top-level domain is never all-numeric.
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    /** {@code local@domain}, the form accounts and envelopes use. */
    public String value() {
        return localPart + "@" + domain;
    }

    /** Whether the domain is {@code internalDomain} itself or, if {@code subdomains}, below it. */
    public boolean inDomain(String internalDomain, boolean subdomains) {
        return domain.equals(internalDomain) || subdomains && domain.endsWith("." + internalDomain);
    }

    @Override
    public String toString() {
        return value();
    }
}
