package org.sealpost.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.account.password.PasswordPolicy;
import org.sealpost.portal.account.password.PasswordProblem;

/**
 * A refused password is explained in the reader's language: every problem the policy can give
 * has its sentence in the page bundle, in English and in German, and the figures it names come
 * from the policy, not from the bundle.
 */
class PasswordProblemTextsTest {

    private static final String BASE = "org.sealpost.web.messages";

    @ParameterizedTest
    @EnumSource(PasswordProblem.Code.class)
    void everyProblemHasAnEnglishAndAGermanSentence(PasswordProblem.Code code) {
        PasswordProblem problem = new PasswordProblem(code, "log text");

        String english = ResourceBundle.getBundle(BASE, Locale.ENGLISH).getString(problem.messageKey());
        String german = ResourceBundle.getBundle(BASE, Locale.GERMAN).getString(problem.messageKey());

        assertThat(english).isNotBlank();
        assertThat(german).isNotBlank().isNotEqualTo(english);
    }

    @Test
    void aTooShortPasswordNamesThePolicysMinimumInGerman() {
        PasswordProblem tooShort = new PasswordPolicy()
                .check("kurz", EmailAddress.of("anna@client.example")).problems().stream()
                        .filter(p -> p.code() == PasswordProblem.Code.TOO_SHORT)
                        .findFirst()
                        .orElseThrow();

        String german = new MessageFormat(
                        ResourceBundle.getBundle(BASE, Locale.GERMAN).getString(tooShort.messageKey()), Locale.GERMAN)
                .format(tooShort.arguments().toArray());

        assertThat(german)
                .startsWith("Verwenden Sie mindestens " + PasswordPolicy.DEFAULT_MIN_CODE_POINTS + " Zeichen");
    }
}
