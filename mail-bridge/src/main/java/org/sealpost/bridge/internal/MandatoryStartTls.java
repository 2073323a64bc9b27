package org.sealpost.bridge.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Nothing but the greeting, STARTTLS and housekeeping before TLS is up.
 *
 * <p>RFC 3207 §4: a server that requires TLS "SHOULD reply to every command other than NOOP,
 * EHLO, STARTTLS, or QUIT with the response code 530". HELO and RSET are let through as well:
 * neither can start a transaction, and refusing them only confuses older clients. Mandatory TLS
 * is right here because only the organisation's gateway talks to the bridge; RFC 3207 §4 forbids
 * it on a publicly-referenced server.
 */
public final class MandatoryStartTls {

    public static final SmtpReply MUST_ISSUE_STARTTLS =
            new SmtpReply(530, "5.7.0", "Must issue a STARTTLS command first");

    static final Set<String> ALLOWED_BEFORE_TLS = Set.of("EHLO", "HELO", "STARTTLS", "NOOP", "RSET", "QUIT");

    public Decision decide(String verb, boolean tlsActive) {
        if (tlsActive || ALLOWED_BEFORE_TLS.contains(verb.toUpperCase(Locale.ROOT))) {
            return Decision.PROCEED;
        }
        return Decision.refuse(MUST_ISSUE_STARTTLS);
    }
}
