package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An administrator's change of the allow-list or the encrypt flag applies to the next connection
 * and the next message of a running bridge, without a restart: the bridge asks its admission
 * supplier each time, as the portal's supplier answers from the database.
 */
class AdmissionChangeIT {

    private static final BridgeAdmission LOOPBACK_DEFAULT_FLAG =
            new BridgeAdmission(List.of("127.0.0.0/8", "::1/128"), "X-Sealpost-Encrypt", "yes", false);

    @Test
    void aNarrowedAllowListRefusesTheNextConnectionWithoutARestart() throws IOException {
        AtomicReference<BridgeAdmission> admission = new AtomicReference<>(LOOPBACK_DEFAULT_FLAG);
        try (BridgeFixture fixture = BridgeFixture.start(settings -> settings.admission(admission::get))) {
            try (SmtpDialogue before = fixture.connect()) {
                assertThat(before.greeting().code()).isEqualTo(220);
            }

            // We connect from 127.0.0.1 and now allow only 10.0.0.0/8: no traffic leaves loopback.
            admission.set(new BridgeAdmission(List.of("10.0.0.0/8"), "X-Sealpost-Encrypt", "yes", false));

            try (SmtpDialogue after = fixture.connect()) {
                assertThat(after.greeting().line())
                        .isEqualTo("554 5.7.1 Client host [127.0.0.1] is not allowed to use this mail bridge");
            }
            admission.set(LOOPBACK_DEFAULT_FLAG);
            try (SmtpDialogue again = fixture.connect()) {
                assertThat(again.greeting().code()).isEqualTo(220);
            }
        }
    }

    @Test
    void aChangedFlagHeaderAppliesToTheNextMessageWithoutARestart() throws IOException {
        AtomicReference<BridgeAdmission> admission = new AtomicReference<>(LOOPBACK_DEFAULT_FLAG);
        byte[] newFlag = "Subject: s\r\nX-Encrypt-Gateway: On\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        try (BridgeFixture fixture = BridgeFixture.start(settings -> settings.admission(admission::get))) {
            try (SmtpDialogue smtp = fixture.connectSecure()) {
                assertThat(smtp.send("s@partner.example", List.of("a@customer.example"), newFlag)
                                .code())
                        .isEqualTo(550);
            }

            admission.set(new BridgeAdmission(List.of("127.0.0.0/8"), "X-Encrypt-Gateway", "on", false));

            try (SmtpDialogue smtp = fixture.connectSecure()) {
                assertThat(smtp.send("s@partner.example", List.of("a@customer.example"), newFlag)
                                .code())
                        .isEqualTo(250);
                assertThat(smtp.send(
                                        "s@partner.example",
                                        List.of("a@customer.example"),
                                        BridgeFixture.flaggedMessage("old flag"))
                                .line())
                        .startsWith("550 5.7.1 ")
                        .contains("X-Encrypt-Gateway: on");
            }
            assertThat(fixture.sink().messages()).hasSize(1);
        }
    }

    @Test
    void acceptingUnflaggedMailCanBeSwitchedOnWhileRunning() throws IOException {
        AtomicReference<BridgeAdmission> admission = new AtomicReference<>(LOOPBACK_DEFAULT_FLAG);
        byte[] unflagged = "Subject: plain\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        try (BridgeFixture fixture = BridgeFixture.start(settings -> settings.admission(admission::get));
                SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.send("s@partner.example", List.of("a@customer.example"), unflagged)
                            .code())
                    .isEqualTo(550);

            admission.set(new BridgeAdmission(List.of("127.0.0.0/8"), "X-Sealpost-Encrypt", "yes", true));

            assertThat(smtp.send("s@partner.example", List.of("a@customer.example"), unflagged)
                            .code())
                    .isEqualTo(250);
        }
    }

    @Test
    void aSupplierThatFailsLeavesTheLastAdmissionInForce() throws IOException {
        AtomicReference<BridgeAdmission> admission = new AtomicReference<>(LOOPBACK_DEFAULT_FLAG);
        AtomicReference<Boolean> failing = new AtomicReference<>(false);
        try (BridgeFixture fixture = BridgeFixture.start(settings -> settings.admission(() -> {
            if (failing.get()) {
                throw new IllegalStateException("database away");
            }
            return admission.get();
        }))) {
            failing.set(true);
            try (SmtpDialogue smtp = fixture.connect()) {
                assertThat(smtp.greeting().code()).isEqualTo(220);
            }
        }
    }
}
