package org.sealpost.portal.session;

import java.time.Instant;

/**
 * One active session of an account as its owner sees it on the account page.
 *
 * @param current whether this is the session that is looking at the list
 */
public record OpenSession(
        SessionHandle handle,
        DeviceSummary device,
        String clientAddress,
        Instant signedInAt,
        Instant lastSeenAt,
        boolean current) {}
