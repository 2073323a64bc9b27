package org.sealpost.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole matrix of issue 11: 5 actions × 3 scopes × {internal only, external only, mixed,
 * malformed} × {with, without attachment}. The expected outcomes are written out below as
 * tables, straight from the product's rules, not computed by the code under test:
 *
 * <ul>
 * <li>a disabled action refuses the whole message;
 * <li>internal only refuses every external address;
 * <li>internal and external allows external addresses only beside at least one internal one;
 * <li>a malformed address is refused for itself;
 * <li>attach is checked only when something is attached: disabled refuses the message,
 * internal only refuses each external address.
 * </ul>
 *
 * For the four writing actions attach is fully allowed (so only the action's scope matters);
 * for ATTACH the message is a new one that may go anywhere (so only attach's scope matters).
 */
class PortalPolicyMatrixTest {

    private static final String INSIDE = "anna@bank.example";
    private static final String OUTSIDE = "otto@client.example";
    private static final String BROKEN = "otto at client.example";

    enum Recipients {
        INTERNAL_ONLY(INSIDE),
        EXTERNAL_ONLY(OUTSIDE),
        MIXED(INSIDE + ", " + OUTSIDE),
        MALFORMED(INSIDE + ", " + BROKEN);

        final String to;

        Recipients(String to) {
            this.to = to;
        }
    }

    /** Refusals of a writing action with the given scope, attach allowed everywhere. */
    private static final Map<Scope, Map<Recipients, Set<String>>> WRITING = Map.of(
            Scope.DISABLED,
                    Map.of(
                            Recipients.INTERNAL_ONLY, Set.of("ACTION_DISABLED"),
                            Recipients.EXTERNAL_ONLY, Set.of("ACTION_DISABLED"),
                            Recipients.MIXED, Set.of("ACTION_DISABLED"),
                            Recipients.MALFORMED, Set.of("ACTION_DISABLED")),
            Scope.INTERNAL_ONLY,
                    Map.of(
                            Recipients.INTERNAL_ONLY, Set.of(),
                            Recipients.EXTERNAL_ONLY, Set.of("EXTERNAL_NOT_ALLOWED " + OUTSIDE),
                            Recipients.MIXED, Set.of("EXTERNAL_NOT_ALLOWED " + OUTSIDE),
                            Recipients.MALFORMED, Set.of("MALFORMED_ADDRESS " + BROKEN)),
            Scope.INTERNAL_AND_EXTERNAL,
                    Map.of(
                            Recipients.INTERNAL_ONLY, Set.of(),
                            Recipients.EXTERNAL_ONLY, Set.of("INTERNAL_RECIPIENT_REQUIRED"),
                            Recipients.MIXED, Set.of(),
                            Recipients.MALFORMED, Set.of("MALFORMED_ADDRESS " + BROKEN)));

    /** Refusals of a new message (compose reaching everywhere) by attach's scope, with a file attached. */
    private static final Map<Scope, Map<Recipients, Set<String>>> ATTACHING = Map.of(
            Scope.DISABLED,
                    Map.of(
                            Recipients.INTERNAL_ONLY, Set.of("ATTACHMENTS_DISABLED"),
                            Recipients.EXTERNAL_ONLY, Set.of("ATTACHMENTS_DISABLED", "INTERNAL_RECIPIENT_REQUIRED"),
                            Recipients.MIXED, Set.of("ATTACHMENTS_DISABLED"),
                            Recipients.MALFORMED, Set.of("ATTACHMENTS_DISABLED", "MALFORMED_ADDRESS " + BROKEN)),
            Scope.INTERNAL_ONLY,
                    Map.of(
                            Recipients.INTERNAL_ONLY, Set.of(),
                            Recipients.EXTERNAL_ONLY,
                                    Set.of(
                                            "ATTACHMENTS_EXTERNAL_NOT_ALLOWED " + OUTSIDE,
                                            "INTERNAL_RECIPIENT_REQUIRED"),
                            Recipients.MIXED, Set.of("ATTACHMENTS_EXTERNAL_NOT_ALLOWED " + OUTSIDE),
                            Recipients.MALFORMED, Set.of("MALFORMED_ADDRESS " + BROKEN)),
            Scope.INTERNAL_AND_EXTERNAL,
                    Map.of(
                            Recipients.INTERNAL_ONLY, Set.of(),
                            Recipients.EXTERNAL_ONLY, Set.of("INTERNAL_RECIPIENT_REQUIRED"),
                            Recipients.MIXED, Set.of(),
                            Recipients.MALFORMED, Set.of("MALFORMED_ADDRESS " + BROKEN)));

    /** Without a file, attach's scope plays no part: only compose's rule (external needs internal) and malformed remain. */
    private static final Map<Recipients, Set<String>> NOT_ATTACHING = Map.of(
            Recipients.INTERNAL_ONLY, Set.of(),
            Recipients.EXTERNAL_ONLY, Set.of("INTERNAL_RECIPIENT_REQUIRED"),
            Recipients.MIXED, Set.of(),
            Recipients.MALFORMED, Set.of("MALFORMED_ADDRESS " + BROKEN));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (PortalAction action : PortalAction.values()) {
            for (Scope scope : Scope.values()) {
                for (Recipients recipients : Recipients.values()) {
                    for (boolean attached : new boolean[] {true, false}) {
                        Set<String> expected;
                        if (action.writes()) {
                            expected = WRITING.get(scope).get(recipients);
                        } else {
                            expected = attached ? ATTACHING.get(scope).get(recipients) : NOT_ATTACHING.get(recipients);
                        }
                        cases.add(Arguments.of(action, scope, recipients, attached, expected));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}, {2}, attachment {3} -> {4}")
    @MethodSource("matrix")
    void everyActionScopeRecipientMixAndAttachmentIsDecidedAsTheRulesSay(
            PortalAction action, Scope scope, Recipients recipients, boolean attached, Set<String> expected) {
        Map<PortalAction, Scope> scopes = new EnumMap<>(PortalAction.class);
        PortalAction writing;
        if (action.writes()) {
            for (PortalAction a : PortalAction.values()) {
                scopes.put(a, Scope.INTERNAL_AND_EXTERNAL);
            }
            scopes.put(action, scope);
            writing = action;
        } else {
            for (PortalAction a : PortalAction.values()) {
                scopes.put(a, Scope.INTERNAL_AND_EXTERNAL);
            }
            scopes.put(PortalAction.ATTACH, scope);
            writing = PortalAction.COMPOSE;
        }
        PortalPolicy policy = PortalPolicy.of(scopes, List.of("bank.example"), false, 25L << 20, 20, Instant.EPOCH);

        SendDecision decision = policy.decide(
                writing,
                TypedAddress.read(recipients.to, ""),
                attached ? new AttachmentLoad(1, 100_000) : AttachmentLoad.NONE);

        assertThat(summary(decision)).isEqualTo(new TreeSet<>(expected));
        assertThat(decision.allowed()).isEqualTo(expected.isEmpty());
    }

    /** "REASON" for a message-wide refusal, "REASON address-as-typed" for one about an address. */
    static Set<String> summary(SendDecision decision) {
        Set<String> s = new TreeSet<>();
        for (Refusal r : decision.refusals()) {
            s.add(r.address() == null ? r.reason().name() : r.reason().name() + " " + r.address());
        }
        return s;
    }
}
