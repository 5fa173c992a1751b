// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.security.FieldCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway V26: personal values encrypted before they were bound to their case ({@code v1:}) are
 * encrypted again bound to case reference and column ({@code v2:}), so that a ciphertext copied to
 * another case or column no longer decrypts. Row by row, with the configured key.
 */
@Component
class V26__BindPersonalDataToCase extends BaseJavaMigration {

  static final String[] COLUMNS = {
    "first_name", "last_name", "birth_date", "current_location", "narrative"
  };

  private final FieldCipher cipher;

  V26__BindPersonalDataToCase(FieldCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  @SuppressWarnings("deprecation") // the one reader of unbound values
  public void migrate(Context context) throws Exception {
    Connection db = context.getConnection();
    try (PreparedStatement select =
            db.prepareStatement(
                "SELECT id, reference, " + String.join(", ", COLUMNS) + " FROM custody_case");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        for (String column : COLUMNS) {
          String stored = rows.getString(column);
          if (stored != null && stored.startsWith("v1:")) {
            String place = CustodyCase.place(rows.getString("reference"), column);
            try (PreparedStatement update =
                db.prepareStatement("UPDATE custody_case SET " + column + " = ? WHERE id = ?")) {
              update.setString(1, cipher.encrypt(cipher.decryptUnbound(stored), place));
              update.setLong(2, rows.getLong("id"));
              update.executeUpdate();
            }
          }
        }
      }
    }
  }
}
