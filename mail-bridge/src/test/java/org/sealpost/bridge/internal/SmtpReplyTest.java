package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SmtpReplyTest {

    @Test
    void lineIsCodeEnhancedStatusAndText() {
        assertThat(new SmtpReply(550, "5.7.1", "No").line()).isEqualTo("550 5.7.1 No");
        assertThat(new SmtpReply(220, "", "Hi").line()).isEqualTo("220 Hi");
    }

    @Test
    void rejectExceptionCarriesTheSameReply() {
        assertThat(new SmtpReply(452, "4.5.3", "Too many recipients")
                        .toRejectException()
                        .getErrorResponse())
                .isEqualTo("452 4.5.3 Too many recipients");
    }

    @Test
    void textThatCouldSplitTheReplyIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SmtpReply(250, "2.0.0", "a\r\n250 b"));
    }

    @Test
    void enhancedStatusMustMatchTheReplyClass() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SmtpReply(550, "4.7.1", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new SmtpReply(550, "5.7", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new SmtpReply(600, "", "x"));
    }
}
