package org.sealpost.portal.audit;

import jakarta.ejb.ApplicationException;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The audit trail could not be read or written now (the database is away or refused); try
 * again later (the web answers with a sentence or 503). An application exception, so callers
 * receive it as itself and the transaction is rolled back. A {@link StorageUnavailableException}
 * like every other "the database is away", so whatever maps that (503, an operator command's
 * sentence) maps this too; the audit page still names it on its own.
 */
@ApplicationException(rollback = true)
public class AuditUnavailableException extends StorageUnavailableException {

    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
