package org.sealpost.launcher;

import java.util.List;
import org.sealpost.portal.operator.OperatorCommand;
import org.sealpost.portal.operator.OperatorContext;

/**
 * A test-only operator command: {@code probe note TEXT} writes an audit row through the
 * portal's persistence unit, {@code probe refuse} refuses, {@code probe crash} throws.
 */
public final class ProbeCommand implements OperatorCommand {

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public List<String> usage() {
        return List.of("probe note TEXT", "probe refuse", "probe crash");
    }

    @Override
    public int run(List<String> arguments, OperatorContext context) throws Exception {
        switch (arguments.get(0)) {
            case "note" -> {
                context.inTransaction(em -> em.createNativeQuery(
                                "INSERT INTO audit_event (actor, action, detail) VALUES (?, 'PROBE', ?)")
                        .setParameter(1, context.actor())
                        .setParameter(2, arguments.get(1))
                        .executeUpdate());
                context.out().println("noted");
                return OK;
            }
            case "refuse" -> {
                context.err().println("refused for a reason");
                return REFUSED;
            }
            case "crash" -> throw new IllegalStateException("boom");
            default -> {
                return USAGE;
            }
        }
    }
}
