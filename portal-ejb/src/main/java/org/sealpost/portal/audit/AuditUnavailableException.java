package org.sealpost.portal.audit;

import jakarta.ejb.ApplicationException;

/**
 * The audit trail could not be read or written now (the database is away or refused); try
 * again later (the web answers with a sentence or 503). An application exception, so callers
 * receive it as itself and the transaction is rolled back.
 */
@ApplicationException(rollback = true)
public class AuditUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
