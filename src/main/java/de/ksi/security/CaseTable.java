// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Our case table, for the case a refusal names: the binding of cases to their root process
 * instance.
 */
record CaseTable(ObjectProvider<JdbcTemplate> jdbc) implements EngineCommands.Cases {
  @Override
  public Optional<String> ofRootInstance(String rootProcessInstanceId) {
    return jdbc
        .getObject()
        .queryForList(
            "SELECT reference FROM custody_case WHERE process_instance_id = ?",
            String.class,
            rootProcessInstanceId)
        .stream()
        .findFirst();
  }

  @Override
  public boolean exists(String reference) {
    return count("SELECT COUNT(*) FROM custody_case WHERE reference = ?", reference) > 0;
  }

  @Override
  public boolean unbound(String reference) {
    return count(
            "SELECT COUNT(*) FROM custody_case WHERE reference = ? AND process_instance_id IS NULL",
            reference)
        > 0;
  }

  private int count(String sql, String reference) {
    Integer count = jdbc.getObject().queryForObject(sql, Integer.class, reference);
    return count == null ? 0 : count;
  }
}
