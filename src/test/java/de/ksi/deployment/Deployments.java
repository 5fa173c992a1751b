// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Deploys files over {@code POST /engine-rest/deployment/create} as the Camunda Modeler does
 * (multipart form).
 */
final class Deployments {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final int port;
  private final String engine;

  Deployments(int port, String engine) {
    this.port = port;
    this.engine = engine;
  }

  /** The answer: status and JSON body. */
  record Answer(int status, JsonNode body, String text) {}

  Answer deploy(String user, String name, Map<String, String> files) {
    String boundary = "----ksi" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "deployment-name", null, name);
    part(body, boundary, "deployment-source", null, "Camunda Modeler");
    files.forEach((file, content) -> part(body, boundary, file, file, content));
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + "/engine-rest/engine/"
                        + engine
                        + "/deployment/create"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
      return new Answer(response.statusCode(), json, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void part(
      ByteArrayOutputStream body, String boundary, String name, String file, String content) {
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\""
            + (file == null ? "" : "; filename=\"" + file + "\"")
            + "\r\n"
            + (file == null ? "" : "Content-Type: application/octet-stream\r\n")
            + "\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  /** A process model with the given key around the given elements. */
  static String process(String key, String elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_%1$s" targetNamespace="http://ksi.de/it">
          %3$s
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P180D">
            %2$s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(
            key,
            elements,
            elements.contains("Message_Start")
                ? "<bpmn:message id=\"Message_Start\" name=\"start\"/>"
                : "");
  }

  static String shipped(String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
