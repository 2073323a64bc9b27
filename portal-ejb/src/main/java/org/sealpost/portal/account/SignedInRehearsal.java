package org.sealpost.portal.account;

import java.time.Instant;
import org.sealpost.portal.session.SessionHandle;

/**
 * What a warm-up rehearses as the rehearsed sign-in's account once it is signed in (ADR 0027):
 * run by {@link SignInRehearsal#round} in the rehearsal's own transaction, after the session's
 * registry row is written and before everything is rolled back, so it may write as a
 * signed-in request does and leaves nothing behind either.
 */
@FunctionalInterface
public interface SignedInRehearsal {

    /**
     * @param accountId the throw-away account, which exists only inside the transaction
     * @param session   its session's registry row, as a signed-in request carries it
     * @throws Exception anything the rehearsed path can throw; the round fails with it
     */
    void signedIn(long accountId, SessionHandle session, Instant now) throws Exception;
}
