package org.sealpost.bridge.internal;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sealpost.bridge.BridgeAdmission;

/**
 * The allow-list and encrypt-flag rule in force, from the settings' admission supplier, asked
 * again at every connection and every message. The rules are rebuilt only when the supplied
 * value changes, and a supplier that fails leaves the last rules in force (logged), because a
 * bridge that refused everything while the portal's database restarted would bounce the
 * gateway's mail, and one that accepted everything would break its promise.
 */
public final class CurrentAdmission {

    private static final Logger LOG = Logger.getLogger(CurrentAdmission.class.getName());

    private record Rules(BridgeAdmission source, ClientAllowList allowList, EncryptFlagRule encryptFlag) {

        static Rules of(BridgeAdmission admission) {
            return new Rules(
                    admission,
                    ClientAllowList.parse(admission.allowedClients()),
                    new EncryptFlagRule(
                            admission.flagHeaderName(), admission.flagHeaderValue(), admission.acceptUnflagged()));
        }
    }

    private final Supplier<BridgeAdmission> supplier;
    private volatile Rules rules;

    public CurrentAdmission(Supplier<BridgeAdmission> supplier) {
        this.supplier = Objects.requireNonNull(supplier, "supplier");
        this.rules = Rules.of(Objects.requireNonNull(supplier.get(), "the admission supplier gave null"));
    }

    /** The allow-list for a connection opening now. */
    public ClientAllowList allowList() {
        return current().allowList();
    }

    /** The encrypt-flag rule for a message received now. */
    public EncryptFlagRule encryptFlag() {
        return current().encryptFlag();
    }

    private Rules current() {
        Rules last = rules;
        BridgeAdmission now;
        try {
            now = supplier.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the bridge's admission settings cannot be read; the last ones stay in force", e);
            return last;
        }
        if (now == null || now.equals(last.source())) {
            return last;
        }
        Rules fresh = Rules.of(now);
        rules = fresh;
        return fresh;
    }
}
