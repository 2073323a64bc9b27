package org.sealpost.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an administrator types on the branding, bridge and delivery forms, and what is refused. */
class BrandingAndBridgeRulesTest {

    private static SettingsRefusedException refusal(Runnable r) {
        return catchThrowableOfType(SettingsRefusedException.class, r::run);
    }

    @Test
    void anAccentColourIsNormalisedToLowerCase() {
        assertThat(AccentColour.of(" #0F766E ").hex()).isEqualTo("#0f766e");
    }

    @ParameterizedTest
    @ValueSource(strings = {"red", "#fff", "#12345g", "0f766e", "#0f766e;background:url(x)", ""})
    void whatIsNotHashAndSixHexDigitsIsRefused(String typed) {
        assertThat(refusal(() -> AccentColour.of(typed)).problem()).isEqualTo(SettingsProblem.ACCENT_COLOUR_NOT_HEX);
    }

    @Test
    void aColourIllegibleOnWhiteIsRefusedWithItsContrast() {
        // #facc15 (yellow) has about 1.5:1 against white; WCAG 2.1 asks 4.5:1 for text.
        SettingsRefusedException e = refusal(() -> AccentColour.of("#facc15"));

        assertThat(e.problem()).isEqualTo(SettingsProblem.ACCENT_COLOUR_TOO_LIGHT);
        assertThat(e.value()).startsWith("#facc15 (1.");
        assertThat(AccentColour.of("#767676").contrastWithWhite()).isGreaterThanOrEqualTo(4.5);
        assertThat(AccentColour.of("#000000").contrastWithWhite()).isEqualTo(21.0);
    }

    @Test
    void anOrganisationNameMustBeOneShortLine() {
        assertThat(refusal(() -> new Branding("  ", AccentColour.DEFAULT, false))
                        .problem())
                .isEqualTo(SettingsProblem.ORGANISATION_NAME_EMPTY);
        assertThat(refusal(() -> new Branding("Bank\r\nBcc: x@evil.example", AccentColour.DEFAULT, false))
                        .problem())
                .isEqualTo(SettingsProblem.ORGANISATION_NAME_NOT_ONE_LINE);
        assertThat(refusal(() -> new Branding("x".repeat(101), AccentColour.DEFAULT, false))
                        .problem())
                .isEqualTo(SettingsProblem.ORGANISATION_NAME_TOO_LONG);
        assertThat(new Branding(" Bank Example ", AccentColour.DEFAULT, false).organisationName())
                .isEqualTo("Bank Example");
    }

    @Test
    void theAllowListTakesIpv4AndIpv6BlocksSeparatedByCommasSpacesOrLines() {
        BridgeRules rules = new BridgeRules(
                BridgeRules.splitList("10.1.2.0/24, 2001:db8::/32\n192.0.2.7"), "X-Encrypt", "yes", false);

        assertThat(rules.allowedClients()).containsExactly("10.1.2.0/24", "2001:db8::/32", "192.0.2.7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3/24", "300.1.2.0/24", "2001:db8::/200", "gateway.bank.example"})
    void aBadAllowListEntryIsRefusedByName(String bad) {
        SettingsRefusedException e =
                refusal(() -> new BridgeRules(List.of("10.0.0.0/8", bad), "X-Encrypt", "yes", false));

        assertThat(e.problem()).isEqualTo(SettingsProblem.ALLOWED_CLIENT_INVALID);
        assertThat(e.value()).isEqualTo(bad);
    }

    @Test
    void anEmptyAllowListIsRefused() {
        assertThat(refusal(() -> new BridgeRules(BridgeRules.splitList(" , "), "X-Encrypt", "yes", false))
                        .problem())
                .isEqualTo(SettingsProblem.ALLOWED_CLIENTS_EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X Encrypt", "X-Encrypt:", "", "X-Ümlaut"})
    void aFlagNameThatIsNoRfc5322FieldNameIsRefused(String name) {
        assertThat(refusal(() -> new BridgeRules(List.of("10.0.0.0/8"), name, "yes", false))
                        .problem())
                .isEqualTo(SettingsProblem.FLAG_HEADER_NAME_INVALID);
    }

    @Test
    void aBlankFlagValueIsRefused() {
        assertThat(refusal(() -> new BridgeRules(List.of("10.0.0.0/8"), "X-Encrypt", " ", false))
                        .problem())
                .isEqualTo(SettingsProblem.FLAG_HEADER_VALUE_INVALID);
    }

    @Test
    void retryTimesOutsideTheirBoundsAreRefused() {
        assertThat(refusal(() -> new DeliveryRetries(Duration.ZERO, Duration.ofDays(5)))
                        .problem())
                .isEqualTo(SettingsProblem.RETRY_INTERVAL_OUT_OF_RANGE);
        assertThat(refusal(() -> new DeliveryRetries(Duration.ofMinutes(5), Duration.ofDays(31)))
                        .problem())
                .isEqualTo(SettingsProblem.RETRY_MAX_AGE_OUT_OF_RANGE);
        assertThat(refusal(() -> new DeliveryRetries(Duration.ofHours(6), Duration.ofHours(2)))
                        .problem())
                .isEqualTo(SettingsProblem.RETRY_MAX_AGE_BELOW_INTERVAL);
    }
}
