package org.sealpost.portal.secondfactor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sealpost.portal.account.Account;
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.operator.OperatorCommand;
import org.sealpost.portal.operator.OperatorContext;

/**
 * {@code ./sealpost second-factor status|remove <address>}: for the person who lost both the
 * phone with the authenticator and the recovery codes. {@code remove} deletes the account's
 * authenticator and recovery codes (audited, with the operator as actor); the next sign-in
 * offers a new enrolment, or requires it for an administrator in production. There is no way
 * to do this from the portal's pages on purpose (ADR 0013): a mailbox or a session must not be
 * worth as much as the second factor.
 */
public class SecondFactorCommand implements OperatorCommand {

    @Override
    public String name() {
        return "second-factor";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "second-factor status <address>   whether the account signs in with an authenticator",
                "second-factor remove <address>   remove its authenticator and recovery codes (lost phone)");
    }

    @Override
    public int run(List<String> arguments, OperatorContext context) throws Exception {
        if (arguments.size() != 2 || !List.of("status", "remove").contains(arguments.get(0))) {
            context.err()
                    .println("usage: ./sealpost " + usage().get(0).split("   ")[0] + " | "
                            + usage().get(1).split("   ")[0]);
            return USAGE;
        }
        EmailAddress address;
        try {
            address = EmailAddress.of(arguments.get(1));
        } catch (IllegalArgumentException e) {
            context.err().println("second-factor: '" + arguments.get(1) + "' is not an e-mail address");
            return USAGE;
        }
        boolean remove = arguments.get(0).equals("remove");
        return context.inTransaction(em -> {
            Optional<Account> account = AccountDirectory.byEmail(em, address);
            if (account.isEmpty()) {
                context.err().println("second-factor: no account has the address " + address.value());
                return REFUSED;
            }
            long id = account.get().id();
            SecondFactors factors = new SecondFactors(em);
            boolean on = factors.confirmedFor(id);
            if (!remove) {
                context.out()
                        .println(address.value() + ": "
                                + (on
                                        ? "authenticator on, " + factors.recoveryCodesLeft(id) + " recovery codes left"
                                        : "no authenticator"));
                return OK;
            }
            if (!on && factors.of(id).isEmpty()) {
                context.err().println("second-factor: " + address.value() + " has no authenticator; nothing changed");
                return REFUSED;
            }
            factors.remove(id);
            AuditTrail.on(em)
                    .record(
                            context.actor(),
                            AuditAction.SECOND_FACTOR_DISABLED,
                            "account",
                            Long.toString(id),
                            null,
                            "removed by an operator (lost authenticator)",
                            Instant.now());
            context.out()
                    .println(address.value() + ": authenticator and recovery codes removed; the next sign-in "
                            + "sets up a new one");
            return OK;
        });
    }
}
