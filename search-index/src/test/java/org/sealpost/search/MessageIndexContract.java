package org.sealpost.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.sealpost.search.TestMessages.message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link MessageIndex} must do, whatever is behind it. An implementation's test
 * implements this interface, hands out a fresh, empty index per test, and can show the bytes of
 * its committed files.
 */
public interface MessageIndexContract {

    long ALICE = 1;
    long BOB = 2;

    /** A fresh, empty index for the current test. */
    MessageIndex messageIndex();

    /** Every file of the index as it is stored, by name. */
    Map<String, byte[]> indexFiles() throws IOException;

    private void add(TestMessages.Builder... messages) {
        for (TestMessages.Builder m : messages) {
            messageIndex().index(m.build());
        }
    }

    private List<String> find(long accountId, String query) throws InvalidQueryException {
        return messageIndex().search(accountId, query, 0, 100).messageIds();
    }

    private List<String> find(String query) throws InvalidQueryException {
        return find(ALICE, query);
    }

    // --- words, case, accents

    @Test
    default void wordFindsOnlyTheMessagesContainingIt() throws Exception {
        add(
                message(ALICE, "m1").body("The invoice is attached."),
                message(ALICE, "m2").body("Lunch tomorrow?"));

        assertThat(find("invoice")).containsExactly("m1");
    }

    @Test
    default void caseAndAccentsAreIgnoredBothWays() throws Exception {
        add(
                message(ALICE, "accented").from("Jörg Müller <jm@example.com>").body("Grüße aus Köln"),
                message(ALICE, "plain").body("Meeting with Mr MULLER in Koln"));

        assertThat(find("muller")).containsExactlyInAnyOrder("accented", "plain");
        assertThat(find("Müller")).containsExactlyInAnyOrder("accented", "plain");
        assertThat(find("KÖLN")).containsExactlyInAnyOrder("accented", "plain");
        assertThat(find("grusse")).containsExactly("accented");
    }

    @Test
    default void punctuationAroundWordsIsIgnored() throws Exception {
        add(
                message(ALICE, "m1").body("Where is the invoice?"),
                message(ALICE, "m2").body("lunch"));

        assertThat(find("invoice?")).containsExactly("m1");
        assertThat(find("invoice !!! ...")).containsExactly("m1");
    }

    // --- phrases and operators

    @Test
    default void phraseMatchesOnlyWordsInThatOrder() throws Exception {
        add(
                message(ALICE, "in-order").body("The quarterly report is late."),
                message(ALICE, "reversed").body("A report on the quarterly numbers."),
                message(ALICE, "apart").body("Quarterly figures and the annual report."));

        assertThat(find("quarterly report")).containsExactlyInAnyOrder("in-order", "reversed", "apart");
        assertThat(find("\"quarterly report\"")).containsExactly("in-order");
    }

    @Test
    default void phraseDoesNotSpanTwoAttachmentNames() throws Exception {
        add(message(ALICE, "m1").attachments("summary quarterly.pdf", "report.docx"));

        assertThat(find("attachment:quarterly attachment:report")).containsExactly("m1");
        assertThat(find("\"pdf report\"")).isEmpty();
    }

    @Test
    default void everyWordMustMatchByDefault() throws Exception {
        add(
                message(ALICE, "march").body("invoice for march"),
                message(ALICE, "april").body("invoice for april"));

        assertThat(find("invoice march")).containsExactly("march");
        assertThat(find("invoice AND march")).containsExactly("march");
    }

    @Test
    default void wordsMayMatchInDifferentFields() throws Exception {
        add(
                message(ALICE, "m1").subject("Invoice").body("for march"),
                message(ALICE, "m2").subject("Invoice").body("for april"));

        assertThat(find("invoice march")).containsExactly("m1");
    }

    @Test
    default void minusOrNotLeavesOutMessagesWithTheWord() throws Exception {
        add(
                message(ALICE, "draft").body("invoice draft"),
                message(ALICE, "final").body("invoice final"),
                message(ALICE, "other").body("lunch"));

        assertThat(find("invoice -draft")).containsExactly("final");
        assertThat(find("invoice NOT draft")).containsExactly("final");
        assertThat(find("-draft")).containsExactlyInAnyOrder("final", "other");
        assertThat(find("-\"invoice draft\" invoice")).containsExactly("final");
    }

