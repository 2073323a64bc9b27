package org.sealpost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every translation of the portal's texts ({@code messages_xx.properties}) says what the English
 * bundle says: the same keys, the same placeholders, and patterns that MessageFormat accepts. A
 * missing key would reach a German reader as the English fallback, or as {@code ???key???}.
 */
class MessageBundlesTest {

    private static final String BASE = "org.sealpost.web.messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");
    /** Sample values for a numeric argument: each branch of the choice patterns, and a thousands separator. */
    private static final double[] COUNTS = {0, 1, 2, 17, 1234.5};

    /** The translations next to messages.properties (English itself is the base bundle). */
    static Stream<String> translations() throws IOException, URISyntaxException {
        Path folder = Path.of(MessageBundlesTest.class
                        .getResource("/org/sealpost/web/messages.properties")
                        .toURI())
                .getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files
                    .map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("messages_[a-zA-Z_]+\\.properties"))
                    .map(n -> n.substring("messages_".length(), n.length() - ".properties".length()))
                    .filter(language -> !language.equals("en"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void thereIsAGermanTranslation() throws Exception {
        assertThat(translations()).contains("de");
    }

    @ParameterizedTest
    @MethodSource("translations")
    void aTranslationHasExactlyTheKeysOfTheEnglishBundle(String language) throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        Set<String> translated = load("messages_" + language + ".properties").stringPropertyNames();

        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(translated);
        Set<String> extra = new TreeSet<>(translated);
        extra.removeAll(english);
        SoftAssertions.assertSoftly(both -> {
            both.assertThat(missing)
                    .as("keys of messages.properties missing from messages_%s.properties", language)
                    .isEmpty();
            both.assertThat(extra)
                    .as("keys of messages_%s.properties that messages.properties does not have", language)
                    .isEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("translations")
    void aTranslationUsesTheSamePlaceholdersAsTheEnglishText(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties translated = load("messages_" + language + ".properties");

        for (String key : translated.stringPropertyNames()) {
            if (english.containsKey(key)) {
                assertThat(placeholders(translated.getProperty(key)))
                        .as("placeholders of %s in messages_%s.properties", key, language)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    /**
     * Each key with a placeholder is a MessageFormat pattern (h:outputFormat, Texts.format,
     * RefusalTexts): it must parse and format in the translation's locale with sample arguments,
     * numbers where the pattern asks for a number or a choice, words elsewhere.
     */
    @ParameterizedTest
    @MethodSource("translations")
    void aTranslationsPatternsFormatWithSampleArguments(String language) throws IOException {
        Locale locale = Locale.forLanguageTag(language.replace('_', '-'));
        Properties translated = load("messages_" + language + ".properties");
        Properties english = load("messages.properties");

        for (String key : new TreeSet<>(translated.stringPropertyNames())) {
            String pattern = translated.getProperty(key);
            if (placeholders(pattern).isEmpty()) {
                continue;
            }
            // A lone ASCII apostrophe opens a quote in MessageFormat and silently swallows the
            // text (and placeholders) after it; it has to be written '' in a pattern.
            assertThat(pattern.replace("''", ""))
                    .as("%s in messages_%s.properties has a lone apostrophe", key, language)
                    .doesNotContain("'");
            assertThatCode(() -> new MessageFormat(pattern, locale))
                    .as("%s parses", key)
                    .doesNotThrowAnyException();
            MessageFormat format = new MessageFormat(pattern, locale);
            Format[] kinds = format.getFormatsByArgumentIndex();
            for (double count : COUNTS) {
                Object[] arguments = new Object[kinds.length];
                for (int i = 0; i < kinds.length; i++) {
                    boolean numeric = kinds[i] instanceof ChoiceFormat || kinds[i] instanceof NumberFormat;
                    arguments[i] = numeric ? (Object) count : "sample" + i;
                }
                String text = format.format(arguments);
                assertThat(text).as("%s formatted with %s", key, count).doesNotContain("{");
                // Empty only where English says nothing either (nav.inbox.unread with no unread mail).
                if (english.containsKey(key)
                        && !new MessageFormat(english.getProperty(key), Locale.ENGLISH)
                                .format(arguments)
                                .isBlank()) {
                    assertThat(text).as("%s formatted with %s", key, count).isNotBlank();
                }
            }
        }
    }

    /**
     * The files are UTF-8. PropertyResourceBundle reads UTF-8 since Java 9 but silently re-reads a
     * file that is not valid UTF-8 as ISO-8859-1: one stray Latin-1 byte (an editor saving in the
     * wrong encoding) would turn every other umlaut of the file into two wrong characters ("Ã¼").
     * So a translation must decode strictly, and the bundle must hand out the same text.
     */
    @ParameterizedTest
    @MethodSource("translations")
    void aTranslationIsValidUtf8AndItsLettersArriveIntact(String language) throws IOException {
        Locale locale = Locale.forLanguageTag(language.replace('_', '-'));
        Properties strict = load("messages_" + language + ".properties");
        ResourceBundle bundle = ResourceBundle.getBundle(BASE, locale);

        for (String key : strict.stringPropertyNames()) {
            assertThat(bundle.getString(key)).as(key).isEqualTo(strict.getProperty(key));
        }
    }

    @Test
    void germanUmlautsReachTheReader() {
        ResourceBundle german = ResourceBundle.getBundle(BASE, Locale.GERMAN);

        assertThat(german.getString("action.deleteForever")).isEqualTo("Endgültig löschen");
        assertThat(german.getString("inbox.size")).isEqualTo("Größe");
    }

    /**
     * ResourceBundle falls back to the JVM's default locale before the base bundle
     * (Control.getFallbackLocale): on a server started with a German default, a request for English
     * would get German pages unless messages_en exists. It must stay empty: English is the base.
     */
    @Test
    void anEnglishReaderGetsEnglishOnAServerWhoseDefaultIsGerman() throws IOException {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            ResourceBundle.clearCache();
            assertThat(ResourceBundle.getBundle(BASE, Locale.ENGLISH).getString("signin.title"))
                    .isEqualTo("Sign in");
            assertThat(ResourceBundle.getBundle(BASE, Locale.GERMAN).getString("signin.title"))
                    .isEqualTo("Anmelden");
        } finally {
            Locale.setDefault(before);
            ResourceBundle.clearCache();
        }
        assertThat(load("messages_en.properties")).isEmpty();
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** A bundle file read the way PropertyResourceBundle reads it, but failing on bytes that are not UTF-8. */
    private static Properties load(String file) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new InputStreamReader(
                MessageBundlesTest.class.getResourceAsStream("/org/sealpost/web/" + file), decoder)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        }
    }
}
