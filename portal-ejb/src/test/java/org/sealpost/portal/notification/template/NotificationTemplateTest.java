package org.sealpost.portal.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealpost.portal.account.EmailAddress;

class NotificationTemplateTest {

    private static final String LOGIN_TEXT = "Sign in at {{portalLink}}";
    private static final String LOGIN_HTML = "<p><a href=\"{{portalLink}}\">{{portalLink}}</a></p>";

    private static NotificationValues.Builder values() {
        return NotificationValues.builder()
                .senderName("Anna Berg")
                .senderAddress(EmailAddress.of("anna.berg@bank.example"))
                .portalLink(URI.create("https://secure.bank.example/"))
                .recipientAddress(EmailAddress.of("carl@customer.example"))
                .organisationName("Bank Example");
    }

    private static NotificationTemplate login(String subject, String text, String html) throws TemplateException {
        return NotificationTemplate.parse(TemplateKind.NEW_MESSAGE, subject, text, html);
    }

    private static TemplateException refusal(String subject, String text, String html) {
        return catchThrowableOfType(TemplateException.class, () -> login(subject, text, html));
    }

    @Test
    void placeholdersAreReplacedInAllThreeParts() throws TemplateException {
        NotificationTemplate template = login(
                "Message from {{senderName}}",
                "{{senderName}} <{{senderAddress}}> wrote to {{recipientAddress}}. " + LOGIN_TEXT,
                "<p>{{organisationName}}</p>" + LOGIN_HTML);

        RenderedNotification mail = template.render(values().build());

        assertThat(mail.subject()).isEqualTo("Message from Anna Berg");
        assertThat(mail.text())
                .isEqualTo(
                        "Anna Berg <anna.berg@bank.example> wrote to carl@customer.example. Sign in at https://secure.bank.example/");
        assertThat(mail.html())
                .isEqualTo("<p>Bank Example</p><p><a href=\"https://secure.bank.example/\">"
                        + "https://secure.bank.example/</a></p>");
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithItsNameItsPlaceAndTheAllowedNames() {
        TemplateException e = refusal("Hi", "Dear {{customerName}},\n" + LOGIN_TEXT, LOGIN_HTML);

        assertThat(e.part()).isEqualTo(TemplatePart.TEXT_BODY);
        assertThat(e.placeholder()).contains("customerName");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(6);
        assertThat(e.getMessage())
                .contains("{{customerName}}")
                .contains("the text body")
                .contains("line 1, column 6")
                .contains("{{senderName}}", "{{portalLink}}", "{{organisationName}}")
                .doesNotContain("{{registrationLink}}");
    }

    @Test
    void aPlaceholderInTheWrongCaseGetsASuggestion() {
        TemplateException e = refusal("From {{sendername}}", LOGIN_TEXT, LOGIN_HTML);

        assertThat(e.part()).isEqualTo(TemplatePart.SUBJECT);
        assertThat(e.getMessage()).contains("did you mean {{senderName}}?");
    }

    @Test
    void anUnknownPlaceholderInTheHtmlBodyIsReportedOnItsLine() {
        TemplateException e = refusal("Hi", LOGIN_TEXT, "<p>\n<b>{{expiry}}</b>\n" + LOGIN_HTML);

        assertThat(e.part()).isEqualTo(TemplatePart.HTML_BODY);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("{{expiry}}", "the HTML body", "line 2, column 4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello {{senderName", "Hello {{senderName} and {{portalLink}}", "{{ {{portalLink}}"})
    void anOpeningBraceWithoutItsCloseIsRefused(String text) {
        TemplateException e = refusal("Hi", text, LOGIN_HTML);

        assertThat(e.part()).isEqualTo(TemplatePart.TEXT_BODY);
        assertThat(e.getMessage()).contains("\"{{\" is not closed");
    }

    @Test
    void aClosingBraceWithoutItsOpenIsRefusedInTextButAllowedInHtmlWhereCssUsesIt() throws TemplateException {
        assertThat(refusal("Hi {senderName}}", LOGIN_TEXT, LOGIN_HTML).getMessage())
                .contains("mistyped placeholder");

        NotificationTemplate css =
                login("Hi", LOGIN_TEXT, "<style>@media (max-width:600px){p{margin:0}}</style>" + LOGIN_HTML);

        assertThat(css.render(values().build()).html())
                .startsWith("<style>@media (max-width:600px){p{margin:0}}</style>");
    }

    @Test
    void tripleBracesForUnescapedOutputAreRefused() {
        assertThat(refusal("Hi", LOGIN_TEXT, "{{{senderName}}}" + LOGIN_HTML).getMessage())
                .contains("unescaped");
    }

    @Test
    void theRegistrationLinkIsRefusedInTheNewMessageTemplate() {
        TemplateException e = refusal("Hi", LOGIN_TEXT + " or {{registrationLink}}", LOGIN_HTML);

        assertThat(e.placeholder()).contains("registrationLink");
        assertThat(e.getMessage()).contains("only in the REGISTER_FIRST_MESSAGE template");
    }

    @Test
    void theRegistrationLinkIsRefusedInASubject() {
        assertThatThrownBy(() -> NotificationTemplate.parse(
                        TemplateKind.REGISTER_FIRST_MESSAGE,
                        "Register at {{registrationLink}}",
                        "{{registrationLink}}",
                        "<p>{{registrationLink}}</p>"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("must not be in the subject");
    }

    @Test
    void theRegistrationTemplateMustHaveTheRegistrationLinkInBothBodies() {
        TemplateException noText = catchThrowableOfType(
                TemplateException.class,
                () -> NotificationTemplate.parse(
                        TemplateKind.REGISTER_FIRST_MESSAGE,
                        "Hi",
                        "Sign in at {{portalLink}}",
                        "<p><a href=\"{{registrationLink}}\">{{registrationLink}}</a></p>"));
        TemplateException noHtml = catchThrowableOfType(
                TemplateException.class,
                () -> NotificationTemplate.parse(
                        TemplateKind.REGISTER_FIRST_MESSAGE, "Hi", "{{registrationLink}}", "<p>{{portalLink}}</p>"));

        assertThat(noText.part()).isEqualTo(TemplatePart.TEXT_BODY);
        assertThat(noText.getMessage()).contains("must contain {{registrationLink}}");
        assertThat(noHtml.part()).isEqualTo(TemplatePart.HTML_BODY);
    }

    @Test
    void theLoginTemplateMustHaveThePortalLinkInBothBodies() {
        assertThat(refusal("Hi", "Please sign in.", LOGIN_HTML).getMessage()).contains("must contain {{portalLink}}");
        assertThat(refusal("Hi", LOGIN_TEXT, "<p>Please sign in.</p>").part()).isEqualTo(TemplatePart.HTML_BODY);
    }

    @Test
    void theRequiredLinkDoesNotCountInsideASectionWhereItCouldDisappear() {
        TemplateException e = refusal("Hi", "{{#expiryDate}}{{portalLink}}{{/expiryDate}}", LOGIN_HTML);

        assertThat(e.getMessage()).contains("outside any section");
    }

    @Test
    void sectionsMustBeClosedInOrderAndOnlyOnValuesThatMayBeAbsent() {
        assertThat(refusal("Hi", "{{#expiryDate}}until {{expiryDate}} " + LOGIN_TEXT, LOGIN_HTML)
                        .getMessage())
                .contains("{{#expiryDate}} is not closed by {{/expiryDate}}");
        assertThat(refusal(
                                "Hi",
                                "{{#expiryDate}}{{#senderName}}x{{/expiryDate}}{{/senderName}}" + LOGIN_TEXT,
                                LOGIN_HTML)
                        .getMessage())
                .contains("{{/expiryDate}} closes {{#senderName}}");
        assertThat(refusal("Hi", "x{{/expiryDate}}" + LOGIN_TEXT, LOGIN_HTML).getMessage())
                .contains("was not opened");
        assertThat(refusal("Hi", "{{#portalLink}}x{{/portalLink}}" + LOGIN_TEXT, LOGIN_HTML)
                        .getMessage())
                .contains("always has a value");
        assertThat(refusal("Hi", "{{oneMessage}} " + LOGIN_TEXT, LOGIN_HTML).getMessage())
                .contains("is a condition");
    }

    @Test
    void aSubjectOnMoreThanOneLineIsRefused() {
        assertThat(refusal("New message\nBcc: someone@evil.example", LOGIN_TEXT, LOGIN_HTML)
                        .getMessage())
                .contains("one line");
    }

    @Test
    void emptyPartsAreRefused() {
        assertThat(refusal(" ", LOGIN_TEXT, LOGIN_HTML).part()).isEqualTo(TemplatePart.SUBJECT);
        assertThat(refusal("Hi", "", LOGIN_HTML).part()).isEqualTo(TemplatePart.TEXT_BODY);
    }

    @Test
    void valuesAreEscapedInTheHtmlBodyButNotInTheTextBody() throws TemplateException {
        NotificationTemplate template = login(
                "From {{senderName}}",
                "From {{senderName}}. " + LOGIN_TEXT,
                "<p title=\"{{senderName}}\">{{senderName}}</p>" + LOGIN_HTML);
        String name = "<script>alert(\"x\")</script> O'Brien & Co";

        RenderedNotification mail = template.render(values().senderName(name).build());

        assertThat(mail.html())
                .contains("<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Co\">")
                .contains(">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Co</p>")
                .doesNotContain("<script>");
        assertThat(mail.text()).startsWith("From " + name + ". ");
        assertThat(mail.subject()).isEqualTo("From " + name);
    }

    @Test
    void lineBreaksInASenderNameDoNotReachTheSubject() throws TemplateException {
        NotificationTemplate template = login("Message from {{senderName}}", LOGIN_TEXT, LOGIN_HTML);

        String subject = template.render(values().senderName("Anna\r\nBcc: victim@evil.example\r\n\r\nhello")
                        .build())
                .subject();

        assertThat(subject)
                .isEqualTo("Message from Anna Bcc: victim@evil.example hello")
                .doesNotContain("\r")
                .doesNotContain("\n");
    }

    @Test
    void otherControlAndBidiCharactersInValuesAreRemovedEverywhere() throws TemplateException {
        NotificationTemplate template =
                login("{{senderName}}", "{{senderName}} " + LOGIN_TEXT, "{{senderName}}" + LOGIN_HTML);

        RenderedNotification mail = template.render(
                values().senderName("Anna\u0000\tBerg\u2028x\u202Egpj.exe").build());

        assertThat(mail.subject()).isEqualTo("Anna Berg xgpj.exe");
        assertThat(mail.text()).startsWith("Anna Berg xgpj.exe ");
        assertThat(mail.html()).startsWith("Anna Berg xgpj.exe<p>");
    }

    @Test
    void theOriginalSubjectIsHiddenUnlessTheAdministratorAllowsIt() throws TemplateException {
        NotificationTemplate template = login(
                "New message{{#originalSubject}}: {{originalSubject}}{{/originalSubject}}",
                "Subject: [{{originalSubject}}] " + LOGIN_TEXT,
                LOGIN_HTML);
        NotificationValues.Builder withSubject = values().originalSubject("Your mortgage offer");

        RenderedNotification hidden = template.render(withSubject.build());
        RenderedNotification shown =
                template.render(withSubject.originalSubjectAllowed(true).build());

        assertThat(hidden.subject()).isEqualTo("New message");
        assertThat(hidden.text()).startsWith("Subject: [] ");
        assertThat(shown.subject()).isEqualTo("New message: Your mortgage offer");
        assertThat(shown.text()).startsWith("Subject: [Your mortgage offer] ");
    }

    @Test
    void anAllowedButBlankOriginalSubjectCountsAsAbsent() throws TemplateException {
        NotificationTemplate template =
                login("New{{#originalSubject}}: {{originalSubject}}{{/originalSubject}}", LOGIN_TEXT, LOGIN_HTML);

        assertThat(template.render(values().originalSubject(" \r\n ")
                                .originalSubjectAllowed(true)
                                .build())
                        .subject())
                .isEqualTo("New");
    }

    @Test
    void sectionsAppearOnlyWhenTheirValueIsPresentAndInvertedOnesOnlyWhenItIsAbsent() throws TemplateException {
        NotificationTemplate template = login(
                "Hi",
                "{{#senderName}}{{senderName}} <{{senderAddress}}>{{/senderName}}{{^senderName}}{{senderAddress}}{{/senderName}}"
                        + "{{#expiryDate}}, until {{expiryDate}}{{/expiryDate}}. " + LOGIN_TEXT,
                LOGIN_HTML);

        assertThat(template.render(
                                values().expiryDate(LocalDate.of(2026, 3, 14)).build())
                        .text())
                .startsWith("Anna Berg <anna.berg@bank.example>, until 14 March 2026. ");
        assertThat(template.render(values().senderName(null).build()).text()).startsWith("anna.berg@bank.example. ");
        assertThat(template.render(values().senderName("\u200F ").build()).text())
                .as("a name that cleans up to nothing is absent")
                .startsWith("anna.berg@bank.example. ");
    }

    @Test
    void oneMessageAndSeveralMessagesReadCorrectly() throws TemplateException {
        NotificationTemplate template = login(
                "{{#oneMessage}}1 new secure message{{/oneMessage}}{{^oneMessage}}{{messageCount}} new secure messages{{/oneMessage}}",
                LOGIN_TEXT,
                LOGIN_HTML);

        assertThat(template.render(values().messageCount(1).build()).subject()).isEqualTo("1 new secure message");
        assertThat(template.render(values().messageCount(3).build()).subject()).isEqualTo("3 new secure messages");
    }

    @Test
    void aLineHoldingOnlyASectionTagDisappearsWithItsLineBreak() throws TemplateException {
        NotificationTemplate template = login(
                "Hi",
                "Hello,\n  {{#expiryDate}}\t\nAvailable until {{expiryDate}}.\r\n{{/expiryDate}}\n" + LOGIN_TEXT,
                LOGIN_HTML);

        assertThat(template.render(values().build()).text())
                .isEqualTo("Hello,\n" + "Sign in at https://secure.bank.example/");
        assertThat(template.render(
                                values().expiryDate(LocalDate.of(2026, 3, 14)).build())
                        .text())
                .isEqualTo("Hello,\nAvailable until 14 March 2026.\r\nSign in at https://secure.bank.example/");
    }

    @Test
    void aSectionTagSharingItsLineWithTextKeepsTheLine() throws TemplateException {
        NotificationTemplate template =
                login("Hi", "A {{#expiryDate}}until {{expiryDate}}{{/expiryDate}}\nB " + LOGIN_TEXT, LOGIN_HTML);

        assertThat(template.render(values().build()).text()).startsWith("A \nB ");
    }

    @Test
    void whitespaceInsideTheBracesIsAllowed() throws TemplateException {
        NotificationTemplate template =
                login("From {{ senderName }}{{# expiryDate }}!{{/ expiryDate }}", LOGIN_TEXT, LOGIN_HTML);

        assertThat(template.render(values().build()).subject()).isEqualTo("From Anna Berg");
    }

    @Test
    void renderingARegistrationTemplateWithoutARegistrationLinkIsAProgrammingError() throws TemplateException {
        NotificationTemplate template = NotificationTemplate.parse(
                TemplateKind.REGISTER_FIRST_MESSAGE,
                "Hi",
                "{{registrationLink}}",
                "<a href=\"{{registrationLink}}\">{{registrationLink}}</a>");

        assertThatThrownBy(() -> template.render(values().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registration link");
        assertThat(template.render(
                                values().registrationLink(URI.create("https://secure.bank.example/register?t=abc&x=1"))
                                        .build())
                        .html())
                .isEqualTo("<a href=\"https://secure.bank.example/register?t=abc&amp;x=1\">"
                        + "https://secure.bank.example/register?t=abc&amp;x=1</a>");
    }

    @Test
    void twoTemplatesFromTheSameSourcesAreEqual() throws TemplateException {
        assertThat(login("Hi", LOGIN_TEXT, LOGIN_HTML))
                .isEqualTo(login("Hi", LOGIN_TEXT, LOGIN_HTML))
                .isNotEqualTo(login("Hi!", LOGIN_TEXT, LOGIN_HTML));
    }
}
