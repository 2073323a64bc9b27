-- Mailbox entries whose search index document is out of date (ADR 0007). A row is written in
-- the same transaction as the change it stands for (arrival, move to trash, restore, delete
-- for ever), so the index can never miss a change the database committed; the indexer makes
-- the index match the entry as it is when it gets to the row (indexed if it exists, removed
-- if not) and deletes the row only after the Lucene commit.
--
-- Ids only, never text: no foreign key either, because the row of a deleted entry must
-- outlive the entry to get its index document removed.
CREATE TABLE search_index_queue (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    entry_id   BIGINT      NOT NULL,
    queued_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Which database the node's index was built from. The index directory records this id; an
-- index built from another database (a new one after the old was dropped, a data directory
-- copied to another installation) is rebuilt instead of answering with documents whose ids
-- mean other messages here.
CREATE TABLE search_index_source (database_id UUID NOT NULL);
INSERT INTO search_index_source (database_id) VALUES (gen_random_uuid());
