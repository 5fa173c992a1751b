// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;

/**
 * The engine keeps a string variable in a {@code varchar(4000)} column of its runtime and history
 * tables; a longer one fails only when the transaction is flushed, as a database error (a 500, and
 * a job retried into an incident). This writes strings as the engine does but refuses a longer one
 * at once as a bad request naming the variable: a 400 for a client that sends it, a clear message
 * for our own code. Lists and long texts belong in our tables.
 */
@Component
class BoundedTextVariables extends AbstractProcessEnginePlugin {

  /**
   * The engine's column size for text values (ACT_RU_VARIABLE.TEXT_, ACT_HI_VARINST.TEXT_,
   * ACT_HI_DETAIL.TEXT_).
   */
  static final int MAX_TEXT = 4000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers =
        configuration.getCustomPreVariableSerializers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreVariableSerializers());
    serializers.add(new BoundedStringSerializer());
    configuration.setCustomPreVariableSerializers(serializers);
  }

  /**
   * The engine's string serializer (same name, read by the engine's own), refusing text the column
   * cannot hold.
   */
  static class BoundedStringSerializer extends StringValueSerializer {

    @Override
    public void writeValue(StringValue value, ValueFields fields) {
      String text = value.getValue();
      if (text != null && text.length() > MAX_TEXT) {
        throw new FormRejectedException(
            fields.getName(),
            "Bitte prüfen – "
                + fields.getName()
                + ": höchstens "
                + MAX_TEXT
                + " Zeichen, nicht "
                + text.length()
                + ".");
      }
      super.writeValue(value, fields);
    }
  }
}
