// SPDX-License-Identifier: EUPL-1.2
package de.ksi.guide;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the Markdown of {@code docs/} (packed into the jar) as German HTML pages in the network's
 * layout; links between chapters ({@code faelle.md}) become links between pages, {@code ../api.md}
 * the API page.
 */
final class MarkdownPages {

  private static final Pattern PAGE_NAME = Pattern.compile("[a-z0-9-]{1,40}");

  private final Parser parser;
  private final HtmlRenderer renderer;

  MarkdownPages() {
    var extensions = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    parser = Parser.builder().extensions(extensions).build();
    renderer =
        HtmlRenderer.builder()
            .extensions(extensions)
            // the guide is ours, but no raw HTML from Markdown reaches the page
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(
                context ->
                    (node, tag, attributes) -> {
                      String href = attributes.get("href");
                      if (href != null) {
                        attributes.put("href", pageLink(href));
                      }
                    })
            .build();
  }

  /** The page of {@code docs/handbuch/{name}.md}, or empty for an unknown name. */
  Optional<String> guidePage(String name) {
    if (!PAGE_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return read("docs/handbuch/" + name + ".md").map(this::page);
  }

  /** The API reference {@code docs/api.md}. */
  String apiPage() {
    return page(read("docs/api.md").orElseThrow());
  }

  private String page(String markdown) {
    Node document = parser.parse(markdown);
    String title = firstHeading(document);
    return Layout.page(title, renderer.render(document));
  }

  static String pageLink(String href) {
    int hash = href.indexOf('#');
    String path = hash < 0 ? href : href.substring(0, hash);
    String fragment = hash < 0 ? "" : href.substring(hash);
    if (path.equals("../api.md")) {
      return "/api-doku" + fragment;
    }
    if (!path.contains("/") && path.endsWith(".md")) {
      String name = path.substring(0, path.length() - 3);
      return ("index".equals(name) ? "./" : name) + fragment;
    }
    return href;
  }

  private static String firstHeading(Node document) {
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading && heading.getFirstChild() instanceof Text text) {
        return HtmlUtils.htmlEscape(text.getLiteral());
      }
    }
    return "Handbuch";
  }

  private static Optional<String> read(String path) {
    ClassPathResource resource = new ClassPathResource(path);
    if (!resource.exists()) {
      return Optional.empty();
    }
    try (InputStream in = resource.getInputStream()) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
