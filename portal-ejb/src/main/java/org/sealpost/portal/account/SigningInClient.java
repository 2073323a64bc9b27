package org.sealpost.portal.account;

import java.util.Objects;
import org.sealpost.portal.language.Language;

/**
 * Who is signing in, as far as a sign-in records it: the client's address (the throttle, the
 * audit event and the session's row), its browser (the session's row, which the account's
 * session list names) and the language of the sign-in page (the account's mails, ADR 0018).
 *
 * @param address the client's address, as the trusted proxies report it
 * @param userAgent the browser's {@code User-Agent}, or null when it sent none
 * @param pageLanguage the language the sign-in page was shown in
 */
public record SigningInClient(String address, String userAgent, Language pageLanguage) {

    public SigningInClient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(pageLanguage, "pageLanguage");
    }
}
