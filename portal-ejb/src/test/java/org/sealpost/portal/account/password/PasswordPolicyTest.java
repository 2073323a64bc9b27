package org.sealpost.portal.account.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.account.password.PasswordProblem.Code;

class PasswordPolicyTest {

    private static final EmailAddress ANNA = EmailAddress.of("anna.berg@bank.example");
    /** 128 letters with no pattern zxcvbn knows. */
    private static final String RANDOM_128 =
            "qhzvmtkdlwrcxfbnpgjysaeuiozqmxwvtkrhdfcpljbngsyeuaoivxzqmwktrhdlfcpbjgnysaeuioqzxmvwktrdhlfcpbjgnyseauoixqzmvtwkrdhflcpbjngysaeu";

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void severalUnrelatedLowerCaseWordsAreAcceptedWithoutDigitsOrSymbols() {
        PasswordVerdict verdict = policy.check("violet tractor membrane", ANNA);

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.isAcceptable()).isTrue();
    }

    @Test
    void elevenCharactersAreTooShortAndTwelveAreEnough() {
        assertThat(policy.check("xk3!vq9#mz2", ANNA).has(Code.TOO_SHORT)).isTrue();
        assertThat(policy.check("xk3!vq9#mz2p", ANNA).isAcceptable()).isTrue();
    }

    @Test
    void aCharacterOutsideTheBasicMultilingualPlaneCountsOnce() {
        String elevenEmoji = "\uD83C\uDF4E\uD83C\uDF4C\uD83C\uDF52\uD83C\uDF47\uD83C\uDF49\uD83C\uDF4D"
                + "\uD83E\uDD5D\uD83C\uDF51\uD83C\uDF4B\uD83E\uDD65\uD83C\uDF50";
        assertThat(elevenEmoji).hasSize(22);

        assertThat(policy.check(elevenEmoji, ANNA).has(Code.TOO_SHORT)).isTrue();
        assertThat(policy.check(elevenEmoji + "\uD83C\uDF53", ANNA).has(Code.TOO_SHORT))
                .isFalse();
    }

    @Test
    void lengthIsCountedAfterNfkcNormalisation() {
        // U+FB03 LATIN SMALL LIGATURE FFI is one code point as typed and "ffi" after NFKC.
        String fourLigatures = "\uFB03\uFB03\uFB03\uFB03";

        assertThat(policy.check(fourLigatures, ANNA).has(Code.TOO_SHORT)).isFalse();
        assertThat(policy.check("\uFB03\uFB03\uFB03", ANNA).has(Code.TOO_SHORT)).isTrue();
    }

    @Test
    void onePasswordOfTheMaximumLengthIsAcceptedAndOneMoreCharacterIsTooLong() {
        assertThat(RANDOM_128.codePointCount(0, RANDOM_128.length())).isEqualTo(PasswordPolicy.MAX_CODE_POINTS);

        assertThat(policy.check(RANDOM_128, ANNA).problems()).isEmpty();
        assertThat(policy.check(RANDOM_128 + "q", ANNA).problems())
                .extracting(PasswordProblem::code)
                .containsExactly(Code.TOO_LONG);
    }

    @Test
    void aThousandCharacterPasswordIsRefusedAsTooLongWithoutBeingAnalysed() {
        String thousand = (RANDOM_128.repeat(8)).substring(0, 1024);

        // zxcvbn alone would need seconds for 1,024 characters.
        PasswordVerdict verdict = assertTimeout(Duration.ofMillis(500), () -> policy.check(thousand, ANNA));

        assertThat(verdict.problems()).extracting(PasswordProblem::code).containsExactly(Code.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password1234",
                "qwertyuiop123",
                "iloveyou1234",
                "PASSWORD1234",
                "!!dragon2024!!",
                "Baseball 1999"
            })
    void commonPasswordsAreRefusedEvenWithDigitsAndSymbolsAround(String common) {
        PasswordVerdict verdict = policy.check(common, ANNA);

        assertThat(verdict.has(Code.COMMON_PASSWORD)).as(common).isTrue();
        assertThat(verdict.isAcceptable()).isFalse();
    }

    @Test
    void theCommonPasswordListHasAtLeastTenThousandEntries() {
        assertThat(CommonPasswords.size()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void aListedWordInsideALongerPassphraseIsNotACommonPassword() {
        assertThat(policy.check("my football tractor membrane", ANNA).has(Code.COMMON_PASSWORD))
                .isFalse();
    }

    @Test
    void theLettersCoreDropsOnlyLeadingAndTrailingNonLetters() {
        assertThat(CommonPasswords.lettersCore("12iloveyou!34")).isEqualTo("iloveyou");
        assertThat(CommonPasswords.lettersCore("love 2 you")).isEqualTo("love 2 you");
        assertThat(CommonPasswords.lettersCore("123456")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Anna.Berg@Bank.Example!!", "my name is ANNA.BERG, hi", "anna.berg-violet-tractor"})
    void theAddressOrItsLocalPartIsRefusedWhateverTheCase(String candidate) {
        assertThat(policy.check(candidate, ANNA).has(Code.CONTAINS_ADDRESS))
                .as(candidate)
                .isTrue();
    }

    @Test
    void aLocalPartShorterThanFourCharactersIsNotRefusedAsASubstring() {
        EmailAddress jo = EmailAddress.of("jo@bank.example");

        assertThat(policy.check("jolly banjo orchestra", jo).has(Code.CONTAINS_ADDRESS))
                .isFalse();
        assertThat(policy.check("jo@bank.example tractor", jo).has(Code.CONTAINS_ADDRESS))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaaaaaa", "abcdefghijklmnop", "zxcvbnmasdfghjkl", "p@ssw0rd12345678"})
    void patternsTheListDoesNotHoldAreRefusedAsEasyToGuess(String guessable) {
        PasswordVerdict verdict = policy.check(guessable, ANNA);

        assertThat(verdict.isAcceptable()).as(guessable).isFalse();
        assertThat(verdict.has(Code.TOO_GUESSABLE) || verdict.has(Code.COMMON_PASSWORD))
                .as(guessable)
                .isTrue();
    }

    @Test
    void theSequenceIsReportedAsEasyToGuessWithZxcvbnsReason() {
        PasswordVerdict verdict = policy.check("abcdefghijklmnop", ANNA);

        assertThat(verdict.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.TOO_GUESSABLE);
            assertThat(p.message()).startsWith("This password would be easy to guess (");
        });
    }

    @Test
    void theAccountsDomainCountsAsKnownToTheAttacker() {
        assertThat(policy.check("bank.example1", ANNA).has(Code.TOO_GUESSABLE)).isTrue();
        assertThat(policy.check("bank.example1", EmailAddress.of("anna@clinic.example"))
                        .isAcceptable())
                .isTrue();
    }

    @Test
    void theServiceNameCountsAsKnownToTheAttacker() {
        assertThat(policy.check("sealpost2024!", ANNA).has(Code.TOO_GUESSABLE)).isTrue();
    }

    @Test
    void organisationWordsGivenToThePolicyCountAsKnownToTheAttacker() {
        String candidate = "northwindtraders1";
        PasswordPolicy northwind = new PasswordPolicy(12, List.of("Northwind Traders"));

        assertThat(policy.check(candidate, ANNA).isAcceptable()).isTrue();
        assertThat(northwind.check(candidate, ANNA).has(Code.TOO_GUESSABLE)).isTrue();
    }

    @Test
    void controlCharactersAndBrokenSurrogatesAreRefused() {
        assertThat(policy.check("violet\u0000tractor membrane", ANNA).has(Code.UNUSABLE_CHARACTER))
                .isTrue();
        assertThat(policy.check("violet tractor membrane\uDC00", ANNA).has(Code.UNUSABLE_CHARACTER))
                .isTrue();
        assertThat(policy.check("violet tractor m\u00E9mbrane", ANNA).has(Code.UNUSABLE_CHARACTER))
                .isFalse();
    }

    @Test
    void aShortCommonPasswordGetsEveryMatchingReasonButNoGuessabilityEstimateOnTop() {
        assertThat(policy.check("anna.berg1", ANNA).problems())
                .extracting(PasswordProblem::code)
                .containsExactly(Code.TOO_SHORT, Code.CONTAINS_ADDRESS);
    }

    @Test
    void aStricterMinimumCanBeConfiguredButNotOneBelowEight() {
        PasswordPolicy fifteen = new PasswordPolicy(15, List.of());

        assertThat(fifteen.check("xk3!vq9#mz2p", ANNA).has(Code.TOO_SHORT)).isTrue();
        assertThatThrownBy(() -> new PasswordPolicy(7, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noMessageQuotesThePassword() {
        String candidate = "anna.berg@bank.example";

        assertThat(policy.check(candidate, ANNA).problems())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.message()).doesNotContainIgnoringCase("anna"));
    }

    @Test
    void aVerdictCannotBeChangedAfterwards() {
        PasswordVerdict verdict = policy.check("password1234", ANNA);

        assertThatThrownBy(() -> verdict.problems().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
