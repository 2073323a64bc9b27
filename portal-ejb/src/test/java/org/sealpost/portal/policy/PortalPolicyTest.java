package org.sealpost.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.Setting;

/** Sub-domains, IDN, limits and the edges of the decision the matrix does not reach. */
class PortalPolicyTest {

    private static PortalPolicy everywhere(List<String> domains, boolean subdomains) {
        return everywhere(Scope.INTERNAL_ONLY, domains, subdomains);
    }

    private static PortalPolicy everywhere(Scope scope, List<String> domains, boolean subdomains) {
        Map<PortalAction, Scope> scopes = new EnumMap<>(PortalAction.class);
        for (PortalAction a : PortalAction.values()) {
            scopes.put(a, scope);
        }
        return PortalPolicy.of(scopes, domains, subdomains, 25L << 20, 20, Instant.EPOCH);
    }

    private static SendDecision compose(PortalPolicy policy, String to) {
        return policy.decide(PortalAction.COMPOSE, TypedAddress.read(to, ""), AttachmentLoad.NONE);
    }

    @Test
    void aSubDomainIsInternalOnlyWhenTheSwitchSaysSo() {
        assertThat(compose(everywhere(List.of("bank.example"), true), "anna@mail.bank.example")
                        .allowed())
                .isTrue();
        assertThat(compose(everywhere(List.of("bank.example"), false), "anna@mail.bank.example")
                        .allowed())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "anna@evilbank.example",
                "anna@bank.example.evil.example",
                "anna@bank.examples",
                "anna@xbank.example"
            })
    void aDomainThatMerelyLooksLikeTheInternalOneIsExternalEvenWithSubDomains(String address) {
        SendDecision d = compose(everywhere(List.of("bank.example"), true), address);
        assertThat(PortalPolicyMatrixTest.summary(d)).containsExactly("EXTERNAL_NOT_ALLOWED " + address);
    }

    @Test
    void anInternationalisedDomainIsInternalInEitherSpellingAndDeliveredOnce() {
        PortalPolicy policy = everywhere(List.of("Bücher.example"), false);

        SendDecision d =
                compose(policy, "anna@bücher.example, Anna@XN--BCHER-KVA.example; \"Anna B.\" <anna@BÜCHER.example>");

        assertThat(d.allowed()).isTrue();
        assertThat(d.internal()).extracting(RecipientAddress::value).containsExactly("anna@xn--bcher-kva.example");
        assertThat(policy.internalDomains()).containsExactly("xn--bcher-kva.example");
    }

    @Test
    void anInternationalisedLookAlikeIsNotTheInternalDomain() {
        // Cyrillic "а" (U+0430) in place of the Latin "a": another domain after IDNA.
        SendDecision d = compose(everywhere(List.of("bank.example"), true), "anna@b\u0430nk.example");
        assertThat(d.allowed()).isFalse();
        assertThat(d.external())
                .singleElement()
                .satisfies(a -> assertThat(a.domain())
                        .startsWith("xn--")
                        .endsWith(".example")
                        .isNotEqualTo("bank.example"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain",
                "@bank.example",
                "anna@",
                "anna@@bank.example",
                "an na@bank.example",
                "anna..b@bank.example",
                ".anna@bank.example",
                "anna.@bank.example",
                "\"anna\"@bank.example",
                "anna@[192.0.2.1]",
                "anna@bank",
                "anna@bank..example",
                "anna@-bank.example",
                "anna@bank.example.",
                "anna@bank_x.example",
                "anna@bank.123",
                "Anna <anna@bank.example",
                "a <b> <anna@bank.example>",
                "anna(comment)@bank.example",
                "anna@bank.example\u0000"
            })
    void anAddressThatIsNotAStrictAddrSpecIsRefusedAsMalformed(String typed) {
        SendDecision d = compose(everywhere(List.of("bank.example"), false), typed);
        assertThat(d.refusals()).extracting(Refusal::reason).containsExactly(RefusalReason.MALFORMED_ADDRESS);
        assertThat(d.refusals().get(0).arguments()).containsExactly(typed.strip());
    }

    /**
     * The warm-up deletes every account at warm-up.invalid, with its messages, once it is an hour
     * old: a portal copy for such an address would be a PENDING account that is shredded, and its
     * notification could never arrive (RFC 2606 reserves .invalid). Refused for itself, once, and
     * not also as external: letting external addresses through would not let it go.
     */
    @ParameterizedTest
    @EnumSource(
            value = Scope.class,
            names = {"INTERNAL_ONLY", "INTERNAL_AND_EXTERNAL"})
    void anAddressAtTheReservedDomainIsRefusedAtTheFieldItWasTypedInWhateverTheScope(Scope scope) {
        SendDecision d = everywhere(scope, List.of("bank.example"), false)
                .decide(
                        PortalAction.REPLY_ALL,
                        TypedAddress.read("anna@bank.example", "reader-1@warm-up.invalid"),
                        new AttachmentLoad(1, 1000));

        assertThat(d.refusals()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.RESERVED_ADDRESS);
            assertThat(r.field()).isEqualTo(AddressField.CC);
            assertThat(r.address()).isEqualTo("reader-1@warm-up.invalid");
            assertThat(r.arguments()).containsExactly("warm-up.invalid");
        });
        assertThat(d.external()).isEmpty();
    }

    @Test
    void theReservedDomainInAnyCaseIsRefusedOnceNamingItInLowerCase() {
        SendDecision d = everywhere(Scope.INTERNAL_AND_EXTERNAL, List.of("bank.example"), false)
                .decide(
                        PortalAction.COMPOSE,
                        TypedAddress.read("anna@bank.example, Reader-1@WARM-UP.Invalid", "reader-1@warm-up.INVALID"),
                        AttachmentLoad.NONE);

        assertThat(d.refusals()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.RESERVED_ADDRESS);
            assertThat(r.field()).isEqualTo(AddressField.TO);
            assertThat(r.address()).isEqualTo("Reader-1@WARM-UP.Invalid");
            assertThat(r.arguments()).containsExactly("warm-up.invalid");
        });
    }

    @Test
    void anAddressAtTheReservedDomainAloneIsRefusedForItselfNotForWantingAnInternalOne() {
        SendDecision d =
                compose(everywhere(Scope.INTERNAL_AND_EXTERNAL, List.of("bank.example"), false), "x@warm-up.invalid");

        assertThat(d.refusals()).extracting(Refusal::reason).containsExactly(RefusalReason.RESERVED_ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "anna@warm-up.invalid.example",
                "anna@sub.warm-up.invalid",
                "anna@xwarm-up.invalid",
                "anna@warm-up.example"
            })
    void aDomainThatMerelyLooksLikeTheReservedOneIsAnOrdinaryExternalAddress(String address) {
        SendDecision d = compose(
                everywhere(Scope.INTERNAL_AND_EXTERNAL, List.of("bank.example"), false),
                "anna@bank.example, " + address);

        assertThat(d.allowed()).isTrue();
        assertThat(d.external()).extracting(RecipientAddress::value).containsExactly(address);
    }

    @Test
    void aLocalPartOfMoreThan64OctetsIsMalformed() {
        assertThat(RecipientAddress.parse("a".repeat(65) + "@bank.example")).isEmpty();
        assertThat(RecipientAddress.parse("a".repeat(64) + "@bank.example")).isPresent();
    }

    @Test
    void anAddressTypedInToAndCcGoesOnceAndIsRefusedOnceWithTheFieldItWasFirstTypedIn() {
        PortalPolicy policy = everywhere(List.of("bank.example"), false);
        SendDecision d = policy.decide(
                PortalAction.REPLY,
                TypedAddress.read("anna@bank.example, otto@client.example", "ANNA@bank.example, otto@Client.example"),
                AttachmentLoad.NONE);

        assertThat(d.internal()).hasSize(1);
        assertThat(d.refusals()).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo(AddressField.TO);
            assertThat(r.address()).isEqualTo("otto@client.example");
        });
    }

    @Test
    void noAddressAtAllIsItsOwnReasonShownAtTo() {
        SendDecision d = compose(everywhere(List.of("bank.example"), false), " , ;\n");
        assertThat(d.refusals()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.NO_RECIPIENT);
            assertThat(r.field()).isEqualTo(AddressField.TO);
        });
    }

    @Test
    void attachmentsOverTheCountOrTheSizeAreRefusedNamingTheLimit() {
        PortalPolicy policy = everywhere(List.of("bank.example"), false);
        List<TypedAddress> to = TypedAddress.read("anna@bank.example", "");

        assertThat(policy.decide(PortalAction.COMPOSE, to, new AttachmentLoad(20, 25L << 20))
                        .allowed())
                .isTrue();
        SendDecision tooMany = policy.decide(PortalAction.COMPOSE, to, new AttachmentLoad(21, 1000));
        assertThat(tooMany.refusals()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.TOO_MANY_ATTACHMENTS);
            assertThat(r.arguments()).containsExactly("20");
        });
        SendDecision tooLarge = policy.decide(PortalAction.COMPOSE, to, new AttachmentLoad(1, (25L << 20) + 1));
        assertThat(tooLarge.refusals()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.ATTACHMENTS_TOO_LARGE);
            assertThat(r.arguments()).containsExactly(Long.toString(25L << 20), "25");
        });
    }

    @Test
    void withoutInternalDomainsEveryAddressIsExternal() {
        SendDecision d = compose(everywhere(List.of(), false), "anna@bank.example");
        assertThat(d.external()).hasSize(1);
        assertThat(d.allowed()).isFalse();
    }

    @Test
    void theRefusalNamesTheInternalDomains() {
        SendDecision d = compose(everywhere(List.of("bank.example", "bank2.example"), false), "otto@client.example");
        assertThat(d.refusals().get(0).arguments()).containsExactly("COMPOSE", "bank.example, bank2.example");
    }

    @Test
    void theSeedTakesEachScopeFromItsSettingAndTheDefaultsElsewhere() {
        Map<Setting, String> given = Map.of(
                Setting.POLICY_FORWARD,
                "External",
                Setting.POLICY_ATTACH,
                "disabled",
                Setting.INTERNAL_DOMAINS,
                "Bank.example, bank2.example");
        PortalPolicy seeded = PolicySeed.fromSettings(s -> Optional.ofNullable(given.get(s)), Instant.EPOCH);

        assertThat(seeded.scopes())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        PortalAction.REPLY, Scope.INTERNAL_ONLY,
                        PortalAction.REPLY_ALL, Scope.INTERNAL_ONLY,
                        PortalAction.FORWARD, Scope.INTERNAL_AND_EXTERNAL,
                        PortalAction.COMPOSE, Scope.INTERNAL_ONLY,
                        PortalAction.ATTACH, Scope.DISABLED));
        assertThat(seeded.internalDomains()).containsExactly("bank.example", "bank2.example");
        assertThat(seeded.maxAttachmentBytes()).isEqualTo(25L * 1024 * 1024);
        assertThat(seeded.maxAttachmentCount()).isEqualTo(20);
    }

    @Test
    void withNoSettingsForwardingIsOffAndEverythingElseInternal() {
        PortalPolicy seeded = PolicySeed.fromSettings(s -> Optional.empty(), Instant.EPOCH);
        assertThat(seeded.scope(PortalAction.FORWARD)).isEqualTo(Scope.DISABLED);
        assertThat(seeded.scope(PortalAction.REPLY)).isEqualTo(Scope.INTERNAL_ONLY);
        assertThat(seeded.scope(PortalAction.REPLY_ALL)).isEqualTo(Scope.INTERNAL_ONLY);
        assertThat(seeded.scope(PortalAction.COMPOSE)).isEqualTo(Scope.INTERNAL_ONLY);
        assertThat(seeded.scope(PortalAction.ATTACH)).isEqualTo(Scope.INTERNAL_ONLY);
    }

    @Test
    void aScopeSettingOtherThanTheThreeWordsStopsTheStartWithTheSettingNamed() {
        assertThatThrownBy(() -> PolicySeed.fromSettings(
                        s -> s == Setting.POLICY_REPLY ? Optional.of("everyone") : Optional.empty(), Instant.EPOCH))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("SEALPOST_POLICY_REPLY");
    }
}
