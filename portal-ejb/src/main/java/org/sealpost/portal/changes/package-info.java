/**
 * How a node learns that a table shared by every node has changed, so it may keep what it reads
 * from it in memory: PostgreSQL notifications sent by triggers when a writing transaction
 * commits (V19), one listening connection per node, and a slow safety poll that drops every
 * cached value in case a notification was lost (ADR 0023).
 */
package org.sealpost.portal.changes;
