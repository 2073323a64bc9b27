package org.sealpost.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.sealpost.search.InvalidQueryException;
import org.sealpost.search.QueryProblem;

/**
 * Turns a parsed search into a Lucene query over hashed terms, always inside one account.
 *
 * <p>A word or phrase is analysed exactly as the fields were at indexing, so it becomes the same
 * hashes; a word that analysis splits (e-mail, alice@example.com) becomes a phrase of its
 * parts. Words that analyse to nothing (punctuation) drop out of the search.
 */
final class LuceneQueryFactory {

    /** How much a word's matches in other fields add to its best field's score. */
    private static final float TIE_BREAKER = 0.1f;

    /**
     * The most index terms one search may look up. Each word costs one per field it is looked
     * for in, and a word that analysis splits (a.b.c.d) costs one per part.
     */
    static final int MAX_INDEX_TERMS = 1_000;

    private final QueryBuilder analysis;
    private final TermHasher hasher;

    /**
     * @param analyzer the index's {@link KeyedHashAnalyzer} (the benchmark's plain-Lucene
     *     baseline passes the same chain without the hashing)
     */
    LuceneQueryFactory(Analyzer analyzer, TermHasher hasher) {
        this.analysis = new QueryBuilder(analyzer);
        this.hasher = hasher;
    }

    /** The user's search, confined to the account by a clause the search text cannot reach. */
    Query forAccount(long accountId, QueryNode search) throws InvalidQueryException {
        Query matching = toQuery(search);
        if (matching == null) {
            throw QueryProblem.NO_WORDS.exception();
        }
        if (countTerms(matching) > MAX_INDEX_TERMS) {
            throw QueryProblem.TOO_MANY_TERMS.exception();
        }
        return new BooleanQuery.Builder()
                .add(accountFilter(accountId), Occur.FILTER)
                .add(matching, Occur.MUST)
                .build();
    }

    private static int countTerms(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                count[0] += terms.length;
            }
        });
        return count[0];
    }

    static Query accountFilter(long accountId) {
        return new TermQuery(IndexFields.accountTerm(accountId));
    }

    /** The folder keyword: the keyed hash of the name, as raw bytes like every term (ADR 0025). */
    Term folderTerm(String folder) {
        return new Term(IndexFields.FOLDER, hasher.hash(normaliseFolder(folder)));
    }

    static String normaliseFolder(String folder) {
        return folder.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code null} when nothing searchable is left. */
    private Query toQuery(QueryNode node) {
        return switch (node) {
            case QueryNode.Text text -> text(text);
            case QueryNode.Folder folder -> new ConstantScoreQuery(new TermQuery(folderTerm(folder.name())));
            case QueryNode.Not not -> all(List.of(not));
            case QueryNode.All all -> all(all.parts());
            case QueryNode.Any any -> any(any.parts());
        };
    }

    private Query text(QueryNode.Text text) {
        List<Query> perField = new ArrayList<>();
        for (SearchField field : text.fields()) {
            Query query = analysis.createPhraseQuery(field.indexName(), text.text());
            if (query != null) {
                perField.add(field.boost() == 1f ? query : new BoostQuery(query, field.boost()));
            }
        }
        return switch (perField.size()) {
            case 0 -> null;
            case 1 -> perField.get(0);
            default -> new DisjunctionMaxQuery(perField, TIE_BREAKER);
        };
    }

    private Query all(List<QueryNode> parts) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        int required = 0;
        int excluded = 0;
        for (QueryNode part : parts) {
            if (part instanceof QueryNode.Not not) {
                Query negated = toQuery(not.negated());
                if (negated != null) {
                    builder.add(negated, Occur.MUST_NOT);
                    excluded++;
                }
            } else if (part instanceof QueryNode.Folder folder) {
                builder.add(new TermQuery(folderTerm(folder.name())), Occur.FILTER);
                required++;
            } else {
                Query query = toQuery(part);
                if (query != null) {
                    builder.add(query, Occur.MUST);
                    required++;
                }
            }
        }
        if (required == 0 && excluded == 0) {
            return null;
        }
        if (required == 0) {
            builder.add(MatchAllDocsQuery.INSTANCE, Occur.MUST); // "-draft": everything but drafts
        }
        return builder.build();
    }

    private Query any(List<QueryNode> parts) {
        List<Query> alternatives = new ArrayList<>();
        for (QueryNode part : parts) {
            Query query = toQuery(part);
            if (query != null) {
                alternatives.add(query);
            }
        }
        if (alternatives.size() <= 1) {
            return alternatives.isEmpty() ? null : alternatives.get(0);
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        alternatives.forEach(query -> builder.add(query, Occur.SHOULD));
        return builder.build();
    }
}
