package org.sealpost.search.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.sealpost.search.IndexedMessage;
import org.sealpost.search.InvalidQueryException;
import org.sealpost.search.MessageIndex;
import org.sealpost.search.MessageIndexes;
import org.sealpost.search.internal.PlainLuceneBaseline;

/**
 * Builds an on-disk keyed-hash index of synthetic ~2 KB messages and, in the same run, the same
 * corpus through plain Lucene ({@link PlainLuceneBaseline}: same documents, analysis, writer
 * settings and query shapes, readable words); then measures search latency on both. Not a test:
 * run it with {@code mvn -Pbench verify} in this module (or {@code ./sealpost bench search}).
 *
 * <p>The messages are generated in batches of {@value #BATCH} before each batch is indexed, so
 * the generation is outside the timed builds (it is printed apart). The builds run interleaved,
 * taking turns on each batch, so that the load of a shared machine falls on them alike. A
 * build's time is its {@code index} calls plus its final commit and close (which waits for its
 * merges); merges run in the background and may overlap another build's turn.
 *
 * <p>Settings (system properties): {@code bench.messages} (200000), {@code bench.accounts}
 * (1000), {@code bench.threads} (2 indexing threads), {@code bench.queries} (3000 per kind),
 * {@code bench.dir} (target/bench-index, wiped first), {@code bench.seed}, {@code bench.builds}
 * (which builds, in order: {@code plain,keyed} by default).
 */
public final class SearchBenchmark {

    private static final int PAGE = 20;
    private static final int WARM_UP_QUERIES = 3_000;
    private static final int BATCH = 10_000;

    private SearchBenchmark() {}

    /** One of the two indexes under test. */
    private interface Bench extends AutoCloseable {
        void index(IndexedMessage message) throws Exception;

        void commit() throws Exception;

        long search(long accountId, String query) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 200_000);
        int accounts = Integer.getInteger("bench.accounts", 1_000);
        int threads = Integer.getInteger("bench.threads", 2);
        int queries = Integer.getInteger("bench.queries", 3_000);
        long seed = Long.getLong("bench.seed", 42L);
        List<String> builds =
                List.of(System.getProperty("bench.builds", "plain,keyed").split(","));
        Path root =
                Path.of(System.getProperty("bench.dir", "target/bench-index")).toAbsolutePath();
        byte[] key = "benchmark-index-key-of-32-bytes!".getBytes(StandardCharsets.US_ASCII);
        SyntheticMail mail = new SyntheticMail(seed, accounts);

        System.out.printf(
                Locale.ROOT,
                "Search benchmark: %,d messages over %,d accounts, %d indexing threads, %d cores (%s),"
                        + " %s RAM, Java %s, max heap %,d MB%n",
                messages,
                accounts,
                threads,
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                memTotal(),
                Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "Average message: %,d bytes of text%n", averageSize(mail));
        System.out.println("Load average at start: " + loadAverage());

        Map<String, Bench> indexes = new LinkedHashMap<>();
        for (String build : builds) {
            Path directory = root.resolve(build);
            deleteRecursively(directory);
            Files.createDirectories(directory);
            indexes.put(build, open(build, directory, key));
        }
        double[] generating = {0};
        Map<String, Double> buildSeconds = build(indexes, mail, messages, threads, generating);
        System.out.printf(
                Locale.ROOT, "Generating the text, batch by batch, outside the timed builds: %.1f s%n", generating[0]);
        for (String build : builds) {
            double seconds = buildSeconds.get(build);
            System.out.printf(
                    Locale.ROOT,
                    "%-8s build (index, commit, close): %.1f s, %,.0f messages/s; on disk: %.1f MB%n",
                    build,
                    seconds,
                    messages / seconds,
                    sizeOf(root.resolve(build)) / 1e6);
        }
        System.out.println("Load average after the builds: " + loadAverage());
        if (buildSeconds.containsKey("plain")) {
            for (String build : builds) {
                if (!build.equals("plain")) {
                    System.out.printf(
                            Locale.ROOT,
                            "%s / plain build time: %.2f%n",
                            build,
                            buildSeconds.get(build) / buildSeconds.get("plain"));
                }
            }
        }

