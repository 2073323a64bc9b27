package org.sealpost.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a process and its descendants listen on, read from Linux's {@code /proc}
 * ({@code proc(5)}: a socket's inode in {@code /proc/<pid>/fd}, its address and state in
 * {@code /proc/net/tcp} and {@code tcp6}), so that a test sees what a port scan of the host
 * would, whatever the server's configuration claims.
 */
final class ListeningSockets {

    /** {@code st} of a listening socket in /proc/net/tcp (TCP_LISTEN in the kernel's tcp_states.h). */
    private static final String LISTEN = "0A";

    private ListeningSockets() {}

    static List<InetSocketAddress> of(ProcessHandle root) throws IOException {
        Set<String> inodes = new HashSet<>();
        for (ProcessHandle process :
                Stream.concat(Stream.of(root), root.descendants()).toList()) {
            Path fds = Path.of("/proc", Long.toString(process.pid()), "fd");
            try (Stream<Path> links = Files.list(fds)) {
                for (Path link : links.toList()) {
                    try {
                        String target = Files.readSymbolicLink(link).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring("socket:[".length(), target.length() - 1));
                        }
                    } catch (IOException closedMeanwhile) {
                        // the descriptor was closed between listing and reading
                    }
                }
            } catch (IOException exited) {
                // the process ended meanwhile
            }
        }
        List<InetSocketAddress> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals(LISTEN) && inodes.contains(f[9])) {
                    listening.add(address(f[1]));
                }
            }
        }
        return listening;
    }

    /** {@code 0100007F:1F90}: the address as the kernel holds it, 32-bit words in host (little-endian) order. */
    private static InetSocketAddress address(String hexAddressAndPort) throws UnknownHostException {
        String[] parts = hexAddressAndPort.split(":");
        String hex = parts[0];
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = (word * 4 + b) * 2;
                bytes[word * 4 + 3 - b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) comes back as the IPv4 address.
        return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
    }
}
