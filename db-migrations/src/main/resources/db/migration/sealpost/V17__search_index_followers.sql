-- Issue 15: every node's search index takes in every change (ADR 0017). Until now each node
-- deleted the queue rows it had handled, so with two nodes each index saw only part of the
-- mail. Now the rows stay until every live node has passed them, and each node keeps its own
-- position in the queue.
--
-- tx: the transaction that wrote the row (PostgreSQL's 64-bit xid, which never wraps round).
-- A node reads the queue in (tx, id) order and only below the horizon pg_snapshot_xmin(
-- pg_current_snapshot()): every transaction below it has ended, so no row can still appear
-- there. An id order alone could not tell a rolled-back id (a gap that never fills) from one
-- whose transaction has not committed yet (a gap that will).
ALTER TABLE search_index_queue ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX search_index_queue_position ON search_index_queue (tx, id);

-- One row per search index (a node's index directory records its index_id): how far into the
-- queue it has taken in every row, whether it is still being rebuilt from mailbox_entry, and
-- when it was last seen. A row not seen for sealpost.search.forget.after is deleted, so a
-- node gone for good stops holding the queue's rows; if it comes back, it rebuilds.
CREATE TABLE search_index_follower (
    index_id            UUID        PRIMARY KEY,
    node_name           TEXT        NOT NULL,
    -- Every queue row at or before (through_tx, through_id) is in this index.
    through_tx          xid8        NOT NULL,
    through_id          BIGINT      NOT NULL,
    -- While rebuilding: every mailbox entry up to this id is in the index. NULL: rebuilt.
    rebuilt_through_entry BIGINT,
    registered_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    seen_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
