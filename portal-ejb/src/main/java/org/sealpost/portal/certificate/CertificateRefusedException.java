package org.sealpost.portal.certificate;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/** A certificate operation refused with a reason; nothing was changed (in the container: rolled back). */
@ApplicationException(rollback = true)
public class CertificateRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final CertificateProblem problem;

    public CertificateRefusedException(CertificateProblem problem) {
        this(problem, null);
    }

    public CertificateRefusedException(CertificateProblem problem, Throwable cause) {
        super(Objects.requireNonNull(problem, "problem").sentence(), cause);
        this.problem = problem;
    }

    public CertificateProblem problem() {
        return problem;
    }
}
