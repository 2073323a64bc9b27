package org.sealpost.portal.administration;

import jakarta.persistence.PersistenceException;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The console services' one translation of a database failure: whatever the work could not read
 * or write ({@link StorageUnavailableException}, or JPA's {@link PersistenceException}) leaves
 * the service as an {@link AdministrationUnavailableException} (the web answers 503); the work's
 * own refusals pass through unchanged.
 */
final class StorageGuard {

    private StorageGuard() {}

    /** Work that answers something; {@code E} is what it may refuse with. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Work that answers nothing. */
    @FunctionalInterface
    interface Action<E extends Exception> {
        void run() throws E;
    }

    static <T, E extends Exception> T get(Work<T, E> work) throws E {
        try {
            return work.run();
        } catch (StorageUnavailableException | PersistenceException e) {
            throw new AdministrationUnavailableException(e);
        }
    }

    static <E extends Exception> void run(Action<E> action) throws E {
        try {
            action.run();
        } catch (StorageUnavailableException | PersistenceException e) {
            throw new AdministrationUnavailableException(e);
        }
    }
}
