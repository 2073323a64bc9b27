package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Search end to end: mail in over the bridge, found by its words in the browser, only by its
 * own account, through trash and delete for ever; the queue behind it and what it leaves on
 * disk and in the database.
 */
@RunAsClient
class SearchIT extends PortalClientTest {

    private static final String PASSWORD = "search test passphrase";
    private static final Duration INDEXED_WITHIN = Duration.ofSeconds(30);

    private final StoredMessages store = new StoredMessages();

    @Test
    void aMessageIsFoundByBodySubjectAndAttachmentOnlyByItsOwnerThroughTrashUntilDeletedForEver() throws Exception {
        String word = "Bodyword" + token();
        String subjectWord = "Subjword" + token();
        String attachment = "Attname" + token();
        String owner = Recipients.newAddress("searcher");
        String other = Recipients.newAddress("bystander");
        bridge.sendRaw(htmlMessageWithAttachment("Report " + subjectWord, word, attachment), owner);
        bridge.sendRaw(htmlMessageWithAttachment("Other report", word, "unrelated"), other);
        String ownersLink = CapturedMail.awaitLink(owner, Recipients.REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        String othersLink = CapturedMail.awaitLink(other, Recipients.REGISTRATION_LINK, 0, Duration.ofSeconds(60));

        try (Browser others = new Browser(portal.toString(), "search-other")) {
            Recipients.register(others, othersLink, other, PASSWORD);
            // The other account's copy is indexed and its owner finds it: the word is in the index twice.
            awaitMatches(others, word, 1);
            assertThat(others.text()).contains("Other report").doesNotContain(subjectWord);
        }

        try (Browser browser = new Browser(portal.toString(), "search")) {
            Recipients.register(browser, ownersLink, owner, PASSWORD);
            browser.find("search-q"); // the box is on the folder page
            browser.type("search-q", word).click("search-submit").screenshot("by-body-word");
            awaitMatches(browser, word, 1);
            assertThat(browser.text())
                    .contains("Report " + subjectWord)
                    .contains("Erika Advisor")
                    .contains("Inbox")
                    .doesNotContain("Other report");

            awaitMatches(browser, subjectWord, 1);
            awaitMatches(browser, "attachment:" + attachment, 1);
            awaitMatches(browser, attachment.toLowerCase(Locale.ROOT), 1);
            browser.driver().findElement(By.linkText("Report " + subjectWord)).click();
            assertThat(browser.find("subject").getText()).isEqualTo("Report " + subjectWord);

            browser.click("nav-inbox");
            browser.click(rowButton(browser, subjectWord, "trash"));
            awaitMatches(browser, word + " in:trash", 1);
            assertThat(browser.text()).contains("Trash");
            awaitMatches(browser, word + " in:inbox", 0);

            browser.click("nav-trash");
            browser.press(rowButton(browser, subjectWord, "delete")).visible("confirm-yes");
            browser.click("confirm-yes").screenshot("deleted");
            awaitMatches(browser, word, 0);
            awaitMatches(browser, word + " in:trash", 0);
            awaitMatches(browser, subjectWord + " OR " + attachment, 0);
            Instant deadline = Instant.now().plus(INDEXED_WITHIN);
            while (queued(owner) > 0) {
                assertThat(Instant.now())
                        .as("queue rows of the owner, all passed by the index")
                        .isBefore(deadline);
                Thread.sleep(200);
            }
        }
    }

    @Test
    void aSearchTheIndexCannotRunSaysWhyInOneSentenceWithStatus200() throws Exception {
        String address = Recipients.newAddress("badquery");
        String link = Recipients.firstMessageAndLink(bridge, address, "Anything");
        try (Browser browser = new Browser(portal.toString(), "search-bad")) {
            Recipients.register(browser, link, address, PASSWORD);
            Map<String, String> sentences = Map.of(
                    "\"unclosed phrase",
                            "Unbalanced quotes in your search: close each phrase with a second quotation mark.",
                    "foo*", "Wildcard search (* or ?) is not supported: search for whole words.",
                    "invoice AND", "AND must stand between two search words, as in invoice AND march.",
                    "   ", "Type a word or a phrase to search for.");
            for (Map.Entry<String, String> broken : sentences.entrySet()) {
                HttpResponse<String> page = get("/search.xhtml?q=" + encode(broken.getKey()), browser.sessionCookie());
                assertThat(page.statusCode()).as(broken.getKey()).isEqualTo(200);
                assertThat(page.body())
                        .as(broken.getKey())
                        .contains(escaped(broken.getValue()))
                        .doesNotContain("Exception")
                        .doesNotContain("search-total");
            }
            // Limits and prefixes are filled in; a German reader gets the German sentence.
            assertThat(get("/search.xhtml?q=" + encode("from: alice"), browser.sessionCookie())
                            .body())
                    .contains(
                            escaped(
                                    "Write what to look for right after \u201cfrom:\u201d, without a space, as in from:alice."));
            assertThat(get("/search.xhtml?q=" + encode("x".repeat(1001)), browser.sessionCookie())
                            .body())
                    .contains(escaped("Your search is too long: use at most 1,000 characters."));
            HttpResponse<String> german =
                    get("/search.xhtml?q=" + encode("foo*"), browser.sessionCookie(), "de-DE,de;q=0.9");
            assertThat(german.body())
                    .contains(
                            escaped(
                                    "Platzhalter (* oder ?) werden nicht unterst\u00fctzt: Suchen Sie nach ganzen W\u00f6rtern."))
                    .doesNotContain("Wildcard search");
            assertThat(get("/search.xhtml?q=" + encode("x".repeat(1001)), browser.sessionCookie(), "de")
                            .body())
                    .contains(escaped("Ihre Suche ist zu lang: Verwenden Sie h\u00f6chstens 1.000 Zeichen."));
            browser.open("/search.xhtml?q=" + encode("foo*")).screenshot("wildcard");
            assertThat(browser.text()).contains("Wildcard search (* or ?) is not supported");

            // The query is shown back in the box and the total line, always as text.
            String hostile = "\"><img src=x onerror=alert(1)> x";
            HttpResponse<String> page = get("/search.xhtml?q=" + encode(hostile), browser.sessionCookie());
            assertThat(page.body()).doesNotContain("<img src=x").contains("&lt;img src=x");
            browser.open("/search.xhtml?q=" + encode("<b>bold</b>"));
            assertThat(browser.find("search-q").getAttribute("value")).isEqualTo("<b>bold</b>");
            assertThat(browser.find("search-total").getText()).contains("\u201c<b>bold</b>\u201d");
        }
    }

    @Test
    void theQueueRowIsWrittenInTheSameTransactionAsTheMailboxEntryAndHoldsNoText() throws Exception {
        String address = Recipients.newAddress("queued");
        String word = "Queueword" + token();
        try (Connection c = store.connect();
                Statement s = c.createStatement()) {
            // A log, written by triggers, of which transaction inserted which entry and queue row.
            s.execute("CREATE TABLE it_tx_log (what TEXT, entry_id BIGINT, tx BIGINT)");
            s.execute("""
                    CREATE FUNCTION it_log_entry() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                    INSERT INTO it_tx_log VALUES ('entry', NEW.id, txid_current()); RETURN NEW; END $$""");
            s.execute("""
                    CREATE FUNCTION it_log_queue() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                    INSERT INTO it_tx_log VALUES ('queue', NEW.entry_id, txid_current()); RETURN NEW; END $$""");
            s.execute(
                    "CREATE TRIGGER it_log_entry AFTER INSERT ON mailbox_entry FOR EACH ROW EXECUTE FUNCTION it_log_entry()");
            s.execute(
                    "CREATE TRIGGER it_log_queue AFTER INSERT ON search_index_queue FOR EACH ROW EXECUTE FUNCTION it_log_queue()");
        }
        try {
            bridge.sendRaw(htmlMessageWithAttachment("Queued " + word, word, "queued" + token()), address);
            long entry = store.count(
                    "SELECT e.id FROM mailbox_entry e JOIN account a ON a.id = e.account_id WHERE a.email = ?",
                    address);
            assertThat(store.count("""
                    SELECT count(*) FROM it_tx_log q JOIN it_tx_log e ON e.tx = q.tx AND e.entry_id = q.entry_id
                    WHERE q.what = 'queue' AND e.what = 'entry' AND e.entry_id = ?""", entry))
                    .as("a queue row committed with the entry, before the 250")
                    .isEqualTo(1);
        } finally {
            try (Connection c = store.connect();
                    Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER it_log_entry ON mailbox_entry");
                s.execute("DROP TRIGGER it_log_queue ON search_index_queue");
                s.execute("DROP FUNCTION it_log_entry(), it_log_queue()");
                s.execute("DROP TABLE it_tx_log");
            }
        }
        List<String> columns = columnsOf("search_index_queue");
        // tx is the writing transaction's id (ADR 0017): still no text.
        assertThat(columns).containsExactlyInAnyOrder("id", "account_id", "entry_id", "queued_at", "tx");
    }

    @Test
    void neitherTheDatabaseDumpNorTheIndexFilesHoldTheWordsOfAnIndexedMessage() throws Exception {
        String address = Recipients.newAddress("leak");
        String subjectWord = "Zebrasearch" + token();
        String word = "Quokkasearch" + token();
        String attachment = "Axolotlsearch" + token();
        bridge.sendRaw(htmlMessageWithAttachment("Leak " + subjectWord, word, attachment), address);
        Instant deadline = Instant.now().plus(INDEXED_WITHIN);
        while (queued(address) > 0 || entries(address) == 0) {
            assertThat(Instant.now()).as("queue drained in time").isBefore(deadline);
            Thread.sleep(200);
        }

        DatabaseDump dump = DatabaseDump.of(
                System.getProperty("sealpost.it.db.url"),
                System.getProperty("sealpost.it.db.user"),
                System.getProperty("sealpost.it.db.password"));
        Path index = Path.of(System.getProperty("sealpost.it.data.dir"), "search");
        String indexFiles = indexBytes(index);

        assertThat(dump.text()).contains("search_index_queue");
        assertThat(indexFiles).as("the index files were read").isNotEmpty();
        for (String secret : List.of(subjectWord, word, attachment)) {
            String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
            assertThat(dump.text())
                    .as("dump by %s", dump.tool())
                    .doesNotContainIgnoringCase(secret)
                    .doesNotContain(hex);
            assertThat(indexFiles).as("index files").doesNotContainIgnoringCase(secret);
        }
    }

    @Test
    void signedOutTheSearchPageOnlyRedirectsToSignIn() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/search.xhtml?q=invoice"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/login.xhtml");
        assertThat(r.body()).doesNotContain("How to search");
    }

    /** Runs the search until it reports {@code expected} matches (the index catches up within seconds). */
    private static void awaitMatches(Browser browser, String query, int expected) throws Exception {
        String wanted = switch (expected) {
            case 0 -> "No message matches";
            case 1 -> "One message matches";
            default -> expected + " messages match";
        };
        Instant deadline = Instant.now().plus(INDEXED_WITHIN);
        while (true) {
            browser.open("/search.xhtml?q=" + encode(query));
            String text = browser.text();
            if (text.contains(wanted)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                browser.screenshot("not-found");
                throw new AssertionError("search [" + query + "] never showed \"" + wanted + "\"; page: " + text);
            }
            Thread.sleep(300);
        }
    }

    private static String htmlMessageWithAttachment(String subject, String word, String attachment) {
        return "From: Erika Advisor <advisor@bank.example>\r\n"
                + "To: customer@client.example\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@bank.example>\r\n"
                + "X-Sealpost-Encrypt: yes\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b1\r\n\r\n"
                + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<p>Please find the <b>" + word + "</b> figures attached.</p>\r\n"
                + "--b1\r\nContent-Type: application/pdf; name=\"" + attachment + ".pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + attachment + ".pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n";
    }

    /** Letters only: a word the tokenizer keeps whole. */
    private static String token() {
        StringBuilder s = new StringBuilder();
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            s.append((char) ('a' + Character.digit(c, 16)));
        }
        return s.toString();
    }

    /** The address's queue rows that an index has not passed yet (rows stay until every index has, ADR 0017). */
    private long queued(String address) throws Exception {
        return store.count("""
                SELECT count(*) FROM search_index_queue q JOIN account a ON a.id = q.account_id WHERE a.email = ?
                AND EXISTS (SELECT 1 FROM search_index_follower f WHERE (q.tx, q.id) > (f.through_tx, f.through_id))""", address);
    }

    private long entries(String address) throws Exception {
        return store.count(
                "SELECT count(*) FROM mailbox_entry e JOIN account a ON a.id = e.account_id WHERE a.email = ?",
                address);
    }

    private List<String> columnsOf(String table) throws Exception {
        try (Connection c = store.connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                return names;
            }
        }
    }

    /** Every index file's bytes as ISO-8859-1 text, so any ASCII word in them shows as itself. */
    private static String indexBytes(Path directory) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try {
                    all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                } catch (NoSuchFileException merged) {
                    // a segment merged away while listing
                }
            }
        }
        return all.toString();
    }

    /** The id of the button in the table row that shows the given text. */
    private static String rowButton(Browser browser, String text, String button) {
        for (var row : browser.driver().findElements(By.cssSelector("tr"))) {
            if (row.getText().contains(text)) {
                return row.findElement(By.cssSelector("[id$=':" + button + "']"))
                        .getAttribute("id");
            }
        }
        throw new AssertionError("no row with " + text);
    }

    private String base() {
        String s = portal.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private HttpResponse<String> get(String pathAndQuery, String sessionCookie) throws Exception {
        return get(pathAndQuery, sessionCookie, "en");
    }

    private HttpResponse<String> get(String pathAndQuery, String sessionCookie, String acceptLanguage)
            throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                                .header("Cookie", "JSESSIONID=" + sessionCookie)
                                .header("Accept-Language", acceptLanguage)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** As JSF writes text into HTML. */
    private static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