    @Test
    default void orMatchesEitherWord() throws Exception {
        add(
                message(ALICE, "invoice").body("the invoice"),
                message(ALICE, "receipt").body("the receipt"),
                message(ALICE, "lunch").body("the lunch"));

        assertThat(find("invoice OR receipt")).containsExactlyInAnyOrder("invoice", "receipt");
    }

    @Test
    default void orBindsTighterThanTheImpliedAnd() throws Exception {
        add(
                message(ALICE, "alpha-beta").body("alpha beta"),
                message(ALICE, "alpha-gamma").body("alpha gamma"),
                message(ALICE, "beta-gamma").body("beta gamma"));

        assertThat(find("alpha beta OR gamma")).containsExactlyInAnyOrder("alpha-beta", "alpha-gamma");
        assertThat(find("(alpha beta) OR gamma")).containsExactlyInAnyOrder("alpha-beta", "alpha-gamma", "beta-gamma");
    }

    @Test
    default void lowerCaseOrIsAnOrdinaryWord() throws Exception {
        add(
                message(ALICE, "with-or").body("tea or coffee"),
                message(ALICE, "without").body("tea coffee"));

        assertThat(find("tea or coffee")).containsExactly("with-or");
    }

    // --- field prefixes and folders

    @Test
    default void fromSearchesOnlyTheSender() throws Exception {
        add(
                message(ALICE, "from-alice")
                        .from("Alice Example <alice@example.com>")
                        .body("hello"),
                message(ALICE, "mentions-alice")
                        .from("Carol <carol@example.org>")
                        .body("ask alice"));

        assertThat(find("alice")).containsExactlyInAnyOrder("from-alice", "mentions-alice");
        assertThat(find("from:alice")).containsExactly("from-alice");
        assertThat(find("FROM:Alice")).containsExactly("from-alice");
    }

    @Test
    default void fromMatchesAWholeAddressOrItsDomain() throws Exception {
        add(
                message(ALICE, "example-com").from("Alice <alice@example.com>"),
                message(ALICE, "example-org").from("Alice <alice@example.org>"));

        assertThat(find("from:alice@example.com")).containsExactly("example-com");
        assertThat(find("from:example.com")).containsExactly("example-com");
        assertThat(find("alice@example.org")).containsExactly("example-org");
    }

    @Test
    default void toSearchesToAndCcWhileCcSearchesOnlyCc() throws Exception {
        add(
                message(ALICE, "to-bob").to("Bob <bob@example.com>"),
                message(ALICE, "cc-bob").cc("Bob <bob@example.com>"),
                message(ALICE, "body-bob").body("say hello to bob"));

        assertThat(find("to:bob")).containsExactlyInAnyOrder("to-bob", "cc-bob");
        assertThat(find("cc:bob")).containsExactly("cc-bob");
    }

    @Test
    default void subjectAndBodySearchOnlyTheirField() throws Exception {
        add(
                message(ALICE, "in-subject").subject("Budget 2025").body("see attached"),
                message(ALICE, "in-body").subject("Hello").body("about the budget"));

        assertThat(find("subject:budget")).containsExactly("in-subject");
        assertThat(find("body:budget")).containsExactly("in-body");
    }

    @Test
    default void attachmentFindsThePartsOfFileNames() throws Exception {
        add(
                message(ALICE, "with-pdf").attachments("Q3-report_final.pdf"),
                message(ALICE, "says-pdf").body("I will send the pdf report later"));

        assertThat(find("attachment:pdf")).containsExactly("with-pdf");
        assertThat(find("attachment:report")).containsExactly("with-pdf");
        assertThat(find("attachment:\"report final\"")).containsExactly("with-pdf");
        assertThat(find("pdf")).containsExactlyInAnyOrder("with-pdf", "says-pdf");
    }

