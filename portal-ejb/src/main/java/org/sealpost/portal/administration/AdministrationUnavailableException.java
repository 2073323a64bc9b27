package org.sealpost.portal.administration;

import jakarta.ejb.ApplicationException;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The database could not be reached or refused the work; nothing was changed, try again later
 * (the web answers 503); the console's own kind of {@link StorageUnavailableException}. An application exception, so the web receives it as itself and the
 * transaction is rolled back.
 */
@ApplicationException(rollback = true)
public class AdministrationUnavailableException extends StorageUnavailableException {

    private static final long serialVersionUID = 1L;

    public AdministrationUnavailableException(Throwable cause) {
        super("the administration's data cannot be read or written now: " + cause.getMessage(), cause);
    }
}
