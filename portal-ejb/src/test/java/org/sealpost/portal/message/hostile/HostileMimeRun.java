package org.sealpost.portal.message.hostile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.sealpost.mailformat.html.RenderOptions;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.mailformat.view.MessageRendering;
import org.sealpost.mailformat.view.ParsedMessage;
import org.sealpost.mailformat.view.RenderedAttachment;
import org.sealpost.mailformat.view.RenderedMessage;
import org.sealpost.portal.message.Folder;
import org.sealpost.portal.search.SearchDocuments;

/**
 * Runs hostile messages through what the portal does with a message: intake's metadata
 * extraction, the page's rendering with its inline images and downloads, and the search
 * indexer's text extraction (once per recipient, as the queue holds one row per entry). Meant
 * for a JVM of its own with a small heap ({@link HostileMimeUnderSmallHeapTest}), and for
 * docs/BENCHMARKS.md:
 *
 * <pre>java -Xmx400m -cp ... org.sealpost.portal.message.hostile.HostileMimeRun nested-20-deep-25MiB</pre>
 *
 * <p>Prints one line per message, {@code OK <name> <ms> ms, peak heap <MiB> MiB}, or
 * {@code TIMEOUT}/{@code FAILED} and exits non-zero. An {@link OutOfMemoryError} ends the JVM
 * with a non-zero status too.
 */
public final class HostileMimeRun {

    static final long TIMEOUT_SECONDS = Long.getLong("timeout", 60);
    /** Downloads asked for per message, as a reader clicking through the attachments would. */
    private static final int DOWNLOADS = 3;
    /** Recipients per message: the indexer handles one queue row per recipient. */
    private static final int RECIPIENTS = 3;

    private HostileMimeRun() {}

    public static void main(String[] args) throws Exception {
        Map<String, Supplier<byte[]>> set = HostileMime.set();
        List<String> names = args.length == 0 ? List.copyOf(set.keySet()) : List.of(args);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hostile-mime");
            t.setDaemon(true);
            return t;
        });
        int status = 0;
        for (String name : names) {
            Supplier<byte[]> message = set.get(name);
            if (message == null) {
                System.out.println("UNKNOWN " + name);
                status = 3;
                continue;
            }
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            Future<String> run = worker.submit(() -> readAsThePortalDoes(message.get()));
            try {
                String facts = run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                System.out.println(
                        "OK " + name + " " + ms + " ms, peak heap " + peakHeapMiB() + " MiB (" + facts + ")");
            } catch (TimeoutException e) {
                System.out.println("TIMEOUT " + name + " after " + TIMEOUT_SECONDS + " s");
                System.out.flush();
                Runtime.getRuntime().halt(2);
            } catch (java.util.concurrent.ExecutionException e) {
                System.out.println("FAILED " + name + ": " + e.getCause());
                e.getCause().printStackTrace(System.out);
                System.out.flush();
                Runtime.getRuntime().halt(e.getCause() instanceof OutOfMemoryError ? 4 : 1);
            }
        }
        System.out.flush();
        System.exit(status);
    }

    private static String readAsThePortalDoes(byte[] raw) {
        // intake
        MimeReading reading = new MimeMetadataExtractor().extract(raw);
        if (!(reading instanceof MimeReading.Readable readable)) {
            throw new AssertionError("intake would refuse it: " + reading);
        }
        // the page, then its downloads, from the one parsed message the page keeps
        ParsedMessage parsed = MessageRendering.parse(raw);
        RenderedMessage page = parsed.render(RenderOptions.blockingRemoteImages(cid -> "/cid/" + cid));
        long downloaded = 0;
        List<RenderedAttachment> attachments = page.attachments();
        for (int i = 0; i < Math.min(DOWNLOADS, attachments.size()); i++) {
            // the last ones too: a part deep in the tree is the expensive one to find
            RenderedAttachment a = attachments.get(attachments.size() - 1 - i);
            downloaded += parsed.content(a.partId()).map(b -> b.length).orElse(0);
        }
        // the indexer: one content, one document per recipient
        SearchDocuments.Content content = SearchDocuments.content(readable.metadata(), raw);
        long indexed = 0;
        for (int r = 0; r < RECIPIENTS; r++) {
            String body = SearchDocuments.of(r + 1, r + 1, Folder.INBOX, Instant.EPOCH, content)
                    .bodyText();
            indexed += body == null ? 0 : body.length();
        }
        return raw.length + " bytes, " + attachments.size() + " attachments, " + downloaded + " bytes downloaded, "
                + indexed / RECIPIENTS + " chars indexed, "
                + readable.problems().size() + " intake problems, "
                + page.problems().size() + " page problems";
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the live heap at its highest. */
    private static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