    @Test
    default void prefixAppliesToAPhraseOrAGroup() throws Exception {
        add(
                message(ALICE, "alice").from("Alice <a@example.com>").subject("quarterly report"),
                message(ALICE, "carol").from("Carol <c@example.com>").subject("report quarterly"),
                message(ALICE, "dave").from("Dave <d@example.com>").body("quarterly report"));

        assertThat(find("subject:\"quarterly report\"")).containsExactly("alice");
        assertThat(find("from:(alice OR carol)")).containsExactlyInAnyOrder("alice", "carol");
        assertThat(find("-from:(alice OR carol)")).containsExactly("dave");
    }

    @Test
    default void unknownPrefixIsSearchedAsText() throws Exception {
        add(message(ALICE, "time").body("The call is at 10:30 sharp"), message(ALICE, "other"));

        assertThat(find("10:30")).containsExactly("time");
    }

    @Test
    default void inKeepsOnlyThatFolder() throws Exception {
        add(
                message(ALICE, "inbox").folder("INBOX").body("invoice"),
                message(ALICE, "sent").folder("SENT").body("invoice"),
                message(ALICE, "trash").folder("TRASH").body("invoice"),
                message(ALICE, "inbox-lunch").folder("INBOX").body("lunch"));

        assertThat(find("invoice in:inbox")).containsExactly("inbox");
        assertThat(find("in:sent invoice")).containsExactly("sent");
        assertThat(find("invoice in:TRASH")).containsExactly("trash");
        assertThat(find("invoice -in:trash")).containsExactlyInAnyOrder("inbox", "sent");
        assertThat(find("invoice (in:sent OR in:trash)")).containsExactlyInAnyOrder("sent", "trash");
        assertThat(find("in:inbox")).containsExactlyInAnyOrder("inbox", "inbox-lunch");
    }

    // --- accounts

    @Test
    default void searchFindsOnlyTheAccountsOwnMessages() throws Exception {
        add(
                message(ALICE, "alice-1").body("quarterly figures"),
                message(BOB, "bob-1").body("quarterly figures"));

        assertThat(find(ALICE, "quarterly")).containsExactly("alice-1");
        assertThat(find(BOB, "quarterly")).containsExactly("bob-1");
        assertThat(find(ALICE, "-nothingmatchesthis")).containsExactly("alice-1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "accountId:2",
                "account:2",
                "accountId:2 OR quarterly",
                "key:2/bob-1",
                "messageId:bob-1",
                "bob-1",
                "quarterly OR -quarterly",
                "*:*",
                "+*:*",
                "-(a) OR -(b)",
                "in:inbox",
            })
    default void craftedSearchesNeverReachAnotherAccount(String crafted) throws Exception {
        add(
                message(ALICE, "alice-1").body("quarterly figures"),
                message(BOB, "bob-1").body("quarterly accountId:2 account:2 key:2/bob-1 messageId:bob-1 bob-1 a b"));

        List<String> found;
        try {
            found = find(ALICE, crafted);
        } catch (InvalidQueryException refused) {
            return; // refusing is as safe as answering within the account
        }
        assertThat(found).doesNotContain("bob-1");
    }

    @Test
    default void countCountsOnlyThatAccountsMessages() {
        add(message(ALICE, "a1"), message(ALICE, "a2"), message(BOB, "b1"));

        assertThat(messageIndex().count(ALICE)).isEqualTo(2);
        assertThat(messageIndex().count(BOB)).isEqualTo(1);
        assertThat(messageIndex().count(3)).isZero();
    }

    // --- writes

    @Test
    default void deleteRemovesOnlyThatMessageOfThatAccount() throws Exception {
        add(
                message(ALICE, "same-id").body("invoice"),
                message(ALICE, "other").body("invoice"),
                message(BOB, "same-id").body("invoice"));

        messageIndex().delete(ALICE, "same-id");

        assertThat(find(ALICE, "invoice")).containsExactly("other");
        assertThat(find(BOB, "invoice")).containsExactly("same-id");
        messageIndex().delete(ALICE, "never-indexed"); // no error
    }

    @Test
    default void deleteAllOfRemovesEveryMessageOfOnlyThatAccount() throws Exception {
        add(
                message(ALICE, "a1").body("invoice"),
                message(ALICE, "a2").folder("TRASH").body("receipt"),
                message(BOB, "b1").body("invoice"));

        messageIndex().deleteAllOf(ALICE);

        assertThat(messageIndex().count(ALICE)).isZero();
        assertThat(find(ALICE, "invoice OR receipt")).isEmpty();
        assertThat(find(BOB, "invoice")).containsExactly("b1");
    }

