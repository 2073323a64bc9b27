package org.sealpost.portal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionHandleTest {

    @Test
    void aRandomHandleIs128BitsInBase64Url() {
        SessionHandle handle = SessionHandle.random();

        assertThat(handle.value()).matches("[A-Za-z0-9_-]{22}");
        assertThat(SessionHandle.parse(handle.value())).contains(handle);
    }

    @Test
    void randomHandlesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(SessionHandle.random().value())).isTrue();
        }
    }

    @Test
    void aPostedHandleThatIsMalformedIsNoHandle() {
        assertThat(SessionHandle.parse(null)).isEmpty();
        assertThat(SessionHandle.parse("")).isEmpty();
        assertThat(SessionHandle.parse("short")).isEmpty();
        assertThat(SessionHandle.parse("' OR 1=1 --aaaaaaaaaaaa")).isEmpty();
        assertThat(SessionHandle.parse("A".repeat(23))).isEmpty();
        assertThatThrownBy(() -> new SessionHandle("not/a+handle========="))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
