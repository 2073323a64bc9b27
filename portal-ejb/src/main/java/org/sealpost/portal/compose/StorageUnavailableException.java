package org.sealpost.portal.compose;

/** The database could not be reached or refused the work; try again later (the web answers 503). */
public class StorageUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
