// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every H2 database the application opens reuses no query results, also on an operator's own URL; a
 * URL that turns the reuse on is refused with a message naming the setting. The race the reuse
 * opens is shown by CaseNumbersIT.
 */
class H2ResultReuseTest {

  private final H2ResultReuse reuse = new H2ResultReuse();

  @Test
  void anH2UrlOfTheApplicationOrOfAnOperatorGetsTheReuseTurnedOff() {
    assertThat(
            H2ResultReuse.withoutResultReuse(
                "jdbc:h2:file:./data/ksi;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256"))
        .isEqualTo(
            "jdbc:h2:file:./data/ksi;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256"
                + ";OPTIMIZE_REUSE_RESULTS=FALSE");
    assertThat(H2ResultReuse.withoutResultReuse("JDBC:H2:mem:x"))
        .isEqualTo("JDBC:H2:mem:x;OPTIMIZE_REUSE_RESULTS=FALSE");
  }

  @Test
  void aUrlThatAlreadyTurnsItOffAndOtherDatabasesStayAsTheyAre() {
    assertThat(H2ResultReuse.withoutResultReuse("jdbc:h2:mem:x;optimize_reuse_results=false"))
        .isEqualTo("jdbc:h2:mem:x;optimize_reuse_results=false");
    assertThat(H2ResultReuse.withoutResultReuse("jdbc:h2:mem:x;OPTIMIZE_REUSE_RESULTS=0"))
        .isEqualTo("jdbc:h2:mem:x;OPTIMIZE_REUSE_RESULTS=0");
    assertThat(H2ResultReuse.withoutResultReuse("jdbc:postgresql://localhost:5432/test"))
        .isEqualTo("jdbc:postgresql://localhost:5432/test");
  }

  @Test
  void aUrlThatTurnsTheReuseOnIsRefusedNamingTheSettingAndTheWayOut() {
    assertThatThrownBy(
            () -> H2ResultReuse.withoutResultReuse("jdbc:h2:mem:x;OPTIMIZE_REUSE_RESULTS=TRUE"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("KSI_DB_URL")
        .hasMessageContaining("OPTIMIZE_REUSE_RESULTS=TRUE")
        .hasMessageContaining("Remove the setting");
  }

  @Test
  void theConnectionPoolOpensTheDatabaseWithTheChangedUrl() throws Exception {
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl("jdbc:h2:mem:reuse-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      pool.setUsername("sa");
      assertThat(reuse.postProcessAfterInitialization(pool, "dataSource")).isSameAs(pool);
      try (Connection connection = pool.getConnection();
          ResultSet one = connection.createStatement().executeQuery("SELECT 1")) {
        assertThat(one.next()).isTrue();
      }
      assertThat(pool.getJdbcUrl()).endsWith(";OPTIMIZE_REUSE_RESULTS=FALSE");
    }
  }
}
