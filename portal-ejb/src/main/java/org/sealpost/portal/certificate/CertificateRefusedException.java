package org.sealpost.portal.certificate;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Objects;

/**
 * A certificate operation refused with a reason; nothing was changed (in the container: rolled
 * back). The page says {@link #problem()} from its bundle with {@link #arguments()}; the message
 * is the code and the arguments, for the log.
 */
@ApplicationException(rollback = true)
public class CertificateRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final CertificateProblem problem;
    private final List<Object> arguments;

    public CertificateRefusedException(CertificateProblem problem) {
        this(problem, List.of(), null);
    }

    public CertificateRefusedException(CertificateProblem problem, Throwable cause) {
        this(problem, List.of(), cause);
    }

    /**
     * @param arguments the details the translated sentence names, in the order of its {0}, {1}…
     *     (see {@link CertificateProblem}); serializable values such as strings, numbers, dates
     */
    public CertificateRefusedException(CertificateProblem problem, List<?> arguments, Throwable cause) {
        super(
                arguments.isEmpty()
                        ? Objects.requireNonNull(problem, "problem").name()
                        : problem.name() + " " + arguments,
                cause);
        this.problem = problem;
        this.arguments = List.copyOf(arguments);
    }

    public CertificateProblem problem() {
        return problem;
    }

    /** The details of the translated sentence: the value as typed, a subject, a date, a limit. */
    public List<Object> arguments() {
        return arguments;
    }
}
