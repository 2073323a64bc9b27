package org.sealpost.bridge;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A scripted SMTP client over a raw socket, to see the exact replies: plain {@link Socket} first,
 * then an {@link SSLSocket} layered over it after STARTTLS. Reads byte by byte, without a buffer,
 * so nothing the server sends is ever swallowed across the TLS upgrade.
 */
final class SmtpDialogue implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 15_000;

    private final Socket plain;
    private Socket current;
    private InputStream in;
    private OutputStream out;
    private SmtpReplyLines greeting;

    private SmtpDialogue(Socket plain) throws IOException {
        this.plain = plain;
        use(plain);
    }

    /** Connects to the bridge on loopback and reads the greeting. */
    static SmtpDialogue connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        SmtpDialogue dialogue = new SmtpDialogue(socket);
        dialogue.greeting = dialogue.read();
        return dialogue;
    }

    SmtpReplyLines greeting() {
        return greeting;
    }

    /** Sends one command line and reads its reply. */
    SmtpReplyLines command(String line) throws IOException {
        write(line + "\r\n");
        return read();
    }

    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one (possibly multi-line) reply. */
    SmtpReplyLines read() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new EOFException("connection closed after " + lines);
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return new SmtpReplyLines(Integer.parseInt(line.substring(0, 3)), List.copyOf(lines));
            }
        }
    }

    /** EHLO, STARTTLS and EHLO again, the way every well-behaved client starts. */
    SmtpDialogue secure(SSLContext clientContext) throws IOException {
        command("EHLO client.example");
        SmtpReplyLines ready = command("STARTTLS");
        if (ready.code() != 220) {
            throw new IOException("STARTTLS refused: " + ready);
        }
        upgrade(clientContext, socket -> {});
        command("EHLO client.example");
        return this;
    }

    /** Layers TLS over the plain socket (after the server's 220) and completes the handshake. */
    SSLSocket upgrade(SSLContext clientContext, Consumer<SSLSocket> configure) throws IOException {
        SSLSocket tls =
                (SSLSocket) clientContext.getSocketFactory().createSocket(plain, "localhost", plain.getPort(), true);
        tls.setUseClientMode(true);
        configure.accept(tls);
        tls.startHandshake();
        use(tls);
        return tls;
    }

    SSLSocket tlsSocket() {
        return (SSLSocket) current;
    }

    /** MAIL, RCPT for each recipient (each must be accepted), DATA, the message, the final dot. */
    SmtpReplyLines send(String from, List<String> recipients, byte[] message) throws IOException {
        expect(command("MAIL FROM:<" + from + ">"), 250);
        for (String recipient : recipients) {
            expect(command("RCPT TO:<" + recipient + ">"), 250);
        }
        return data(message);
    }

    /** DATA (must get 354), the dot-stuffed message and the final dot; returns the final reply. */
    SmtpReplyLines data(byte[] message) throws IOException {
        expect(command("DATA"), 354);
        write(dotStuffed(message));
        write(".\r\n");
        return read();
    }

    /**
     * True if the server closed the connection within the read timeout; anything it sends before
     * closing (a TLS alert, say) is skipped.
     */
    boolean closedByServer() throws IOException {
        try {
            for (int skipped = 0; skipped < 65536; skipped++) {
                if (in.read() == -1) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by peer
        }
    }

    @Override
    public void close() throws IOException {
        current.close();
    }

    /**
     * What the server stores for {@code message} sent with {@link #data}: the message, plus the
     * CRLF that ends its last line if it had none (RFC 5321 §4.1.1.4, the CRLF before the dot
     * belongs to the data).
     */
    static byte[] asReceived(byte[] message) {
        if (endsWithCrLf(message)) {
            return message.clone();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(message);
        bytes.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return bytes.toByteArray();
    }

    /** RFC 5321 §4.5.2 transparency: a dot that starts a line gets another dot in front. */
    static byte[] dotStuffed(byte[] message) {
        byte[] complete = asReceived(message);
        ByteArrayOutputStream stuffed = new ByteArrayOutputStream(complete.length + 16);
        boolean lineStart = true;
        for (int i = 0; i < complete.length; i++) {
            byte b = complete[i];
            if (lineStart && b == '.') {
                stuffed.write('.');
            }
            stuffed.write(b);
            lineStart = b == '\n' && i > 0 && complete[i - 1] == '\r';
        }
        return stuffed.toByteArray();
    }

    private static boolean endsWithCrLf(byte[] message) {
        return message.length >= 2 && message[message.length - 2] == '\r' && message[message.length - 1] == '\n';
    }

    private static void expect(SmtpReplyLines reply, int code) throws IOException {
        if (reply.code() != code) {
            throw new IOException("expected " + code + " but got " + reply);
        }
    }

    private void use(Socket socket) throws IOException {
        current = socket;
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b == -1) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }
}
