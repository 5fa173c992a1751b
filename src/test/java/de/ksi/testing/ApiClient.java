// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Calls the running application over real HTTP, as an integrator would, with HTTP Basic
 * credentials.
 */
public final class ApiClient {

  /** The password of every demo user and of the users tests create. */
  public static final String PASSWORD = "demo";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  public ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  public Caller as(String user) {
    return new Caller(user, PASSWORD, null, Map.of());
  }

  public Caller as(String user, String password) {
    return new Caller(user, password, null, Map.of());
  }

  public Caller anonymous() {
    return new Caller(null, null, null, Map.of());
  }

  /** One caller: credentials (or none) and the language asked for. */
  public final class Caller {
    private final String user;
    private final String password;
    private final String language;
    private final Map<String, String> headers;

    private Caller(String user, String password, String language, Map<String, String> headers) {
      this.user = user;
      this.password = password;
      this.language = language;
      this.headers = headers;
    }

    /** The same caller asking for answers in German ({@code Accept-Language: de}). */
    public Caller inGerman() {
      return new Caller(user, password, "de", headers);
    }

    /** The same caller sending one more request header (e.g. {@code Idempotency-Key}). */
    public Caller with(String header, String value) {
      Map<String, String> more = new java.util.LinkedHashMap<>(headers);
      more.put(header, value);
      return new Caller(user, password, language, Map.copyOf(more));
    }

    public Reply get(String path) {
      return send("GET", path, null);
    }

    public Reply post(String path, String json) {
      return send("POST", path, json);
    }

    public Reply post(String path) {
      return send("POST", path, "");
    }

    public Reply put(String path, String json) {
      return send("PUT", path, json);
    }

    public Reply send(String method, String path, String json) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(60))
              .method(
                  method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      if (user != null) {
        String token =
            Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        request.header("Authorization", "Basic " + token);
      }
      if (language != null) {
        request.header("Accept-Language", language);
      }
      headers.forEach(request::header);
      try {
        var response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** An answer: status, headers and body. */
  public record Reply(int status, HttpHeaders headers, String body) {

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }

    /** Asserts the status and returns the JSON body. */
    public JsonNode expect(int expectedStatus) {
      assertThat(status).as("status of a reply with body %s", body).isEqualTo(expectedStatus);
      return json();
    }

    /** Asserts an RFC 9457 problem with the given status and returns it. */
    public JsonNode problem(int expectedStatus) {
      JsonNode problem = expect(expectedStatus);
      assertThat(contentType()).startsWith("application/problem+json");
      assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
      assertThat(problem.path("detail").asText()).isNotBlank();
      return problem;
    }
  }

  /** Quotes a value as a JSON string (for request bodies written by hand). */
  public static String quote(String value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
