package org.sealpost.web.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class HumanSizesTest {

    private final HumanSizes sizes =
            new HumanSizes(Locale.ENGLISH, "{0,choice,0#0 bytes|1#1 byte|1<{0} bytes}", "{0} KB", "{0} MB");

    @Test
    void smallSizesAreCountedInBytes() {
        assertThat(sizes.format(0)).isEqualTo("0 bytes");
        assertThat(sizes.format(1)).isEqualTo("1 byte");
        assertThat(sizes.format(1023)).isEqualTo("1,023 bytes");
    }

    @Test
    void kilobytesAreWholeNumbers() {
        assertThat(sizes.format(1024)).isEqualTo("1 KB");
        assertThat(sizes.format(12_800)).isEqualTo("13 KB");
    }

    @Test
    void megabytesHaveOneDecimal() {
        assertThat(sizes.format(3_565_158)).isEqualTo("3.4 MB");
        assertThat(sizes.format(1024 * 1024)).isEqualTo("1 MB");
    }

    @Test
    void aTranslationChoosesItsOwnDecimalSeparator() {
        HumanSizes german = new HumanSizes(Locale.GERMAN, "{0} Byte", "{0} KB", "{0} MB");
        assertThat(german.format(3_565_158)).isEqualTo("3,4 MB");
    }

    @Test
    void theEnglishBundlesWordingReadsNaturally() {
        ResourceBundle texts = ResourceBundle.getBundle("org.sealpost.web.messages", Locale.ENGLISH);
        HumanSizes english = new HumanSizes(
                Locale.ENGLISH,
                texts.getString("format.size.bytes"),
                texts.getString("format.size.kilobytes"),
                texts.getString("format.size.megabytes"));
        assertThat(english.format(1)).isEqualTo("1 byte");
        assertThat(english.format(17)).isEqualTo("17 bytes");
        assertThat(english.format(12_800)).isEqualTo("13 KB");
        assertThat(english.format(3_565_158)).isEqualTo("3.4 MB");
        assertThat(english.format(5 * 1024 * 1024)).isEqualTo("5 MB");
    }

    @Test
    void theGermanBundlesWordingUsesTheDecimalComma() {
        ResourceBundle texts = ResourceBundle.getBundle("org.sealpost.web.messages", Locale.GERMAN);
        HumanSizes german = new HumanSizes(
                Locale.GERMAN,
                texts.getString("format.size.bytes"),
                texts.getString("format.size.kilobytes"),
                texts.getString("format.size.megabytes"));
        assertThat(german.format(1)).isEqualTo("1 Byte");
        assertThat(german.format(1023)).isEqualTo("1.023 Byte");
        assertThat(german.format(12_800)).isEqualTo("13 KB");
        assertThat(german.format(1_572_864)).isEqualTo("1,5 MB");
    }
}
