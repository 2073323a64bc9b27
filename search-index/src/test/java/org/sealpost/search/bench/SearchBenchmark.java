package org.sealpost.search.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.sealpost.search.IndexedMessage;
import org.sealpost.search.InvalidQueryException;
import org.sealpost.search.MessageIndex;
import org.sealpost.search.MessageIndexes;

/**
 * Builds an on-disk index of synthetic ~2 KB messages and measures search latency. Not a test:
 * run it with {@code mvn -Pbench verify} in this module. Settings (system properties):
 * {@code bench.messages} (200000), {@code bench.accounts} (1000), {@code bench.threads} (2
 * indexing threads), {@code bench.queries} (3000 per kind), {@code bench.dir}
 * (target/bench-index, wiped first), {@code bench.seed}.
 */
public final class SearchBenchmark {

  private static final int PAGE = 20;
  private static final int WARM_UP_QUERIES = 3_000;

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int messages = Integer.getInteger("bench.messages", 200_000);
    int accounts = Integer.getInteger("bench.accounts", 1_000);
    int threads = Integer.getInteger("bench.threads", 2);
    int queries = Integer.getInteger("bench.queries", 3_000);
    long seed = Long.getLong("bench.seed", 42L);
    Path directory =
        Path.of(System.getProperty("bench.dir", "target/bench-index")).toAbsolutePath();
    byte[] key = "benchmark-index-key-of-32-bytes!".getBytes(StandardCharsets.US_ASCII);
    SyntheticMail mail = new SyntheticMail(seed, accounts);

    System.out.printf(Locale.ROOT,
        "Search benchmark: %,d messages over %,d accounts, %d indexing threads, %d cores, Java %s,"
            + " max heap %,d MB%n",
        messages, accounts, threads, Runtime.getRuntime().availableProcessors(),
        Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(Locale.ROOT, "Average message: %,d bytes of text%n", averageSize(mail));

    LongAdder generated = new LongAdder();
    long start = System.nanoTime();
    inParallel(messages, threads, n -> generated.add(mail.message(n).bodyText().length()));
    System.out.printf(Locale.ROOT,
        "Generating the synthetic messages alone: %.1f s (%,d body chars); included below%n",
        (System.nanoTime() - start) / 1e9, generated.sum());

    deleteRecursively(directory);
    start = System.nanoTime();
    try (MessageIndex index = MessageIndexes.openLucene(directory, key)) {
      inParallel(messages, threads, n -> index.index(mail.message(n)));
      index.commit();
    }
    double buildSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT,
        "Build (generate, index, commit, close): %.1f s, %,.0f messages/s; on disk: %.1f MB%n",
        buildSeconds, messages / buildSeconds, sizeOf(directory) / 1e6);

    try (MessageIndex index = MessageIndexes.openLucene(directory, key)) {
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
        System.out.printf(Locale.ROOT,
            "%-10s %,6d queries: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms;"
                + " mean hits %.1f%n",
            kind.name, queries, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
            nanos[queries - 1] / 1e6, (double) hits / queries);
      }
    }
  }

  private record Kind(String name, Function<List<String>, String> query) {}

  /** A query from the words of a random message, searched in that message's account. */
  private static long[] run(MessageIndex index, SyntheticMail mail, int messages, Random random,
      Kind kind) throws InvalidQueryException {
    IndexedMessage source = mail.message(random.nextInt(messages));
    String query = kind.query.apply(SyntheticMail.bodyWords(source));
    long start = System.nanoTime();
    long total = index.search(source.accountId(), query, 0, PAGE).totalHits();
    return new long[] {System.nanoTime() - start, total};
  }

  private static String pick(Random random, List<String> words) {
    return words.get(random.nextInt(words.size()));
  }

  /** Runs {@code task} for messages 0..count-1, split over the threads. */
  private static void inParallel(int count, int threads, IntConsumer task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        work.add(pool.submit(() -> {
          for (int n = first; n < count; n += threads) {
            task.accept(n);
          }
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static long averageSize(SyntheticMail mail) {
    long total = 0;
    for (int n = 0; n < 1_000; n++) {
      IndexedMessage m = mail.message(n);
      total += (m.from() + m.to() + m.cc() + m.subject() + m.bodyText()
          + String.join("", m.attachmentNames())).getBytes(StandardCharsets.UTF_8).length;
    }
    return total / 1_000;
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private static long sizeOf(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
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
