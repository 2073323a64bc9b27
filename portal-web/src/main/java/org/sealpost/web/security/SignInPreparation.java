package org.sealpost.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.logging.Logger;
import org.sealpost.portal.account.Passwords;

/**
 * Builds the sign-in's singletons when the application starts, not at the first sign-in: Jakarta
 * Security's identity store handler (Soteria collects every identity store and generates a
 * client proxy class for each: 1.5–2 s on a busy machine) and the portal's {@link Passwords},
 * whose hasher loads the native Argon2 library through JNA (2.5 s there). Created lazily, each
 * was built by the first sign-in while every other sign-in of the first second waited on Weld's
 * creation lock for the same bean, and then the waiting threads passed the lock one by one:
 * thread dumps of a fresh portal under the warm-start benchmark's 50 sign-ins showed all 50
 * parked there for 4–8 s (docs/BENCHMARKS.md, "Warm start: the sign-in storm", ADR 0027).
 * Runs whether or not the warm-up is on: a cold start's first users need it as much.
 */
@ApplicationScoped
public class SignInPreparation {

    private static final Logger LOG = Logger.getLogger(SignInPreparation.class.getName());

    @Inject
    private Passwords passwords;

    void prepare(@Observes @Initialized(ApplicationScoped.class) Object application, BeanManager beans) {
        long t0 = System.nanoTime();
        create(beans, IdentityStoreHandler.class);
        String hashing = passwords.hasher().function().description();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOG.info(() -> String.format("sign-in prepared: identity stores and %s in %d ms", hashing, millis));
    }

    /** The application-scoped instance of {@code type}'s bean, made now (its context is active). */
    private static void create(BeanManager beans, Class<?> type) {
        instance(beans, beans.resolve(beans.getBeans(type)));
    }

    private static <T> void instance(BeanManager beans, Bean<T> bean) {
        beans.getContext(bean.getScope()).get(bean, beans.createCreationalContext(bean));
    }
}
