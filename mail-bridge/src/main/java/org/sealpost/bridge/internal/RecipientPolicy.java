package org.sealpost.bridge.internal;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which recipients the bridge takes: not more than the limit per message, and nobody in the
 * organisation's own domains (those are delivered by the gateway to the internal mail system;
 * if one reaches us, the gateway is misrouting, and it must hear so rather than have the
 * message vanish into the portal).
 */
public final class RecipientPolicy {

    /** RFC 5321 §4.5.3.1.10: an exhausted recipient limit MUST be answered with 452. */
    public static final SmtpReply TOO_MANY_RECIPIENTS = new SmtpReply(452, "4.5.3", "Too many recipients");

    private final int maxRecipients;
    private final Set<String> internalDomains;

    /**
     * @param maxRecipients recipients accepted per message
     * @param internalDomains the organisation's domains, any case
     */
    public RecipientPolicy(int maxRecipients, Set<String> internalDomains) {
        if (maxRecipients < 1) {
            throw new IllegalArgumentException("maxRecipients must be at least 1");
        }
        this.maxRecipients = maxRecipients;
        this.internalDomains = internalDomains.stream()
                .map(domain -> domain.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param recipient the RCPT TO mailbox
     * @param alreadyAccepted how many recipients this transaction has accepted so far
     */
    public Decision decide(Mailbox recipient, int alreadyAccepted) {
        if (alreadyAccepted >= maxRecipients) {
            return Decision.refuse(TOO_MANY_RECIPIENTS);
        }
        // Exact match only: a subdomain of an internal domain may well be hosted elsewhere.
        if (internalDomains.contains(recipient.domainLowerCase())) {
            return Decision.refuse(new SmtpReply(
                    550,
                    "5.7.1",
                    "Recipient domain " + recipient.domainLowerCase() + " is internal: internal"
                            + " recipients are served by the gateway directly, not by the secure"
                            + " message portal"));
        }
        return Decision.PROCEED;
    }
}
