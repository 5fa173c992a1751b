// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import de.ksi.testing.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The multipart bodies of the engine REST API's upload operations (binary variables, attachments,
 * deployments), so a matrix sends them as a client would and the guard, not the media type,
 * answers.
 */
record Multipart(Map<String, String> fields, String fileField, String fileName, String file) {

  private static final String BOUNDARY = "ksi-matrix-boundary";

  /** A small executable model: a start event and an end event, nothing that runs code. */
  static final String HARMLESS_MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Matrix" targetNamespace="http://ksi.de/it">
        <bpmn:process id="it-matrix-process" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="StartEvent_Matrix" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  static Multipart forPath(String path) {
    if (path.startsWith("/deployment/")) {
      return new Multipart(
          Map.of("deployment-name", "it-matrix", "deployment-source", "it"),
          "matrix.bpmn",
          "matrix.bpmn",
          HARMLESS_MODEL);
    }
    if (path.contains("/attachment/")) {
      return new Multipart(
          Map.of("attachment-name", "Anlage", "attachment-type", "text/plain"),
          "content",
          "anlage.txt",
          "Anlage");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("valueType", "Bytes");
    return new Multipart(fields, "data", "data.bin", "PINNEBERG");
  }

  ApiClient.Reply send(int port, String user, String path) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append("--")
                .append(BOUNDARY)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    body.append("--")
        .append(BOUNDARY)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"")
        .append(fileField)
        .append("\"; filename=\"")
        .append(fileName)
        .append("\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n")
        .append(file)
        .append("\r\n")
        .append("--")
        .append(BOUNDARY)
        .append("--\r\n");
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    try {
      var response =
          HttpClient.newHttpClient().send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new ApiClient.Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
