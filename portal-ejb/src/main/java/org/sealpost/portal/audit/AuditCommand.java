package org.sealpost.portal.audit;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.sealpost.portal.operator.OperatorCommand;
import org.sealpost.portal.operator.OperatorContext;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * {@code ./sealpost audit verify}: links the events committed so far (as the portal's worker
 * would, so events recorded while no portal ran are covered too), then walks the chain and names
 * the first event that was changed, inserted or removed. Exit 0 when the chain is intact, 1
 * naming the event otherwise; the check is recorded like the portal's button's. With
 * {@code --anchor SEQ:HASH} (what an earlier check printed) it also fails when the chain no
 * longer passes through that point: recomputed from an earlier event, or restored from an older
 * backup.
 */
public final class AuditCommand implements OperatorCommand {

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public List<String> usage() {
        return List.of("audit verify [--anchor SEQUENCE:HASH]");
    }

    @Override
    public int run(List<String> arguments, OperatorContext context) throws Exception {
        ChainAnchor anchor = null;
        if (arguments.size() == 3
                && arguments.get(0).equals("verify")
                && arguments.get(1).equals("--anchor")) {
            try {
                anchor = ChainAnchor.parse(arguments.get(2));
            } catch (IllegalArgumentException e) {
                context.err().println("sealpost audit: " + e.getMessage());
                return USAGE;
            }
        } else if (arguments.size() != 1 || !arguments.get(0).equals("verify")) {
            context.err()
                    .println("usage: ./sealpost audit verify [--anchor SEQUENCE:HASH] (checks the audit log's hash"
                            + " chain: exit 0 when intact, 1 naming the first event changed, inserted or removed; with an"
                            + " anchor a check printed earlier, also that the chain still passes through it)");
            return USAGE;
        }
        try {
            return verify(context, anchor);
        } catch (StorageUnavailableException e) {
            return OperatorCommand.databaseUnavailable(context, "audit", e);
        }
    }

    private static int verify(OperatorContext context, ChainAnchor anchor) throws Exception {
        // Linking in batches of their own transactions, as the worker does: a long backlog never
        // holds the chain head for the whole verification.
        long linked = 0;
        int batch;
        do {
            batch = context.inTransaction(em -> AuditChainLinker.linkBatch(em.unwrap(Connection.class), Instant.now()));
            linked += batch;
        } while (batch == AuditChainLinker.BATCH);
        if (linked > 0) {
            context.out().println("linked " + linked + " event(s) recorded since the last link");
        }
        ChainAnchor expected = anchor;
        ChainVerdict verdict =
                context.inTransaction(em -> AuditChainCheck.run(em, context.actor(), null, Instant.now(), expected));
        if (verdict.intact()) {
            context.out().println(verdict.describe());
            if (verdict.headSeq() > 0) {
                context.out().println("anchor for the next check: " + verdict.headSeq() + ":" + verdict.headHash());
            }
            return OK;
        }
        context.err().println(verdict.describe());
        return REFUSED;
    }
}
