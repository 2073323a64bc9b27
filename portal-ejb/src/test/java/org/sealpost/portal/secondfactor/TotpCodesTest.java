package org.sealpost.portal.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpCodesTest {

    /** RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private final TotpCodes codes = new TotpCodes();

    @ParameterizedTest(name = "at {0} s the eight-digit code is {1}")
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void theVerifierAcceptsEveryRfc6238Sha1TestVector(long unixSeconds, String eightDigits) {
        Instant at = Instant.ofEpochSecond(unixSeconds);
        // The vectors' own length: the verifier finds each in the current step.
        assertThat(new TotpCodes(8).matchingStep(RFC_SEED, eightDigits, at)).hasValue(TotpCodes.stepAt(at));
        // Six digits, as the portal and the apps use them, are the same number modulo 10^6
        // (RFC 4226 §5.3): the vector's last six digits.
        assertThat(codes.matchingStep(RFC_SEED, eightDigits.substring(2), at)).hasValue(TotpCodes.stepAt(at));
        assertThat(codes.codeAt(RFC_SEED, TotpCodes.stepAt(at))).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void aCodeOneStepEarlierOrLaterIsAccepted() {
        Instant now = Instant.ofEpochSecond(1_765_000_015L);
        long step = TotpCodes.stepAt(now);
        assertThat(codes.matchingStep(RFC_SEED, codes.codeAt(RFC_SEED, step - 1), now))
                .hasValue(step - 1);
        assertThat(codes.matchingStep(RFC_SEED, codes.codeAt(RFC_SEED, step + 1), now))
                .hasValue(step + 1);
        assertThat(codes.matchingStep(RFC_SEED, codes.codeAt(RFC_SEED, step), now))
                .hasValue(step);
    }

    @Test
    void aCodeTwoStepsAwayIsRefused() {
        Instant now = Instant.ofEpochSecond(1_765_000_015L);
        long step = TotpCodes.stepAt(now);
        assertThat(codes.matchingStep(RFC_SEED, codes.codeAt(RFC_SEED, step - 2), now))
                .isEmpty();
        assertThat(codes.matchingStep(RFC_SEED, codes.codeAt(RFC_SEED, step + 2), now))
                .isEmpty();
    }

    @Test
    void spacesAreIgnoredAndAnythingButSixDigitsMatchesNothing() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(codes.matchingStep(RFC_SEED, "287 082", now)).isPresent();
        assertThat(codes.matchingStep(RFC_SEED, "28708", now)).isEmpty();
        assertThat(codes.matchingStep(RFC_SEED, "2870822", now)).isEmpty();
        assertThat(codes.matchingStep(RFC_SEED, "28708x", now)).isEmpty();
        assertThat(codes.matchingStep(RFC_SEED, null, now)).isEmpty();
        assertThat(codes.matchingStep(RFC_SEED, "", now)).isEmpty();
    }

    @Test
    void theTimeStepIsThirtySecondsFromTheEpoch() {
        assertThat(TotpCodes.stepAt(Instant.ofEpochSecond(59))).isEqualTo(1);
        assertThat(TotpCodes.stepAt(Instant.ofEpochSecond(60))).isEqualTo(2);
        assertThat(TotpCodes.stepAt(Instant.ofEpochSecond(1_111_111_109))).isEqualTo(0x23523EC);
    }
}
