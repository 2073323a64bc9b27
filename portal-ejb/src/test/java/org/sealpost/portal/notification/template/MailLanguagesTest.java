package org.sealpost.portal.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.language.Language;

/**
 * Every mail has a complete default in every language the portal speaks: a kind without its
 * German template fails here, not in a German recipient's notification. The German one says what
 * the English one says (the same placeholders and sections in each part), and dates come out as
 * the reader's language writes them.
 */
class MailLanguagesTest {

    private static final Pattern TAG = Pattern.compile("\\{\\{[#^/]?[a-zA-Z]+}}");

    private static NotificationValues.Builder values() {
        return NotificationValues.builder()
                .senderName("Anna Berg")
                .senderAddress(EmailAddress.of("anna.berg@bank.example"))
                .portalLink(URI.create("https://secure.bank.example/"))
                .registrationLink(URI.create("https://secure.bank.example/register.xhtml?token=4bX9q2"))
                .resetLink(URI.create("https://secure.bank.example/reset.xhtml?token=8kP3w"))
                .recipientAddress(EmailAddress.of("carl@customer.example"))
                .organisationName("Bank Example")
                .expiryDate(LocalDate.of(2026, 12, 3));
    }

    @ParameterizedTest
    @EnumSource(TemplateKind.class)
    void everyKindHasAGermanDefaultThatRendersInGerman(TemplateKind kind) {
        NotificationTemplate german = DefaultTemplates.of(kind, Language.GERMAN);

        RenderedNotification mail =
                german.render(values().language(Language.GERMAN).build());

        assertThat(german.kind()).isEqualTo(kind);
        assertThat(mail.subject())
                .isNotBlank()
                .doesNotContain("{{", "}}")
                .isNotEqualTo(DefaultTemplates.of(kind, Language.ENGLISH)
                        .render(values().build())
                        .subject());
        assertThat(mail.text())
                .doesNotContain("{{", "}}")
                .startsWith("Guten Tag,")
                .contains("carl@customer.example");
        assertThat(mail.html()).doesNotContain("{{", "}}").contains("<html lang=\"de\">", "Guten Tag,");
    }

    @ParameterizedTest
    @EnumSource(TemplateKind.class)
    void theGermanDefaultUsesThePlaceholdersAndSectionsOfTheEnglishOne(TemplateKind kind) {
        NotificationTemplate english = DefaultTemplates.of(kind, Language.ENGLISH);
        NotificationTemplate german = DefaultTemplates.of(kind, Language.GERMAN);

        assertThat(tags(german.subject())).as("subject").isEqualTo(tags(english.subject()));
        assertThat(tags(german.textBody())).as("text").isEqualTo(tags(english.textBody()));
        assertThat(tags(german.htmlBody())).as("HTML").isEqualTo(tags(english.htmlBody()));
    }

    @ParameterizedTest
    @EnumSource(TemplateKind.class)
    void theGermanDefaultAddressesTheReaderFormally(TemplateKind kind) {
        NotificationTemplate german = DefaultTemplates.of(kind, Language.GERMAN);

        for (String body : new String[] {german.textBody(), german.htmlBody()}) {
            assertThat(body)
                    .containsPattern("\\b(Sie|Ihr|Ihre|Ihnen|Ihrem|Ihren|Ihrer)\\b")
                    .doesNotContainPattern("\\b(du|dich|dir|dein|deine|deinen|deinem|euch|euer)\\b");
        }
    }

    @Test
    void anExpiryDateIsWrittenAsTheMailsLanguageWritesDates() {
        String german = DefaultTemplates.of(TemplateKind.NEW_MESSAGE, Language.GERMAN)
                .render(values().language(Language.GERMAN).build())
                .text();
        String english = DefaultTemplates.of(TemplateKind.NEW_MESSAGE, Language.ENGLISH)
                .render(values().build())
                .text();

        assertThat(german).contains("bis zum 3. Dezember 2026 abrufbar");
        assertThat(english).contains("available until 3 December 2026");
    }

    @Test
    void aGermanNotificationAboutSeveralMessagesSaysSoInGerman() {
        RenderedNotification mail = DefaultTemplates.of(TemplateKind.NEW_MESSAGE, Language.GERMAN)
                .render(values().language(Language.GERMAN).messageCount(3).build());

        assertThat(mail.subject()).isEqualTo("3 neue sichere Nachrichten von Bank Example");
        assertThat(mail.text())
                .contains(
                        "Sie haben 3 neue sichere Nachrichten von Bank Example.",
                        "sind die Nachrichten nicht in dieser E-Mail enthalten");
    }

    private static Set<String> tags(String template) {
        Set<String> tags = new TreeSet<>();
        Matcher m = TAG.matcher(template);
        while (m.find()) {
            tags.add(m.group());
        }
        return tags;
    }
}
