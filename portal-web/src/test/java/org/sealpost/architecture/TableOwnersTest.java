package org.sealpost.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One owner per table (docs/ARCHITECTURE.md, ADR 0003): every table the migrations create is
 * named in SQL or JPQL by exactly one main class, its repository. A class may own several
 * tables (an aggregate and its parts); an entity's {@code @Table} mapping is not a statement and
 * does not count, but a query it declares does.
 *
 * <p>The check reads the main sources of the modules the product is made of, not the compiled
 * classes: SQL lives in string literals and text blocks, which bytecode keeps only as constants
 * without telling which are SQL. The benchmark drivers and test-support seed and inspect the
 * schema from outside, as tests do, and are left out; so is the schema's own history in
 * db-migrations.
 */
class TableOwnersTest {

    private static final List<String> PRODUCT_MODULES =
            List.of("portal-ejb", "portal-web", "mail-bridge", "search-index", "mail-format", "launcher");

    /**
     * The keywords after which SQL and JPQL name a table or an entity, in any case; the name
     * itself is matched as written (tables are lower-case, entities as their class), so that
     * English such as "cannot update Account" in a message is not taken for a statement.
     */
    private static final String NAMING_KEYWORDS = "\\b(?i:FROM|JOIN|INTO|UPDATE|TABLE|USING)\\s+(?:(?i:ONLY)\\s+)?";

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern DROP_TABLE =
            Pattern.compile("(?i)DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern TABLE_ANNOTATION = Pattern.compile("@Table\\(\\s*name\\s*=\\s*\"([a-z0-9_]+)\"");
    private static final Pattern ENTITY_CLASS = Pattern.compile(
            "@Entity(?:\\(\\s*name\\s*=\\s*\"(\\w+)\"\\s*\\))?[^{]*?\\bclass\\s+(\\w+)", Pattern.DOTALL);

    private static Path root;
    private static Set<String> tables;
    private static Map<String, String> tableByEntity;
    private static Map<String, String> mainSources;

    @BeforeAll
    static void readTheSchemaAndTheSources() throws IOException {
        root = repositoryRoot();
        tables = tablesTheMigrationsLeave(root.resolve("db-migrations/src/main/resources/db/migration"));
        mainSources = new TreeMap<>();
        for (String module : PRODUCT_MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            if (Files.isDirectory(sources)) {
                try (Stream<Path> files = Files.walk(sources)) {
                    files.filter(f -> f.toString().endsWith(".java"))
                            .forEach(f -> mainSources.put(className(sources, f), read(f)));
                }
            }
        }
        tableByEntity = new TreeMap<>();
        mainSources.values().forEach(source -> {
            Matcher entity = ENTITY_CLASS.matcher(source);
            Matcher table = TABLE_ANNOTATION.matcher(source);
            if (entity.find() && table.find()) {
                tableByEntity.put(entity.group(1) != null ? entity.group(1) : entity.group(2), table.group(1));
            }
        });
    }

    @Test
    void theCheckReadsTheWholeSchemaAndTheEntities() {
        // Guards the check itself: a moved migration folder or a changed @Entity layout would
        // otherwise leave it nothing to compare and let it pass on anything.
        assertThat(tables).contains("account", "message_content", "mailbox_entry", "outbound_mail", "audit_event");
        assertThat(tableByEntity).containsEntry("Account", "account");
        assertThat(mainSources).hasSizeGreaterThan(300);
    }

    @Test
    void theCheckSeesATableNamedInSqlAndAnEntityNamedInJpql() {
        assertThat(tablesNamedIn("String sql = \"SELECT id FROM mailbox_entry e JOIN message_content m ON true\";"))
                .containsExactlyInAnyOrder("mailbox_entry", "message_content");
        assertThat(tablesNamedIn("\"\"\"\n  UPDATE outbound_mail SET state = ?\"\"\""))
                .containsExactly("outbound_mail");
        assertThat(tablesNamedIn("em.createQuery(\"SELECT a FROM Account a WHERE a.email = :e\", Account.class)"))
                .containsExactly("account");
        assertThat(tablesNamedIn("@Table(name = \"account\") String from = \"from the account page\";"))
                .isEmpty();
        assertThat(
                        tablesNamedIn(
                                "// the owner's \"queue\n/* it's \" */ char q = '\"'; String s = \"DELETE FROM outbound_mail\";"))
                .containsExactly("outbound_mail");
        assertThat(tablesNamedIn("// SELECT * FROM outbound_mail\nint x;")).isEmpty();
    }

    @Test
    void everyTableIsNamedInSqlOrJpqlByExactlyOneMainClass() {
        Map<String, Set<String>> namers = new TreeMap<>();
        tables.forEach(table -> namers.put(table, new TreeSet<>()));
        mainSources.forEach((className, source) -> tablesNamedIn(source)
                .forEach(table ->
                        namers.computeIfAbsent(table, t -> new TreeSet<>()).add(className)));

        Map<String, Set<String>> sharedTables = new LinkedHashMap<>();
        namers.forEach((table, classes) -> {
            if (classes.size() > 1) {
                sharedTables.put(table, classes);
            }
        });
        assertThat(sharedTables)
                .as("tables named in SQL or JPQL by more than one main class (each table has one owner)")
                .isEmpty();
    }

    /**
     * A statement whose table is joined in at run time ({@code "FROM " + table}) would escape the
     * check above. The one such place is key rotation (ADR 0012): it rewraps the data keys of
     * every sealed table, one statement shape over the two key columns they all have, the tables
     * listed in {@code keys.DataKeyTable}, so that a new sealed table cannot be forgotten. (SQL
     * keywords are written in capitals throughout; "from " + an address is English.)
     */
    @Test
    void onlyKeyRotationJoinsATableNameInAtRunTime() {
        Pattern joinedIn = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|USING)\\s*\"\\s*\\+");
        Set<String> classes = new TreeSet<>();
        mainSources.forEach((className, source) -> {
            if (joinedIn.matcher(source).find()) {
                classes.add(className);
            }
        });
        assertThat(classes).containsExactly("org.sealpost.portal.keys.WrappedDataKeys");
    }

    private static Set<String> tablesNamedIn(String source) {
        String text = stringLiterals(source);
        Set<String> named = new TreeSet<>();
        for (String table : tables) {
            if (namedAfterAKeyword(text, table)) {
                named.add(table);
            }
        }
        // JPQL names the entity, case-sensitively (Jakarta Persistence 3.1, section 4.3).
        tableByEntity.forEach((entity, table) -> {
            if (namedAfterAKeyword(text, entity)) {
                named.add(table);
            }
        });
        return named;
    }

    /**
     * The contents of the source's string literals and text blocks, one per line; comments and
     * character literals are skipped, so a quote in a comment cannot shift what counts as SQL.
     */
    static String stringLiterals(String source) {
        StringBuilder literals = new StringBuilder();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char ch = source.charAt(i);
            if (source.startsWith("//", i)) {
                int endOfLine = source.indexOf('\n', i);
                i = endOfLine < 0 ? n : endOfLine + 1;
            } else if (source.startsWith("/*", i)) {
                int close = source.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int close = source.indexOf("\"\"\"", i + 3);
                while (close > 0 && source.charAt(close - 1) == '\\') {
                    close = source.indexOf("\"\"\"", close + 1);
                }
                close = close < 0 ? n : close;
                literals.append(source, i + 3, close).append('\n');
                i = close + 3;
            } else if (ch == '"' || ch == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != ch && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (ch == '"') {
                    literals.append(source, i + 1, Math.min(j, n)).append('\n');
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals.toString();
    }

    private static boolean namedAfterAKeyword(String text, String name) {
        return Pattern.compile(NAMING_KEYWORDS + Pattern.quote(name) + "\\b")
                .matcher(text)
                .find();
    }

    private static Set<String> tablesTheMigrationsLeave(Path migrations) throws IOException {
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(migrations)) {
            files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b)))
                    .forEach(scripts::add);
        }
        Set<String> result = new TreeSet<>();
        for (Path script : scripts) {
            String sql = read(script);
            Matcher created = CREATE_TABLE.matcher(sql);
            while (created.find()) {
                result.add(created.group(1).toLowerCase());
            }
            Matcher dropped = DROP_TABLE.matcher(sql);
            while (dropped.find()) {
                result.remove(dropped.group(1).toLowerCase());
            }
        }
        return result;
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static String className(Path sources, Path file) {
        String relative = sources.relativize(file).toString();
        return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path here = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("db-migrations")) && Files.isDirectory(p.resolve("portal-ejb"))) {
                return p;
            }
        }
        throw new IllegalStateException("no Sealpost checkout above " + here);
    }
}
