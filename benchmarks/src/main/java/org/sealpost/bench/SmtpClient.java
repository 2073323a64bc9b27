package org.sealpost.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A deliberately small SMTP client for load: one connection, STARTTLS, then any number of
 * transactions. Jakarta Mail would do, but a driver must cost far less CPU than the server it
 * measures on the same two cores, and must see each reply code exactly.
 */
final class SmtpClient implements AutoCloseable {

    /** The bench talks only to the portal it started on loopback; its certificate is self-signed. */
    private static final SSLContext TRUST_LOOPBACK_SERVER = trustAll();

    private final Socket plain;
    private SSLSocket tls;
    private InputStream in;
    private OutputStream out;

    private SmtpClient(Socket plain) throws IOException {
        this.plain = plain;
        this.in = new BufferedInputStream(plain.getInputStream());
        this.out = new BufferedOutputStream(plain.getOutputStream());
    }

    static SmtpClient connectWithStartTls(String host, int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 5000);
        s.setSoTimeout(120_000);
        SmtpClient c = new SmtpClient(s);
        c.expect(220);
        c.command("EHLO bench.invalid", 250);
        c.command("STARTTLS", 220);
        c.tls = (SSLSocket) TRUST_LOOPBACK_SERVER.getSocketFactory().createSocket(s, host, port, true);
        c.tls.setUseClientMode(true);
        c.tls.startHandshake();
        c.in = new BufferedInputStream(c.tls.getInputStream());
        c.out = new BufferedOutputStream(c.tls.getOutputStream());
        c.command("EHLO bench.invalid", 250);
        return c;
    }

    /** Sends one message; returns the final reply code to DATA (250, 451, 552, ...). */
    int send(String from, String to, byte[] dotStuffedBodyEndingInCrlf) throws IOException {
        int code = command("MAIL FROM:<" + from + ">", -1);
        if (code != 250) {
            return code;
        }
        code = command("RCPT TO:<" + to + ">", -1);
        if (code != 250) {
            command("RSET", -1);
            return code;
        }
        code = command("DATA", -1);
        if (code != 354) {
            return code;
        }
        out.write(dotStuffedBodyEndingInCrlf);
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readReply();
    }

    private int command(String line, int expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int code = readReply();
        if (expected > 0 && code != expected) {
            throw new IOException("'" + line + "' answered " + code + ", expected " + expected);
        }
        return code;
    }

    private void expect(int code) throws IOException {
        int got = readReply();
        if (got != code) {
            throw new IOException("greeting " + got + ", expected " + code);
        }
    }

    /** Reads a possibly multi-line reply (RFC 5321 §4.2.1) and returns its code. */
    private int readReply() throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.append((char) b);
            }
            if (b == -1) {
                throw new IOException("connection closed by the server");
            }
            if (line.length() < 3) {
                throw new IOException("malformed reply: " + line);
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return Integer.parseInt(line.substring(0, 3));
            }
        }
    }

    @Override
    public void close() {
        try {
            command("QUIT", -1);
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            (tls != null ? tls : plain).close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(
                    null,
                    new TrustManager[] {
                        new X509TrustManager() {
                            @Override
                            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                            @Override
                            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                            @Override
                            public X509Certificate[] getAcceptedIssuers() {
                                return new X509Certificate[0];
                            }
                        }
                    },
                    new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
