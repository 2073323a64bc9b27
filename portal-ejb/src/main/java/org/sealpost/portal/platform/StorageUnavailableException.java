package org.sealpost.portal.platform;

import jakarta.ejb.ApplicationException;

/**
 * The database could not be reached or refused the work; try again later (the web answers
 * 503). An application exception, so the web receives it as itself (not wrapped in an
 * EJBException) and the transaction is rolled back.
 */
@ApplicationException(rollback = true)
public class StorageUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
