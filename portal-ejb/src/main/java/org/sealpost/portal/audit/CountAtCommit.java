package org.sealpost.portal.audit;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.sealpost.portal.meters.PortalMeters;

/**
 * Counts an audit event in the meters ({@code /metrics}) when its transaction commits, not when
 * its row is inserted: an event whose transaction rolls back never existed, in the table as in
 * the counters. A failed action rolled back after its audit row (a refused send, a crash
 * mid-sign-in) and the warm-up's rehearsed sign-in (ADR 0027), which is always rolled back,
 * must not show as sign-ins on a dashboard. Outside a JTA transaction (the intake's own JDBC
 * transaction, the operator commands, tests) the event is counted at once, as before.
 *
 * <p>JTA 2.0, {@code TransactionSynchronizationRegistry}: an interposed synchronization's
 * {@code afterCompletion} is told whether the transaction committed.
 */
final class CountAtCommit {

    /** Jakarta EE's standard name of the registry (Jakarta Transactions 2.0, 3.3.2). */
    static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    /** Found once; a failed look-up is not kept (a thread without naming context may ask first). */
    private static volatile TransactionSynchronizationRegistry found;

    private CountAtCommit() {}

    /** @param warmUp whether the event is the portal's own warm-up's ({@link WarmUpActors}) */
    static void count(String action, boolean warmUp) {
        count(action, warmUp, registry());
    }

    static void count(String action, boolean warmUp, TransactionSynchronizationRegistry transactions) {
        int status = transactions == null ? Status.STATUS_NO_TRANSACTION : transactions.getTransactionStatus();
        if (status == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // counted only once the outcome is known
                }

                @Override
                public void afterCompletion(int outcome) {
                    if (outcome == Status.STATUS_COMMITTED) {
                        PortalMeters.audited(action, warmUp);
                    }
                }
            });
        } else if (status != Status.STATUS_MARKED_ROLLBACK) {
            PortalMeters.audited(action, warmUp);
        }
    }

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry r = found;
        if (r == null) {
            try {
                r = InitialContext.doLookup(REGISTRY);
                found = r;
            } catch (NamingException | RuntimeException outsideTheContainer) {
                return null;
            }
        }
        return r;
    }
}
