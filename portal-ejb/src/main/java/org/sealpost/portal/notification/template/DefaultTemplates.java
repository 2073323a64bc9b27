package org.sealpost.portal.notification.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.sealpost.portal.language.Language;

/**
 * The templates a new installation starts with, one complete set per {@link Language}, from this
 * package's resources: English as {@code <kind>.subject.txt}, {@code <kind>.text.txt},
 * {@code <kind>.html}, every other language in a folder named by its code ({@code de/…}). They
 * are parsed with the same checks as an administrator's, so a broken or missing default fails
 * the build's tests, not a customer's notification.
 *
 * <p>The HTML bodies share their frame ({@link DefaultLayouts}): {@code layout.html}, which has
 * no words and serves every language, holds the head, the frame and the foot; a partial such as
 * the account notices' closing paragraphs is in each language's folder with the mails.
 */
public final class DefaultTemplates {

    private static final Map<Language, Map<TemplateKind, NotificationTemplate>> LOADED = new EnumMap<>(Language.class);

    private DefaultTemplates() {}

    /** The default template of {@code kind} in {@code language}. */
    public static synchronized NotificationTemplate of(TemplateKind kind, Language language) {
        return LOADED.computeIfAbsent(language, l -> new EnumMap<>(TemplateKind.class))
                .computeIfAbsent(kind, k -> load(k, language));
    }

    /** Where the resources of {@code language} are, relative to this class. */
    static String folder(Language language) {
        return language == Language.ENGLISH ? "" : language.code() + "/";
    }

    static String resourceBase(TemplateKind kind) {
        return switch (kind) {
            case REGISTER_FIRST_MESSAGE -> "register-first-message";
            case NEW_MESSAGE -> "new-message";
            case PASSWORD_RESET -> "password-reset";
            case ADMINISTRATOR_INVITATION -> "administrator-invitation";
            case ACCOUNT_REGISTERED -> "account-registered";
            case PASSWORD_CHANGED -> "password-changed";
            case PASSWORD_RESET_DONE -> "password-reset-done";
            case CERTIFICATE_EXPIRING -> "certificate-expiring";
        };
    }

    private static NotificationTemplate load(TemplateKind kind, Language language) {
        String base = folder(language) + resourceBase(kind);
        String subject = read(base + ".subject.txt").strip();
        try {
            String html = DefaultLayouts.resolve(
                    read(base + ".html"),
                    layout -> read(layout + ".html"),
                    partial -> read(folder(language) + partial + ".html"));
            return NotificationTemplate.parse(kind, subject, read(base + ".text.txt"), html);
        } catch (TemplateException e) {
            throw new IllegalStateException(
                    "the default " + kind + " template in " + language + " is invalid: " + e.getMessage(), e);
        }
    }

    private static String read(String name) {
        try (InputStream in = DefaultTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "default template resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read default template resource " + name, e);
        }
    }
}
