package org.sealpost.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.meters.PortalMeters;

/**
 * An audit event counts in {@code /metrics} when its transaction commits: one rolled back (a
 * failed action, the warm-up's rehearsed sign-in, ADR 0027) never existed.
 */
class CountAtCommitTest {

    @Test
    void anEventOfACommittedTransactionIsCountedAtCommit() {
        Transaction tx = new Transaction(Status.STATUS_ACTIVE);
        double before = signIns();

        CountAtCommit.count("SIGNED_IN", false, tx);
        assertThat(signIns()).as("before the commit").isEqualTo(before);
        tx.complete(Status.STATUS_COMMITTED);

        assertThat(signIns()).isEqualTo(before + 1);
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverCounted() {
        Transaction tx = new Transaction(Status.STATUS_ACTIVE);
        double before = signIns();

        CountAtCommit.count("SIGNED_IN", false, tx);
        tx.complete(Status.STATUS_ROLLEDBACK);

        assertThat(signIns()).isEqualTo(before);
    }

    @Test
    void anEventOfATransactionMarkedForRollbackIsNeverCounted() {
        double before = signIns();

        CountAtCommit.count("SIGNED_IN", false, new Transaction(Status.STATUS_MARKED_ROLLBACK));

        assertThat(signIns()).isEqualTo(before);
    }

    @Test
    void outsideATransactionTheEventIsCountedAtOnce() {
        double before = signIns();

        CountAtCommit.count("SIGNED_IN", false, new Transaction(Status.STATUS_NO_TRANSACTION));
        CountAtCommit.count("SIGNED_IN", false, null);

        assertThat(signIns()).isEqualTo(before + 2);
    }

    @Test
    void theWarmUpReadersSignInIsCountedApartFromTheUsers() {
        Transaction tx = new Transaction(Status.STATUS_ACTIVE);
        double users = signIns();
        double warmUp = warmUpSignIns();

        CountAtCommit.count("SIGNED_IN", true, tx);
        tx.complete(Status.STATUS_COMMITTED);

        assertThat(signIns()).as("the users' sign-ins").isEqualTo(users);
        assertThat(warmUpSignIns()).isEqualTo(warmUp + 1);
    }

    private static double signIns() {
        return PortalMeters.registry().scrape().stream()
                .filter(s -> s.getMetadata().getPrometheusName().equals("sealpost_sign_ins"))
                .flatMap(s -> ((CounterSnapshot) s).getDataPoints().stream())
                .filter(p -> "success".equals(p.getLabels().get("outcome")))
                .mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue)
                .sum();
    }

    private static double warmUpSignIns() {
        return PortalMeters.registry().scrape().stream()
                .filter(s -> s.getMetadata().getPrometheusName().equals("sealpost_warm_up_sign_ins"))
                .flatMap(s -> ((CounterSnapshot) s).getDataPoints().stream())
                .mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue)
                .sum();
    }

    /** A JTA transaction's registry as the container gives it, completed by the test. */
    private static final class Transaction implements TransactionSynchronizationRegistry {

        private final int status;
        private final List<Synchronization> synchronizations = new ArrayList<>();

        Transaction(int status) {
            this.status = status;
        }

        void complete(int outcome) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            synchronizations.forEach(s -> s.afterCompletion(outcome));
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }
}
