/**
 * Load drivers and reliability checks run against a real {@code ./sealpost run}: never part
 * of the test suite (a speed target is measured, not asserted), never shipped in the WAR.
 * {@code ./sealpost bench ...} and {@code scripts/} call them; docs/BENCHMARKS.md records
 * what they printed.
 */
package org.sealpost.bench;
