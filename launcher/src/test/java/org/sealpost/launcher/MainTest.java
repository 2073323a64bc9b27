package org.sealpost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void aDatabaseUrlOnTheConsoleHidesItsPasswordsButKeepsWhereItPoints() {
        assertThat(Main.withoutCredentials(
                        "jdbc:postgresql://db.internal:5432/sealpost?user=sealpost&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/sealpost?user=sealpost&password=***&ssl=true");
        assertThat(Main.withoutCredentials("jdbc:postgresql://db.internal/sealpost?sslpassword=k3y"))
                .isEqualTo("jdbc:postgresql://db.internal/sealpost?sslpassword=***");
        assertThat(Main.withoutCredentials("jdbc:postgresql://sealpost:s3cret@db.internal/sealpost"))
                .isEqualTo("jdbc:postgresql://***@db.internal/sealpost");
        assertThat(Main.withoutCredentials("jdbc:postgresql://db.internal:5432/sealpost"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/sealpost");
    }

    @Test
    void theDefaultPortalHeapIsCommittedWholeSoTheYoungGenerationDoesNotStartSmall() {
        String max = Main.DEFAULT_PORTAL_JVM_OPTIONS.stream()
                .filter(o -> o.startsWith("-Xmx"))
                .findFirst()
                .orElseThrow();

        assertThat(Main.DEFAULT_PORTAL_JVM_OPTIONS).contains("-Xms" + max.substring("-Xmx".length()));
    }
}
