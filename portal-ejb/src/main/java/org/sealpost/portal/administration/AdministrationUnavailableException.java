package org.sealpost.portal.administration;

import jakarta.ejb.ApplicationException;

/**
 * The database could not be reached or refused the work; nothing was changed, try again later
 * (the web answers 503). An application exception, so the web receives it as itself and the
 * transaction is rolled back.
 */
@ApplicationException(rollback = true)
public class AdministrationUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AdministrationUnavailableException(Throwable cause) {
        super("the administration's data cannot be read or written now: " + cause.getMessage(), cause);
    }
}
