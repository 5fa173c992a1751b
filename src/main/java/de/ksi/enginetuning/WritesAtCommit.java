// SPDX-License-Identifier: EUPL-1.2
package de.ksi.enginetuning;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that lock a hot row, held back to the commit of the transaction that notes them, so the
 * row lock lasts for the commit only and not for all the work the transaction does after the note.
 * A read in the same transaction that must see a write flushes it first ({@link #flush}, {@link
 * #flushAll}). Values noted for one key in one transaction are merged into one write; at commit the
 * keys are written in their natural order, the order in which all commits lock the rows. Without a
 * transaction a note is written at once. Relies on Spring's transaction synchronization ({@code
 * beforeCommit} runs inside the transaction, on its connection); {@code TransactionUpgradeTest}
 * fails when an upgrade changes that.
 *
 * @param <K> what identifies the row written
 * @param <V> what is written to it
 */
public final class WritesAtCommit<K extends Comparable<K>, V> {

  private final BinaryOperator<V> merge;
  private final BiConsumer<K, V> write;

  /**
   * Writes with {@code write}; two values noted for one key in one transaction become {@code
   * merge(old, new)}.
   */
  public WritesAtCommit(BinaryOperator<V> merge, BiConsumer<K, V> write) {
    this.merge = merge;
    this.write = write;
  }

  /** Notes a write: at the commit of the running transaction, or at once without one. */
  public void note(K key, V value) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write.accept(key, value);
      return;
    }
    Map<K, V> pending = pending();
    if (pending == null) {
      pending = new TreeMap<>();
      TransactionSynchronizationManager.bindResource(this, pending);
      TransactionSynchronizationManager.registerSynchronization(new AtCommit(pending));
    }
    pending.merge(key, value, merge);
  }

  /** Writes now what this transaction noted for the key, if anything. */
  public void flush(K key) {
    Map<K, V> pending = pending();
    V value = pending == null ? null : pending.remove(key);
    if (value != null) {
      write.accept(key, value);
    }
  }

  /** Writes now everything this transaction noted, in key order. */
  public void flushAll() {
    Map<K, V> pending = pending();
    if (pending != null) {
      List.copyOf(pending.keySet()).forEach(this::flush);
    }
  }

  /** What this transaction noted and has yet to write; null if it noted nothing. */
  @SuppressWarnings("unchecked")
  private Map<K, V> pending() {
    return (Map<K, V>) TransactionSynchronizationManager.getResource(this);
  }

  /**
   * Writes the rest before the commit; the notes belong to their transaction only, also while an
   * inner one runs.
   */
  private final class AtCommit implements TransactionSynchronization {

    private final Map<K, V> pending;

    AtCommit(Map<K, V> pending) {
      this.pending = pending;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      flushAll();
    }

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResourceIfPossible(WritesAtCommit.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(WritesAtCommit.this, pending);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(WritesAtCommit.this);
    }
  }
}
