package org.sealpost.web.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealpost.mailformat.MimeProblem.Kind;
import org.sealpost.mailformat.view.RenderedMessage;

/** Every reason a part of a message is not shown has the plain sentence the message page says. */
class NotShownTextsTest {

    private final ResourceBundle texts = ResourceBundle.getBundle("org.sealpost.web.messages", Locale.ROOT);

    static Stream<Kind> reasons() {
        return RenderedMessage.LEAVE_PARTS_UNSHOWN.stream();
    }

    @ParameterizedTest
    @MethodSource("reasons")
    void everyReasonForAPartNotShownHasASentence(Kind kind) {
        assertThat(texts.getString("message.notShown." + kind.name()))
                .isNotBlank()
                .endsWith(".");
    }
}
