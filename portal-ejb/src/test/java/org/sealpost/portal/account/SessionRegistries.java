package org.sealpost.portal.account;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.sealpost.portal.session.SessionRegistry;

/** The session registry on a test's entity manager, as the container shares the sign-in's transaction with it. */
final class SessionRegistries {

    private SessionRegistries() {}

    static SessionRegistry on(EntityManager em) {
        return new SessionRegistry(em, AccountDirectory::sessionStanding, Duration.ofMinutes(15), Duration.ofHours(12));
    }
}