    @Test
    default void indexingAgainReplacesTheEarlierVersion() throws Exception {
        add(message(ALICE, "m1").folder("INBOX").body("invoice"));
        add(message(ALICE, "m1").folder("TRASH").body("receipt"));

        assertThat(messageIndex().count(ALICE)).isEqualTo(1);
        assertThat(find("invoice")).isEmpty();
        assertThat(find("receipt")).containsExactly("m1");
        assertThat(find("in:inbox")).isEmpty();
        assertThat(find("in:trash")).containsExactly("m1");
    }

    @Test
    default void concurrentWritersAndSearchersLoseNothing() throws Exception {
        int writers = 4;
        int perWriter = 150;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        messageIndex()
                                .index(message(ALICE, writer + "-" + i)
                                        .body("stress word" + i)
                                        .build());
                    }
                }));
            }
            for (int s = 0; s < 2; s++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        assertThat(messageIndex().search(ALICE, "stress", 0, 10).totalHits())
                                .isBetween(0L, (long) writers * perWriter);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(messageIndex().count(ALICE)).isEqualTo(writers * perWriter);
        assertThat(messageIndex().search(ALICE, "stress", 0, 1).totalHits()).isEqualTo(writers * perWriter);
    }

    // --- order and paging

    @Test
    default void equallyGoodMatchesComeNewestFirst() throws Exception {
        Instant monday = Instant.parse("2025-06-02T09:00:00Z");
        add(
                message(ALICE, "tuesday").body("weekly status").receivedAt(monday.plusSeconds(86_400)),
                message(ALICE, "monday").body("weekly status").receivedAt(monday),
                message(ALICE, "wednesday").body("weekly status").receivedAt(monday.plusSeconds(172_800)));

        SearchResult result = messageIndex().search(ALICE, "weekly", 0, 10);

        assertThat(result.messageIds()).containsExactly("wednesday", "tuesday", "monday");
        assertThat(result.hits().get(2).receivedAt()).isEqualTo(monday);
    }

    @Test
    default void relevanceOutranksDateUnlessNewestFirstIsAsked() throws Exception {
        Instant day = Instant.parse("2025-06-02T09:00:00Z");
        add(
                message(ALICE, "older-strong")
                        .subject("Budget")
                        .body("budget budget budget, the budget")
                        .receivedAt(day),
                message(ALICE, "newer-weak")
                        .subject("Weekly notes")
                        .body("many things happened this week, one of them the budget, and much more")
                        .receivedAt(day.plusSeconds(3_600)));

        assertThat(find("budget")).containsExactly("older-strong", "newer-weak");
        assertThat(messageIndex()
                        .search(ALICE, "budget", SearchOrder.NEWEST_FIRST, 0, 10)
                        .messageIds())
                .containsExactly("newer-weak", "older-strong");
    }

    @Test
    default void pagesTileTheResultAndTellTheExactTotal() throws Exception {
        for (int i = 0; i < 25; i++) {
            add(message(ALICE, "n" + i).body("newsletter"));
        }
        add(message(BOB, "bob").body("newsletter"));

        List<String> all = messageIndex().search(ALICE, "newsletter", 0, 25).messageIds();
        SearchResult first = messageIndex().search(ALICE, "newsletter", 0, 10);
        SearchResult second = messageIndex().search(ALICE, "newsletter", 10, 10);
        SearchResult last = messageIndex().search(ALICE, "newsletter", 20, 10);
        SearchResult beyond = messageIndex().search(ALICE, "newsletter", 30, 10);

        assertThat(first.totalHits()).isEqualTo(25);
        assertThat(last.totalHits()).isEqualTo(25);
        assertThat(first.hits()).hasSize(10);
        assertThat(last.hits()).hasSize(5);
        assertThat(beyond.hits()).isEmpty();
        List<String> tiled = new ArrayList<>(first.messageIds());
        tiled.addAll(second.messageIds());
        tiled.addAll(last.messageIds());
        assertThat(tiled).isEqualTo(all).doesNotHaveDuplicates().hasSize(25);
        assertThat(all.get(0)).isEqualTo("n24");
    }

    @Test
    default void pageOutsideTheWindowIsAProgrammingError() {
        assertThatThrownBy(() -> messageIndex().search(ALICE, "x", -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> messageIndex().search(ALICE, "x", 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> messageIndex().search(ALICE, "x", MessageIndex.MAX_WINDOW, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- refused searches

    /**
     * Each broken search is refused with its code, the 0-based index of what is at fault and
     * that text as typed, so that the portal can say it in the reader's language.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
          "unbalanced quote          | UNBALANCED_QUOTES     |  0 | "
          say "one" and "two         | UNBALANCED_QUOTES     | 14 | "
          invoice AND                | DANGLING_AND          |  8 | AND
          AND invoice                | DANGLING_AND          |  0 | AND
          invoice AND OR receipt     | DANGLING_AND          |  8 | AND
          invoice OR                 | DANGLING_OR           |  8 | OR
          OR                         | DANGLING_OR           |  0 | OR
          NOT                        | DANGLING_NOT          |  0 | NOT
          invoice NOT                | DANGLING_NOT          |  8 | NOT
          -                          | LONE_MINUS            |  0 | -
          invoice - draft            | LONE_MINUS            |  8 | -
          (                          | UNCLOSED_PARENTHESIS  |  0 | (
          (invoice                   | UNCLOSED_PARENTHESIS  |  0 | (
          ((invoice)                 | UNCLOSED_PARENTHESIS  |  0 | (
          a (b (c) d                 | UNCLOSED_PARENTHESIS  |  2 | (
          (a (b                      | UNCLOSED_PARENTHESIS  |  3 | (
          invoice)                   | UNOPENED_PARENTHESIS  |  7 | )
          ()                         | EMPTY_PARENTHESES     |  0 | (
          from:                      | NOTHING_AFTER_PREFIX  |  0 | from
          from: alice                | NOTHING_AFTER_PREFIX  |  0 | from
          invoice in:                | NOTHING_AFTER_PREFIX  |  8 | in
          """)
    default void brokenSyntaxIsRefusedByCodeWithItsPlaceAndText(
            String query, QueryProblem problem, int position, String term) {
        assertRefused(() -> find(query), problem, position, term);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
          invoic*                    | WILDCARD |  0 | invoic*
          te?t                       | WILDCARD |  0 | te?t
          *                          | WILDCARD |  0 | *
          *:*                        | WILDCARD |  0 | *:*
          +*:*                       | WILDCARD |  1 | *:*
          invoice~                   | FUZZY    |  0 | invoice~
          invoice~2                  | FUZZY    |  0 | invoice~2
          "quarterly report"~3       | FUZZY    | 18 | ~
          /inv.*/                    | REGEX    |  0 | /inv.*/
          [a TO z]                   | RANGE    |  0 | [a
          {2020 TO 2021}             | RANGE    |  0 | {2020
          subject:[a TO z]           | RANGE    |  8 | [a
          """)
    default void searchesHashedTermsCannotServeAreRefusedByCodeWithTheWordAsTyped(
            String query, QueryProblem problem, int position, String term) {
        assertRefused(() -> find(query), problem, position, term);
    }

    @Test
    default void blankOrWordlessSearchIsRefusedAsAWhole() {
        assertRefusedAsAWhole(() -> find(""), QueryProblem.BLANK);
        assertRefusedAsAWhole(() -> find("   \t"), QueryProblem.BLANK);
        assertRefusedAsAWhole(() -> find("!!! ... &&"), QueryProblem.NO_WORDS);
        assertRefusedAsAWhole(() -> find("-!!!"), QueryProblem.NO_WORDS);
    }

    @Test
    default void oversizedSearchIsRefused() {
        assertRefusedAsAWhole(() -> find("word ".repeat(201)), QueryProblem.TOO_LONG);
        assertRefused(
                () -> find(String.join(
                        " ", IntStream.range(0, 51).mapToObj(i -> "w" + i).toList())),
                QueryProblem.TOO_MANY_TERMS,
                190,
                "w50");
        assertRefused(() -> find("(".repeat(9) + "deep" + ")".repeat(9)), QueryProblem.TOO_DEEP, 8, "(");
        assertThat(refusal(() -> find("\"" + "a ".repeat(490) + "\"")).problem())
                .isEqualTo(QueryProblem.TOO_MANY_TERMS);
        assertRefusedAsAWhole(() -> find("a.".repeat(450) + "a"), QueryProblem.TOO_MANY_TERMS);
        assertThat(QueryProblem.TOO_LONG.limit()).hasValue(QueryProblem.MAX_LENGTH);
        assertThat(QueryProblem.TOO_MANY_TERMS.limit()).hasValue(QueryProblem.MAX_TERMS);
        assertThat(QueryProblem.TOO_DEEP.limit()).hasValue(QueryProblem.MAX_DEPTH);
    }

    private static void assertRefused(ThrowingCallable search, QueryProblem problem, int position, String term) {
        InvalidQueryException refused = refusal(search);
        assertThat(refused.problem()).isEqualTo(problem);
        assertThat(refused.position()).hasValue(position);
        assertThat(refused.term()).hasValue(term);
    }

    private static void assertRefusedAsAWhole(ThrowingCallable search, QueryProblem problem) {
        InvalidQueryException refused = refusal(search);
        assertThat(refused.problem()).isEqualTo(problem);
        assertThat(refused.position()).isEmpty();
        assertThat(refused.term()).isEmpty();
    }

    /**
     * The refusal; its message is for the log, so it names the code and the place but never the
     * search text (a term can be as confidential as the mail it looks for) nor parser internals.
     */
    private static InvalidQueryException refusal(ThrowingCallable search) {
        InvalidQueryException refused = catchThrowableOfType(InvalidQueryException.class, search);
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).matches("[A-Z_]+( at index \\d+)?");
        return refused;
    }

    // --- confidentiality

    /** Words in no dictionary, so that finding one in a file can only be a leak. */
    List<String> MARKERS = List.of(
            "Zyxolotl",
            "Quarzwerkel",
            "Flibbertigibbetz",
            "Strengstvertraulich",
            "Müllerstraßenfest",
            "Kryptonitbericht",
            "Wobblequonk",
            "Tarantellazio");

    @Test
    default void indexFilesHoldNoMessageTextButDoHoldTheOpaqueIds() throws Exception {
        add(message(ALICE, "canary-id-7QX")
                .from("Zyxolotl Quarzwerkel <zyxolotl@quarzwerkel.example>")
                .to("Wobblequonk <wobblequonk@example.com>")
                .cc("Tarantellazio <tarantellazio@example.com>")
                .subject("Flibbertigibbetz: strengstvertraulich")
                .body("Treffen am Müllerstraßenfest, siehe Kryptonitbericht. ".repeat(20))
                .attachments("Kryptonitbericht-Flibbertigibbetz.pdf"));
        for (int i = 0; i < 30; i++) {
            add(message(BOB, "filler-" + i).body("Zyxolotl wobblequonk tarantellazio " + i));
        }
        messageIndex().commit();
        assertThat(find("zyxolotl")).containsExactly("canary-id-7QX"); // the words are searchable

        Map<String, byte[]> files = indexFiles();

        assertThat(files).isNotEmpty();
        assertThat(filesContaining(files, "canary-id-7QX")) // proves the scan sees stored text
                .as("files holding the stored message id")
                .isNotEmpty();
        for (String marker : MARKERS) {
            for (String form : forms(marker)) {
                assertThat(filesContaining(files, form))
                        .as("files containing %s", form)
                        .isEmpty();
            }
        }
    }

    private static List<String> forms(String word) {
        String folded = Normalizer.normalize(word.replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return List.of(
                        word,
                        word.toLowerCase(Locale.ROOT),
                        word.toUpperCase(Locale.ROOT),
                        folded,
                        folded.toLowerCase(Locale.ROOT))
                .stream()
                .distinct()
                .toList();
    }

    private static List<String> filesContaining(Map<String, byte[]> files, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        return files.entrySet().stream()
                .filter(file -> indexOf(file.getValue(), needle) >= 0)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
