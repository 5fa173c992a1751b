// SPDX-License-Identifier: EUPL-1.2
package de.ksi.enginetuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Run this first after upgrading Spring: what {@link WritesAtCommit} relies on in Spring's
 * transaction synchronization, on an in-memory database. A note is written before the commit,
 * inside the transaction and on its connection; a flush writes it at once; a rollback writes
 * nothing; an inner transaction ({@code REQUIRES_NEW}) neither sees nor writes the outer one's
 * notes. How the free count uses it: {@code PlacementInTransactionIT}, {@code
 * LastPlaceRacePostgresIT}.
 */
class TransactionUpgradeTest {

  private final DataSource database =
      new DriverManagerDataSource(
          "jdbc:h2:mem:transaction-upgrade-test;DB_CLOSE_DELAY=-1", "sa", "");
  private final JdbcTemplate jdbc = new JdbcTemplate(database);
  private final TransactionTemplate transaction =
      new TransactionTemplate(new DataSourceTransactionManager(database));

  /** The keys written, in order, and the connection each was written on. */
  private final List<Long> written = new ArrayList<>();

  private final List<Connection> writtenOn = new ArrayList<>();
  private final WritesAtCommit<Long, Integer> writes = new WritesAtCommit<>(Math::max, this::write);

  @BeforeEach
  void table() {
    jdbc.execute("DROP TABLE IF EXISTS counter");
    jdbc.execute("CREATE TABLE counter (id BIGINT PRIMARY KEY, n INT)");
    jdbc.update("INSERT INTO counter VALUES (1, 0), (2, 0), (3, 0)");
  }

  @Test
  void notesAreWrittenBeforeTheCommitOnTheTransactionsConnectionMergedAndInKeyOrder() {
    Connection own =
        transaction.execute(
            status -> {
              writes.note(3L, 7);
              writes.note(1L, 4);
              writes.note(1L, 9);
              writes.note(1L, 5);
              assertThat(value(1)).as("not written before the commit").isZero();
              return DataSourceUtils.getConnection(database);
            });

    assertThat(written).containsExactly(1L, 3L);
    assertThat(writtenOn).as("written in the transaction, on its connection").containsOnly(own);
    assertThat(value(1)).isEqualTo(9);
    assertThat(value(3)).isEqualTo(7);
  }

  @Test
  void aFlushWritesAtOnceSoTheTransactionReadsIt() {
    transaction.executeWithoutResult(
        status -> {
          writes.note(1L, 4);
          writes.note(2L, 6);
          writes.flush(1L);
          assertThat(value(1)).isEqualTo(4);
          assertThat(value(2)).isZero();
          writes.flushAll();
          assertThat(value(2)).isEqualTo(6);
        });

    assertThat(written).as("each written once").containsExactly(1L, 2L);
  }

  @Test
  void aRolledBackTransactionWritesNothing() {
    transaction.executeWithoutResult(
        status -> {
          writes.note(1L, 4);
          status.setRollbackOnly();
        });

    assertThat(written).isEmpty();
    assertThat(value(1)).isZero();
  }

  @Test
  void anInnerTransactionNeitherSeesNorWritesTheOuterOnesNotes() {
    TransactionTemplate inner = new TransactionTemplate(transaction.getTransactionManager());
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

    transaction.executeWithoutResult(
        status -> {
          writes.note(1L, 4);
          inner.executeWithoutResult(
              innerStatus -> {
                writes.flushAll();
                writes.note(2L, 6);
              });
          assertThat(written)
              .as("the inner transaction wrote its own note only")
              .containsExactly(2L);
          writes.flush(2L);
        });

    assertThat(written).containsExactly(2L, 1L);
    assertThat(value(1)).isEqualTo(4);
  }

  @Test
  void withoutATransactionANoteIsWrittenAtOnce() {
    writes.note(2L, 3);

    assertThat(value(2)).isEqualTo(3);
  }

  private void write(long id, int n) {
    written.add(id);
    writtenOn.add(DataSourceUtils.getConnection(database));
    jdbc.update("UPDATE counter SET n = ? WHERE id = ?", n, id);
  }

  private int value(long id) {
    return jdbc.queryForObject("SELECT n FROM counter WHERE id = ?", Integer.class, id);
  }
}
