package org.sealpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.template.TemplateKind;
import org.sealpost.portal.outbound.OutboundKind;

/**
 * Every constant an administration page names by its bundle key has its text (the languages
 * too: the template editor lists them), in English and
 * German: a kind added to an enum without one would show as "???admin.kind.X???".
 */
class EnumTextsTest {

    private static List<String> missing(Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle("org.sealpost.web.messages", locale);
        return java.util.stream.Stream.of(
                        Arrays.stream(OutboundKind.values()).map(k -> "admin.kind." + k.name()),
                        Arrays.stream(TemplateKind.values()).map(k -> "settings.template.kind." + k.name()),
                        Arrays.stream(AuditAction.values()).map(k -> "admin.audit.kind." + k.name()),
                        Arrays.stream(Language.values()).map(k -> "language." + k.name()))
                .flatMap(s -> s)
                .filter(key -> !texts.containsKey(key))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void everyQueueKindMailKindAndAuditKindHasItsText(String language) {
        assertThat(missing(Locale.forLanguageTag(language))).isEmpty();
    }
}
