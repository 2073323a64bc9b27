package org.sealpost.web.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sealpost.portal.notification.template.NotificationTemplate;
import org.sealpost.portal.notification.template.TemplateException;
import org.sealpost.portal.notification.template.TemplateKind;
import org.sealpost.portal.notification.template.TemplateProblem;
import org.sealpost.web.format.BundleTexts;

/**
 * Each way the template editor refuses a mail has its sentence in English and German, and the
 * page says the refusal from the bundle, with the part, the line and the tag as written.
 */
class TemplateRefusalTextsTest {

    private static final TemplateRefusalTexts ENGLISH = new TemplateRefusalTexts(BundleTexts.of(Locale.ENGLISH));
    private static final TemplateRefusalTexts GERMAN = new TemplateRefusalTexts(BundleTexts.of(Locale.GERMAN));

    @ParameterizedTest
    @EnumSource(TemplateProblem.class)
    void everyProblemHasASentenceInEnglishAndGerman(TemplateProblem problem) {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            String pattern = ResourceBundle.getBundle("org.sealpost.web.messages", locale)
                    .getString(problem.messageKey());
            String sentence = new MessageFormat(pattern, locale).format(new Object[] {"{{tag}}", "name", 3});
            assertThat(sentence).as("%s in %s", problem, locale).isNotBlank().matches("(?s).*[.?]");
            assertThat(sentence.replace("{{tag}}", "").replace("{{", "").replace("}}", ""))
                    .as("%s in %s has an unfilled argument", problem, locale)
                    .doesNotContain("{");
        }
    }

    @Test
    void theEditorSaysAnUnknownPlaceholderFromTheBundleWithItsPartAndLine() {
        TemplateException e = catchThrowableOfType(
                TemplateException.class,
                () -> NotificationTemplate.parse(
                        TemplateKind.NEW_MESSAGE,
                        "Hi",
                        "Sign in at {{portalLink}}",
                        "<div>\n<p>Dear customer {{customerName}}</p>\n</div>"));

        assertThat(ENGLISH.line(e))
                .isEqualTo("Not saved: the HTML version, line 2. It uses an unknown placeholder {{customerName}}."
                        + " The placeholders this mail may use are listed beside the editor.");
    }

    @Test
    void theEditorSaysAnEmptySubjectWithoutALine() {
        TemplateException e = catchThrowableOfType(
                TemplateException.class,
                () -> NotificationTemplate.parse(TemplateKind.NEW_MESSAGE, " ", "{{portalLink}}", "{{portalLink}}"));

        assertThat(ENGLISH.line(e)).isEqualTo("Not saved: the subject. This part must not be empty.");
    }

    @Test
    void aGermanReaderReadsTheRefusalInGermanWithTheSameDetails() {
        TemplateException e = catchThrowableOfType(
                TemplateException.class,
                () -> NotificationTemplate.parse(
                        TemplateKind.NEW_MESSAGE, "Hi", "Sign in at {{portalLink}}", "<div>\n<p>{{portalLink}}</div>"));

        assertThat(GERMAN.line(e))
                .isEqualTo("Nicht gespeichert: die HTML-Fassung, Zeile 2. </div> schließt <p> aus Zeile 2;"
                        + " schließen Sie zuerst dieses.");
    }
}
