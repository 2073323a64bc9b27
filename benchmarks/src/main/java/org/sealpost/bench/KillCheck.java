package org.sealpost.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealedMessage;

/**
 * The reliability check of the bridge's promise "a message answered 250 is never lost":
 * {@code send} streams messages and records the Message-ID of each one the bridge accepted,
 * while scripts/kill-check kills the portal with SIGKILL; after a restart, {@code verify}
 * decrypts every stored message with the portal's own code and shows that each acknowledged
 * Message-ID is there.
 */
public final class KillCheck {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>");

    private KillCheck() {}

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "send" -> send(Integer.parseInt(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            case "verify" -> System.exit(verify(args[1], Path.of(args[2]), Path.of(args[3]), Path.of(args[4])));
            default -> {
                System.err.println(
                        "usage: KillCheck send <port> <acked-file> <seconds> | verify <jdbc-url> <kek.p12> <kek.password> <acked-file>");
                System.exit(64);
            }
        }
    }

    /** Sends from 4 connections for the given time, one message per connection, recording each 250. */
    static void send(int port, Path acked, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        try (BufferedWriter out = Files.newBufferedWriter(acked, StandardCharsets.UTF_8)) {
            Thread[] workers = new Thread[4];
            for (int w = 0; w < workers.length; w++) {
                workers[w] = Thread.ofPlatform().start(() -> {
                    while (System.nanoTime() < end) {
                        String id = "kill-" + UUID.randomUUID() + "@bench.invalid";
                        try (SmtpClient c = SmtpClient.connectWithStartTls("127.0.0.1", port)) {
                            int code = c.send(
                                    "advisor@bank.example",
                                    "kill.check@client.example",
                                    TestMail.build(
                                            id,
                                            "advisor@bank.example",
                                            "kill.check@client.example",
                                            "X-Sealpost-Encrypt: yes",
                                            10_240));
                            if (code == 250) {
                                synchronized (out) {
                                    out.write(id);
                                    out.newLine();
                                    out.flush();
                                }
                                accepted.incrementAndGet();
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (IOException e) {
                            // The portal is down (killed, restarting): the gateway would retry later.
                            errors.incrementAndGet();
                            sleep(100);
                        }
                    }
                });
            }
            for (Thread t : workers) {
                t.join();
            }
        }
        System.out.printf(
                "kill-check send: %d accepted (250), %d refused (4xx/5xx), %d connection errors%n",
                accepted.get(), refused.get(), errors.get());
    }

    static int verify(String jdbcUrl, Path keystore, Path passwordFile, Path acked) throws Exception {
        Set<String> ackedIds = new HashSet<>(
                Files.readAllLines(acked).stream().filter(l -> !l.isBlank()).toList());
        MessageSealer sealer = new MessageSealer(KeyEncryptionKeys.open(
                keystore, Files.readString(passwordFile).trim().toCharArray()));
        Set<String> stored = new HashSet<>();
        int undecryptable = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT id, kek_version, wrapped_key, metadata_ciphertext, mime_ciphertext FROM message_content")) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                SealedMessage sealed = new SealedMessage(rs.getInt(2), rs.getBytes(3), rs.getBytes(5), rs.getBytes(4));
                try {
                    String mime = new String(sealer.openMime(id, sealed), StandardCharsets.UTF_8);
                    Matcher m = MESSAGE_ID.matcher(mime);
                    if (m.find()) {
                        stored.add(m.group(1));
                    }
                } catch (Exception e) {
                    undecryptable++;
                }
            }
        }
        List<String> lost =
                ackedIds.stream().filter(id -> !stored.contains(id)).sorted().toList();
        long storedButNotAcked = stored.stream()
                .filter(id -> id.startsWith("kill-") && !ackedIds.contains(id))
                .count();
        System.out.printf(
                "kill-check verify: %d acknowledged with 250, %d of them stored and decrypted, %d LOST; "
                        + "%d stored but never acknowledged (committed as the connection died: the gateway resends, a duplicate, not a loss); "
                        + "%d undecryptable rows%n",
                ackedIds.size(), ackedIds.size() - lost.size(), lost.size(), storedButNotAcked, undecryptable);
        lost.stream().limit(10).forEach(id -> System.out.println("  lost: " + id));
        return lost.isEmpty() && undecryptable == 0 ? 0 : 1;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
