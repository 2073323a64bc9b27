package org.sealpost.portal.operator;

import java.util.List;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * One top-level command of {@code ./sealpost} that an operator scripts (for example {@code cert}
 * with its sub-commands {@code show}, {@code self-signed}, {@code csr}, {@code import}).
 * Implementations are listed in {@code META-INF/services/org.sealpost.portal.operator.OperatorCommand}
 * and need a public no-argument constructor.
 *
 * <p>Exit status, as scripts expect it: {@link #OK}; {@link #REFUSED} when the request was
 * understood but refused (the reason, one sentence, on {@link OperatorContext#err()}, nothing
 * changed); {@link #USAGE} when the arguments do not parse (BSD {@code sysexits.h} EX_USAGE);
 * {@link #UNAVAILABLE} when the portal's database could not be used (EX_UNAVAILABLE: a script
 * may try again later).
 */
public interface OperatorCommand {

    int OK = 0;
    int REFUSED = 1;
    int USAGE = 64;
    int UNAVAILABLE = 69;

    /** The word after {@code ./sealpost}: {@code cert}, {@code keys}, {@code audit}. */
    String name();

    /** Usage lines for {@code ./sealpost help}, one per sub-command, without the leading {@code ./sealpost}. */
    List<String> usage();

    /**
     * Runs the command.
     *
     * @param arguments what followed the command's name
     * @return the exit status
     * @throws Exception anything unexpected; the launcher prints it and exits with status 70
     */
    int run(List<String> arguments, OperatorContext context) throws Exception;

    /**
     * Says on {@link OperatorContext#err()}, in one sentence, that the portal's database could
     * not be used (not there, refused the connection or the work), instead of the stack trace
     * the launcher prints for the unexpected; returns {@link #UNAVAILABLE}.
     */
    static int databaseUnavailable(OperatorContext context, String command, StorageUnavailableException e) {
        context.err()
                .println("sealpost " + command + ": the portal's database cannot be used now (" + e.getMessage()
                        + (e.getCause() == null ? "" : ": " + e.getCause().getMessage())
                        + "); check that PostgreSQL runs and SEALPOST_DB_URL names it, then run the command again");
        return UNAVAILABLE;
    }
}
