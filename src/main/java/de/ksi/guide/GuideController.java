// SPDX-License-Identifier: EUPL-1.2
package de.ksi.guide;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages a newcomer finds without logging in: the start page at {@code /}, the user guide under
 * {@code /handbuch/} with its screenshots, and the readable API reference at {@code /api-doku}.
 * They hold documentation only, no case or person.
 */
@RestController
class GuideController {

  private static final Pattern PICTURE = Pattern.compile("[a-z0-9-]{1,60}\\.png");

  /** Only our own styles and pictures; no script at all. */
  private static final String POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final MarkdownPages pages = new MarkdownPages();
  private final String startPage = Layout.page("Startseite", classpathText("guide/start.html"));

  @GetMapping("/")
  ResponseEntity<String> start() {
    return html(startPage);
  }

  @GetMapping("/handbuch")
  ResponseEntity<Void> guideWithoutSlash() {
    return ResponseEntity.status(301).header(HttpHeaders.LOCATION, "/handbuch/").build();
  }

  @GetMapping("/handbuch/")
  ResponseEntity<String> guide() {
    return chapter("index");
  }

  @GetMapping("/handbuch/{name}")
  ResponseEntity<String> chapter(@PathVariable String name) {
    return pages
        .guidePage(name)
        .map(GuideController::html)
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @GetMapping("/handbuch/bilder/{file}")
  ResponseEntity<byte[]> picture(@PathVariable String file) {
    ClassPathResource picture = new ClassPathResource("docs/handbuch/bilder/" + file);
    if (!PICTURE.matcher(file).matches() || !picture.exists()) {
      return ResponseEntity.notFound().build();
    }
    try (InputStream in = picture.getInputStream()) {
      return ResponseEntity.ok()
          .contentType(MediaType.IMAGE_PNG)
          .header("X-Content-Type-Options", "nosniff")
          .cacheControl(CacheControl.noCache())
          .body(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping("/api-doku")
  ResponseEntity<String> apiReference() {
    return html(pages.apiPage());
  }

  private static ResponseEntity<String> html(String page) {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .cacheControl(CacheControl.noCache())
        .body(page);
  }

  private static String classpathText(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
