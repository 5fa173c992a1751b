// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Refuses JSON text that no person types and that PostgreSQL cannot store: control characters other
 * than tab and line breaks (NUL above all) and unpaired UTF-16 surrogates. Right-to-left marks,
 * zero-width characters and emoji are text and pass; Bean Validation decides about them.
 */
@Component
class TextInputModule extends SimpleModule {

  TextInputModule() {
    super("ksi-text-input");
    addDeserializer(String.class, new CheckedText());
  }

  /** True if every character is printable text, tab or line break and every surrogate is paired. */
  static boolean acceptable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)
          || c < 0x20 && c != '\t' && c != '\n' && c != '\r'
          || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Jackson's own string reading, then the check. */
  static class CheckedText extends StdScalarDeserializer<String> {

    CheckedText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value != null && !acceptable(value)) {
        throw new InvalidText(parser);
      }
      return value;
    }
  }

  /** Text with characters that are not allowed; the problem handler names the field. */
  static class InvalidText extends JsonMappingException {
    InvalidText(JsonParser parser) {
      super(parser, "text contains control characters or unpaired surrogates");
    }
  }
}