        for (String build : builds) {
            try (Bench index = open(build, root.resolve(build), key)) {
                Random random = new Random(seed);
                List<Kind> kinds = List.of(
                        new Kind("one word", words -> pick(random, words)),
                        new Kind("two words", words -> pick(random, words) + " " + pick(random, words)),
                        new Kind("phrase", words -> {
                            int at = random.nextInt(words.size() - 1);
                            return "\"" + words.get(at) + " " + words.get(at + 1) + "\"";
                        }));
                for (int i = 0; i < WARM_UP_QUERIES; i++) {
                    run(index, mail, messages, random, kinds.get(i % kinds.size()));
                }
                for (Kind kind : kinds) {
                    long[] nanos = new long[queries];
                    long hits = 0;
                    for (int i = 0; i < queries; i++) {
                        long[] result = run(index, mail, messages, random, kind);
                        nanos[i] = result[0];
                        hits += result[1];
                    }
                    Arrays.sort(nanos);
                    System.out.printf(
                            Locale.ROOT,
                            "%-5s %-10s %,6d queries: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms;"
                                    + " mean hits %.1f%n",
                            build,
                            kind.name,
                            queries,
                            ms(nanos, 0.50),
                            ms(nanos, 0.95),
                            ms(nanos, 0.99),
                            nanos[queries - 1] / 1e6,
                            (double) hits / queries);
                }
            }
        }
        System.out.println("Load average at the end: " + loadAverage());
    }

    private static Bench open(String build, Path directory, byte[] key) throws IOException {
        return switch (build) {
            case "keyed" -> {
                MessageIndex index = MessageIndexes.openLucene(directory, key);
                yield new Bench() {
                    @Override
                    public void index(IndexedMessage message) {
                        index.index(message);
                    }

                    @Override
                    public void commit() {
                        index.commit();
                    }

                    @Override
                    public long search(long accountId, String query) throws InvalidQueryException {
                        return index.search(accountId, query, 0, PAGE).totalHits();
                    }

                    @Override
                    public void close() {
                        index.close();
                    }
                };
            }
            case "plain" -> {
                PlainLuceneBaseline index = new PlainLuceneBaseline(directory);
                yield new Bench() {
                    @Override
                    public void index(IndexedMessage message) throws IOException {
                        index.index(message);
                    }

                    @Override
                    public void commit() throws IOException {
                        index.commit();
                    }

                    @Override
                    public long search(long accountId, String query) throws Exception {
                        return index.search(accountId, query, PAGE);
                    }

                    @Override
                    public void close() throws IOException {
                        index.close();
                    }
                };
            }
            default -> throw new IllegalArgumentException("bench.builds: plain or keyed, not " + build);
        };
    }

    /**
     * Indexes every message into every index, batch by batch, the builds taking turns on each
     * batch (in a rotating order) so that a change in the machine's load hits them alike. Returns
     * each build's seconds spent indexing, committing and closing (which waits for its merges);
     * generating each batch first is timed apart.
     */
    private static Map<String, Double> build(
            Map<String, Bench> indexes, SyntheticMail mail, int messages, int threads, double[] generatingSeconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<String> order = new ArrayList<>(indexes.keySet());
            Map<String, Long> nanos = new LinkedHashMap<>();
            order.forEach(build -> nanos.put(build, 0L));
            IndexedMessage[] batch = new IndexedMessage[BATCH];
            long generating = 0;
            for (int first = 0; first < messages; first += BATCH) {
                int size = Math.min(BATCH, messages - first);
                int base = first;
                long start = System.nanoTime();
                inParallel(pool, size, threads, n -> batch[n] = mail.message(base + n));
                generating += System.nanoTime() - start;
                for (String build : order) {
                    Bench index = indexes.get(build);
                    start = System.nanoTime();
                    inParallel(pool, size, threads, n -> index.index(batch[n]));
                    nanos.merge(build, System.nanoTime() - start, Long::sum);
                }
                Collections.rotate(order, 1);
            }
            Map<String, Double> seconds = new LinkedHashMap<>();
            for (Map.Entry<String, Bench> entry : indexes.entrySet()) {
                long start = System.nanoTime();
                entry.getValue().commit();
                entry.getValue().close(); // waits for running merges
                long closing = System.nanoTime() - start;
                seconds.put(entry.getKey(), (nanos.get(entry.getKey()) + closing) / 1e9);
                // the turns are interleaved, the final commits are not: one after the other, each
                // beside the merges the other builds still run, so they are printed apart
                System.out.printf(
                        Locale.ROOT,
                        "%-8s interleaved indexing %.1f s, then final commit and close %.1f s%n",
                        entry.getKey(),
                        nanos.get(entry.getKey()) / 1e9,
                        closing / 1e9);
            }
            generatingSeconds[0] = generating / 1e9;
            return seconds;
        } finally {
            pool.shutdown();
        }
    }

    private record Kind(String name, Function<List<String>, String> query) {}

    /** A query from the words of a random message, searched in that message's account. */
    private static long[] run(Bench index, SyntheticMail mail, int messages, Random random, Kind kind)
            throws Exception {
        IndexedMessage source = mail.message(random.nextInt(messages));
        String query = kind.query.apply(SyntheticMail.bodyWords(source));
        long start = System.nanoTime();
        long total = index.search(source.accountId(), query);
        return new long[] {System.nanoTime() - start, total};
    }

    private static String pick(Random random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private interface Task {
        void run(int n) throws Exception;
    }

    /** Runs {@code task} for 0..count-1, split over the threads. */
    private static void inParallel(ExecutorService pool, int count, int threads, Task task) throws Exception {
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            work.add(pool.submit(() -> {
                for (int n = first; n < count; n += threads) {
                    task.run(n);
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal"))
                    .findFirst()
                    .map(l -> (Long.parseLong(l.replaceAll("\\D", "")) >> 20) + " GB")
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long averageSize(SyntheticMail mail) {
        long total = 0;
        for (int n = 0; n < 1_000; n++) {
            IndexedMessage m = mail.message(n);
            total += (m.from() + m.to() + m.cc() + m.subject() + m.bodyText() + String.join("", m.attachmentNames()))
                    .getBytes(StandardCharsets.UTF_8)
                    .length;
        }
        return total / 1_000;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
