package org.sealpost.portal.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.sealpost.portal.config.ProductionReadiness;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.KeyStoreUnusableException;
import org.sealpost.portal.crypto.KeystoreLocation;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.operator.OperatorCommand;
import org.sealpost.portal.operator.OperatorContext;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * {@code ./sealpost keys status|rotate|retire VERSION}: the key-encryption keys from the
 * operator's shell, on the same keystore and database as the running portal, which picks a
 * change up within seconds (it looks at the keystore file every two seconds). A rotation
 * re-wraps in the foreground, printing its progress, unless {@code --no-wait}; either way the
 * portal's nodes finish what this command leaves, so stopping it midway loses nothing.
 */
public final class KeysCommand implements OperatorCommand {

    /** How often the foreground re-wrap prints its progress. */
    private static final Duration REPORT_EVERY = Duration.ofSeconds(2);

    private final Clock clock;

    public KeysCommand() {
        this(Clock.systemUTC());
    }

    KeysCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "keys status              the key-encryption key versions, the data keys each wraps, the rotation's progress",
                "keys rotate [--no-wait]  a new version becomes current; re-wraps every data key to it (the portal finishes it too)",
                "keys retire VERSION      removes an unused, superseded version (e.g. kek-v1 or 1) from the keystore");
    }

    @Override
    public int run(List<String> arguments, OperatorContext context) throws Exception {
        if (arguments.isEmpty()) {
            return usage(context);
        }
        String sub = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        return switch (sub) {
            case "status" -> rest.isEmpty() ? withKeys(context, keks -> status(context, keks)) : usage(context);
            case "rotate" ->
                rest.isEmpty() || rest.equals(List.of("--no-wait"))
                        ? withKeys(context, keks -> rotate(context, keks, rest.isEmpty()))
                        : usage(context);
            case "retire" -> {
                Integer version = rest.size() == 1 ? version(rest.get(0)) : null;
                yield version == null ? usage(context) : withKeys(context, keks -> retire(context, keks, version));
            }
            default -> usage(context);
        };
    }

    @FunctionalInterface
    private interface KeysWork {
        int run(KeyEncryptionKeys keks) throws Exception;
    }

    /** Opens the keystore as the portal does, refusing in production one that others may read or write. */
    private static int withKeys(OperatorContext context, KeysWork work) throws Exception {
        KeystoreLocation location = KeystoreLocation.of(context::setting, context.dataDirectory());
        if (context.production()) {
            var problem = ProductionReadiness.keystoreFileProblem(location.path());
            if (problem.isPresent()) {
                context.err().println("sealpost keys: refused: " + problem.get());
                return REFUSED;
            }
        }
        KeyEncryptionKeys keks;
        try {
            keks = location.openExisting();
        } catch (KeyStoreUnusableException e) {
            context.err().println("sealpost keys: " + e.getMessage());
            return REFUSED;
        }
        try {
            return work.run(keks);
        } catch (StorageUnavailableException e) {
            return OperatorCommand.databaseUnavailable(context, "keys", e);
        }
    }

    private int status(OperatorContext context, KeyEncryptionKeys keks) throws Exception {
        KeyStatus status = context.inTransaction(em -> lifecycle(em, keks).status());
        print(context, status);
        return OK;
    }

    private int rotate(OperatorContext context, KeyEncryptionKeys keks, boolean wait) throws Exception {
        int version = context.inTransaction(em -> lifecycle(em, keks).rotate(context.actor()));
        context.out()
                .println("kek-v" + version + " is now current in " + keks.path()
                        + "; running portal nodes use it for new data keys within "
                        + KeyEncryptionKeys.FILE_CHECK_INTERVAL.toSeconds() + " s.");
        if (!wait) {
            context.out()
                    .println("The portal re-wraps the older data keys in the background;"
                            + " ./sealpost keys status shows the progress.");
            return OK;
        }
        context.out()
                .println("Re-wrapping the older data keys to kek-v" + version + " from "
                        + KekRotation.SETTLE.toSeconds() + " s after the rotation (stopping this command loses nothing:"
                        + " the portal's nodes go on).");
        Instant nextReport = clock.instant();
        while (true) {
            KeyLifecycle.RewrapState state =
                    context.inTransaction(em -> lifecycle(em, keks).rewrapState());
            if (state == KeyLifecycle.RewrapState.NOTHING_TO_DO) {
                break;
            }
            if (state == KeyLifecycle.RewrapState.SETTLING) {
                Thread.sleep(500);
                continue;
            }
            WrappedDataKeys.Batch batch =
                    context.inTransaction(em -> lifecycle(em, keks).rewrapBatch(KeyLifecycle.BATCH));
            if (batch.rewrapped() == 0 && batch.broken() > 0) {
                context.err()
                        .println("sealpost keys: " + batch.broken() + " data keys do not open under the version"
                                + " they name (altered rows; the portal's log names them) and stay as they are.");
                return REFUSED;
            }
            if (batch.rewrapped() == 0) {
                // Everything left is locked by another node's batch: let it finish.
                Thread.sleep(500);
            }
            if (!clock.instant().isBefore(nextReport)) {
                KeyStatus status =
                        context.inTransaction(em -> lifecycle(em, keks).status());
                status.rotation().ifPresent(p -> context.out().println(progressLine(p)));
                nextReport = clock.instant().plus(REPORT_EVERY);
            }
        }
        KeyStatus status = context.inTransaction(em -> lifecycle(em, keks).status());
        status.rotation().ifPresent(p -> context.out().println(progressLine(p)));
        context.out()
                .println("Every data key is wrapped by kek-v" + version + ". Retire the older versions once no"
                        + " backup you keep needs them (./sealpost keys retire VERSION; docs: ADR 0012).");
        return OK;
    }

    private int retire(OperatorContext context, KeyEncryptionKeys keks, int version) throws Exception {
        RetireRefusedException refused = context.inTransaction(em -> {
            KeyLifecycle lifecycle = lifecycle(em, keks);
            try {
                lifecycle.retire(version, context.actor());
                return null;
            } catch (RetireRefusedException e) {
                return e; // committed with its audit event; nothing else changed
            }
        });
        if (refused != null) {
            context.err().println("sealpost keys: refused: " + refused.getMessage());
            return REFUSED;
        }
        context.out()
                .println("kek-v" + version + " is retired: removed from " + keks.path()
                        + ". Whatever it wrapped opens from no database backup, once no copy of the keystore that holds"
                        + " it survives: replace or destroy the keystore backups taken before now (ADR 0012).");
        if (keks.versions().first() > version) {
            context.out()
                    .println("The search index key is derived from the oldest version, which changed: each"
                            + " portal node rebuilds its search index at its next start.");
        }
        return OK;
    }

    private KeyLifecycle lifecycle(jakarta.persistence.EntityManager em, KeyEncryptionKeys keks) {
        return new KeyLifecycle(em, keks, new MessageSealer(keks), clock);
    }

    /** {@code 3} or {@code kek-v3}; null when neither. */
    static Integer version(String given) {
        String digits = given.toLowerCase(Locale.ROOT).startsWith("kek-v") ? given.substring(5) : given;
        if (!digits.matches("[1-9][0-9]{0,8}")) {
            return null;
        }
        return Integer.parseInt(digits);
    }

    private int usage(OperatorContext context) {
        context.err().println("usage:");
        usage().forEach(line -> context.err().println("  ./sealpost " + line));
        return USAGE;
    }

    static void print(OperatorContext context, KeyStatus status) {
        var out = context.out();
        out.println("keystore " + status.keystore());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s %-8s", "version", "state"));
        for (DataKeyTable t : DataKeyTable.values()) {
            header.append(String.format(Locale.ROOT, " %16s", t.table()));
        }
        out.println(header.append(String.format(Locale.ROOT, " %10s", "total")));
        for (KeyStatus.VersionUse v : status.versions()) {
            String state = v.current() ? "current" : v.inKeystore() ? "older" : "MISSING";
            StringBuilder line =
                    new StringBuilder(String.format(Locale.ROOT, "%-10s %-8s", "kek-v" + v.version(), state));
            for (DataKeyTable t : DataKeyTable.values()) {
                line.append(String.format(Locale.ROOT, " %16d", v.keysIn(t)));
            }
            out.println(line.append(String.format(Locale.ROOT, " %10d", v.total())));
        }
        if (status.unopenable() > 0) {
            out.println("WARNING: " + status.unopenable() + " data keys are wrapped by versions this keystore does"
                    + " not hold (MISSING): they do not open. Was the keystore restored from an older backup?");
        }
        out.println(status.rotation().map(KeysCommand::progressLine).orElse("no rotation recorded"));
    }

    static String progressLine(RotationProgress p) {
        StringBuilder s = new StringBuilder("rotation to kek-v" + p.version() + " (started " + p.startedAt() + " by "
                + p.startedBy() + "): " + p.done() + " re-wrapped, " + p.left() + " left");
        if (p.perSecond() != null) {
            s.append(String.format(Locale.ROOT, ", %.0f keys/s", p.perSecond()));
        }
        if (p.finished()) {
            s.append(", finished ").append(p.finishedAt());
        } else if (!p.settled()) {
            s.append(", starts when every node uses the new version");
        } else if (p.timeLeft() != null) {
            s.append(", about ").append(p.timeLeft().toSeconds()).append(" s left");
        }
        return s.toString();
    }
}
