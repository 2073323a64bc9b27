package org.sealpost.portal.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.language.Language;

class DefaultTemplatesTest {

    private static final URI PORTAL = URI.create("https://secure.bank.example/");
    private static final URI REGISTRATION = URI.create("https://secure.bank.example/register/4bX9q2");

    private static NotificationValues.Builder values() {
        return NotificationValues.builder()
                .senderName("Anna Berg")
                .senderAddress(EmailAddress.of("anna.berg@bank.example"))
                .portalLink(PORTAL)
                .registrationLink(REGISTRATION)
                .recipientAddress(EmailAddress.of("carl@customer.example"))
                .organisationName("Bank Example");
    }

    @ParameterizedTest
    @EnumSource(
            value = TemplateKind.class,
            names = {"REGISTER_FIRST_MESSAGE", "NEW_MESSAGE"})
    void everyDefaultParsesAndRendersWithoutLeftoverBraces(TemplateKind kind) {
        NotificationTemplate template = DefaultTemplates.of(kind, Language.ENGLISH);

        for (NotificationValues v : new NotificationValues[] {
            values().build(),
            values().senderName(null)
                    .messageCount(4)
                    .expiryDate(LocalDate.of(2026, 3, 14))
                    .originalSubject("Your mortgage offer")
                    .originalSubjectAllowed(true)
                    .build()
        }) {
            RenderedNotification mail = template.render(v);
            assertThat(mail.subject()).isNotBlank().doesNotContain("{{", "}}", "\n");
            assertThat(mail.text()).isNotBlank().doesNotContain("{{", "}}", "\n\n\n");
            assertThat(mail.html()).isNotBlank().doesNotContain("{{", "}}");
            assertThat(template.kind()).isEqualTo(kind);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = TemplateKind.class,
            names = {"REGISTER_FIRST_MESSAGE", "NEW_MESSAGE"})
    void everyDefaultNamesTheSenderTheOrganisationAndTheRecipientAndSaysTheMessageIsNotInTheMail(TemplateKind kind) {
        RenderedNotification mail = DefaultTemplates.of(kind, Language.ENGLISH).render(values().build());

        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body)
                    .contains(
                            "Anna Berg",
                            "anna.berg@bank.example",
                            "Bank Example",
                            "carl@customer.example",
                            "not in this e-mail",
                            "never ask for your password");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = TemplateKind.class,
            names = {"REGISTER_FIRST_MESSAGE", "NEW_MESSAGE"})
    void theHtmlDefaultsShowEveryLinkAsItsAddressAndLoadNothingRemote(TemplateKind kind) {
        String html = DefaultTemplates.of(kind, Language.ENGLISH)
                .render(values().build())
                .html();

        assertThat(html)
                .contains(">" + PORTAL + "</a>")
                .doesNotContainIgnoringCase("click here")
                .doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("<link");
    }

    @Test
    void theRegistrationDefaultCarriesTheOneTimeLinkInBothBodiesButNotInTheSubject() {
        RenderedNotification mail = DefaultTemplates.of(TemplateKind.REGISTER_FIRST_MESSAGE, Language.ENGLISH)
                .render(values().build());

        assertThat(mail.text()).contains("\n" + REGISTRATION + "\n");
        assertThat(mail.html()).contains("<a href=\"" + REGISTRATION + "\"", ">" + REGISTRATION + "</a>");
        assertThat(mail.subject())
                .isEqualTo("Bank Example has sent you a secure message")
                .doesNotContain(REGISTRATION.toString());
    }

    @Test
    void theNewMessageDefaultReadsWellForOneMessageAndForSeveral() {
        NotificationTemplate template = DefaultTemplates.of(TemplateKind.NEW_MESSAGE, Language.ENGLISH);

        RenderedNotification one = template.render(values().build());
        RenderedNotification three = template.render(values().messageCount(3).build());

        assertThat(one.subject()).isEqualTo("New secure message from Bank Example");
        assertThat(one.text())
                .contains("Anna Berg <anna.berg@bank.example> at Bank Example has sent you a new secure message.")
                .contains("the message is not in this e-mail");
        assertThat(three.subject()).isEqualTo("3 new secure messages from Bank Example");
        assertThat(three.text())
                .contains("You have 3 new secure messages from Bank Example. The latest is from Anna Berg")
                .contains("the messages are not in this e-mail");
        assertThat(three.html()).contains("You have 3 new secure messages");
    }

    @Test
    void theDefaultsShowTheOriginalSubjectAndExpiryOnlyWhenTheyApply() {
        NotificationTemplate template = DefaultTemplates.of(TemplateKind.NEW_MESSAGE, Language.ENGLISH);
        NotificationValues.Builder withSubject = values().originalSubject("Your mortgage offer");

        RenderedNotification plain = template.render(withSubject.build());
        RenderedNotification full = template.render(withSubject
                .originalSubjectAllowed(true)
                .expiryDate(LocalDate.of(2026, 3, 14))
                .build());

        assertThat(plain.subject() + plain.text() + plain.html())
                .doesNotContain("mortgage", "Subject:", "available until");
        assertThat(full.subject()).isEqualTo("New secure message from Bank Example: Your mortgage offer");
        assertThat(full.text()).contains("\nSubject: Your mortgage offer\n", "It is available until 14 March 2026.");
        assertThat(full.html())
                .contains("Subject: <strong>Your mortgage offer</strong>", "<strong>14 March 2026</strong>");
    }

    @Test
    void theTextDefaultHasNoBlankLinesLeftByHiddenSections() {
        String text = DefaultTemplates.of(TemplateKind.NEW_MESSAGE, Language.ENGLISH)
                .render(values().build())
                .text();

        assertThat(text)
                .startsWith(
                        "Hello,\n\nAnna Berg <anna.berg@bank.example> at Bank Example has sent you a new secure message.\n\n"
                                + "For your privacy");
    }

    @ParameterizedTest
    @EnumSource(
            value = TemplateKind.class,
            names = {"ACCOUNT_REGISTERED", "PASSWORD_CHANGED", "PASSWORD_RESET_DONE"})
    void everyAccountNoticeSaysWhatToDoIfItWasNotYouAndCarriesNoLink(TemplateKind kind) {
        RenderedNotification mail = DefaultTemplates.of(kind, Language.ENGLISH).render(values().build());

        assertThat(mail.subject()).contains("Bank Example").doesNotContain("{{", "}}", "\n");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body)
                    .contains(
                            "this was not you", "Bank Example", "carl@customer.example", "never ask for your password")
                    .doesNotContain("{{", "}}", PORTAL.toString(), REGISTRATION.toString(), "http://", "https://");
        }
        assertThat(mail.html()).doesNotContainIgnoringCase("<a ").doesNotContainIgnoringCase("<img");
    }

    @Test
    void anAccountNoticeTemplateCannotUseALink() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NotificationTemplate.parse(
                        TemplateKind.PASSWORD_CHANGED, "s", "Sign in at {{portalLink}}", "<p>{{portalLink}}</p>"))
                .isInstanceOf(TemplateException.class);
    }
}
