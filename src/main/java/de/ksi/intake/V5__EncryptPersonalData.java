// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.security.FieldCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway V5: the child's personal columns become encrypted text (wide enough for IV, tag and base64
 * of the longest allowed value) and rows written before are encrypted in place; they may be erased
 * after the retention period. A Java migration because it needs the data key; Spring Boot hands
 * Flyway every such bean.
 */
@Component
class V5__EncryptPersonalData extends BaseJavaMigration {

  private final FieldCipher cipher;

  V5__EncryptPersonalData(FieldCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection db = context.getConnection();
    try (Statement ddl = db.createStatement()) {
      ddl.execute("ALTER TABLE custody_case ALTER COLUMN first_name SET DATA TYPE VARCHAR(1200)");
      ddl.execute("ALTER TABLE custody_case ALTER COLUMN last_name SET DATA TYPE VARCHAR(1200)");
      ddl.execute(
          "ALTER TABLE custody_case ALTER COLUMN current_location SET DATA TYPE VARCHAR(2800)");
      ddl.execute("ALTER TABLE custody_case ALTER COLUMN narrative SET DATA TYPE VARCHAR(21600)");
      ddl.execute("ALTER TABLE custody_case ALTER COLUMN current_location DROP NOT NULL");
      ddl.execute("ALTER TABLE custody_case ADD COLUMN birth_date_encrypted VARCHAR(100)");
      // set when the retention cleanup erased the personal columns
      ddl.execute(
          "ALTER TABLE custody_case ADD COLUMN personal_data_erased_at TIMESTAMP WITH TIME ZONE");
    }
    try (Statement select = db.createStatement();
        ResultSet rows =
            select.executeQuery(
                "SELECT id, first_name, last_name, birth_date, current_location, narrative FROM custody_case");
        PreparedStatement update =
            db.prepareStatement(
                "UPDATE custody_case SET first_name = ?, last_name = ?,"
                    + " birth_date_encrypted = ?, current_location = ?, narrative = ? WHERE id = ?")) {
      while (rows.next()) {
        update.setString(1, cipher.encrypt(rows.getString("first_name")));
        update.setString(2, cipher.encrypt(rows.getString("last_name")));
        java.sql.Date birth = rows.getDate("birth_date");
        update.setString(3, birth == null ? null : cipher.encrypt(birth.toLocalDate().toString()));
        update.setString(4, cipher.encrypt(rows.getString("current_location")));
        update.setString(5, cipher.encrypt(rows.getString("narrative")));
        update.setLong(6, rows.getLong("id"));
        update.executeUpdate();
      }
    }
    try (Statement ddl = db.createStatement()) {
      ddl.execute("ALTER TABLE custody_case DROP COLUMN birth_date");
      ddl.execute("ALTER TABLE custody_case RENAME COLUMN birth_date_encrypted TO birth_date");
    }
  }
}
