// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A login form read once to learn the user name and handed on unread: Camunda's login resource
 * reads the body itself (reading it with {@code getParameter} would make Jersey warn on every
 * login).
 */
final class ReplayableForm extends HttpServletRequestWrapper {

  /** The webapps' login form is a few hundred bytes; anything longer is not read for the name. */
  private static final int MAX_BYTES = 16 * 1024;

  private final byte[] body;

  ReplayableForm(HttpServletRequest request) throws IOException {
    super(request);
    this.body = request.getInputStream().readNBytes(MAX_BYTES + 1);
  }

  /** The form field's value, or null (also for a body too long to be a login). */
  String field(String name) {
    if (body.length > MAX_BYTES) {
      return null;
    }
    for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (key.equals(name)) {
        try {
          return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
          return null;
        }
      }
    }
    return null;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    ServletInputStream rest = super.getInputStream();
    ByteArrayInputStream read = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() throws IOException {
        int b = read.read();
        return b >= 0 ? b : rest.read();
      }

      @Override
      public boolean isFinished() {
        return read.available() == 0 && rest.isFinished();
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("blocking reads only");
      }
    };
  }

  @Override
  public BufferedReader getReader() throws IOException {
    String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
    return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
  }
}
