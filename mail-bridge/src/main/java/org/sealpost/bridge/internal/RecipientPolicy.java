package org.sealpost.bridge.internal;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which recipients the bridge takes: not more than the limit per message, nobody in the
 * organisation's own domains (those are delivered by the gateway to the internal mail system;
 * if one reaches us, the gateway is misrouting, and it must hear so rather than have the
 * message vanish into the portal), and nobody in the domains the portal reserves for accounts
 * of its own (the warm-up's reader at {@code warm-up.invalid}: the portal deletes every account
 * there, so a message accepted for one would be shredded after our 250).
 */
public final class RecipientPolicy {

    /** RFC 5321 §4.5.3.1.10: an exhausted recipient limit MUST be answered with 452. */
    public static final SmtpReply TOO_MANY_RECIPIENTS = new SmtpReply(452, "4.5.3", "Too many recipients");

    private final int maxRecipients;
    private final Set<String> internalDomains;
    private final Set<String> reservedDomains;

    /**
     * @param maxRecipients recipients accepted per message
     * @param internalDomains the organisation's domains, any case
     * @param reservedDomains the domains the portal keeps for accounts of its own, any case
     */
    public RecipientPolicy(int maxRecipients, Set<String> internalDomains, Set<String> reservedDomains) {
        if (maxRecipients < 1) {
            throw new IllegalArgumentException("maxRecipients must be at least 1");
        }
        this.maxRecipients = maxRecipients;
        this.internalDomains = lowerCase(internalDomains);
        this.reservedDomains = lowerCase(reservedDomains);
    }

    /** Domain names compare without case (RFC 5321, section 2.4). */
    private static Set<String> lowerCase(Set<String> domains) {
        return domains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
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
        // Exact match only, as above. The portal deletes its own accounts in these domains with
        // their messages, so a message for one must be refused here, not lost after our 250. RFC
        // 3463 X.1.2 "bad destination system address": no mailbox there ever receives mail.
        if (reservedDomains.contains(recipient.domainLowerCase())) {
            return Decision.refuse(new SmtpReply(
                    550,
                    "5.1.2",
                    "Recipient domain " + recipient.domainLowerCase() + " is reserved for the portal's own use"
                            + " and receives no mail"));
        }
        return Decision.PROCEED;
    }
}
