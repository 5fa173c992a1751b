// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import de.ksi.network.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit without the engine's edit tools for everyone but administrators: the page Cockpit starts
 * from gets Camunda's plugin exclusion ({@code cam-exclude-plugins} on its {@code <base>}) for the
 * actions that cancel, suspend, retry or change instances, jobs and definitions, and a style sheet
 * that hides the edit and delete buttons of the variables table (which is not a plugin of its own)
 * and the job, identity link and assignee edits of the tabs. Process owners keep the deletion of
 * deployments, which their grants allow. EngineGuard refuses the other writes anyway; this keeps
 * the buttons from being offered. A page loaded before login is built read-only; {@code
 * scripts/ksi-session.js} reloads it once when somebody with more tools logs in.
 */
class CockpitToolsFilter extends OncePerRequestFilter {

  /** Plugin points (all their plugins) and single plugins a read-only Cockpit leaves out. */
  static final String EXCLUDED_PLUGINS =
      String.join(
          ",",
          "cockpit.processInstance.runtime.action",
          "cockpit.processDefinition.runtime.action",
          "cockpit.jobDefinition.action",
          "cockpit.incident.action",
          "cockpit.navigation:batch");

  /**
   * What a read-only Cockpit leaves out besides: deleting deployments, which only process owners
   * may.
   */
  static final String EXCLUDED_WITHOUT_DEPLOYMENT =
      EXCLUDED_PLUGINS + ",cockpit.repository.deployment.action:delete-deployment";

  /**
   * Which engine tools a login gets in Cockpit (the page says it in its {@code ksi-tools}
   * attribute).
   */
  enum Tools {
    /** Administrators: Camunda's Cockpit unchanged. */
    ALL,
    /** Process owners: read-only, but they may delete deployments. */
    DEPLOY,
    /** Everyone else, and the page before login. */
    READ_ONLY
  }

  /** Cockpit's start page: {@code …/app/cockpit/{engine}/} or its {@code index.html}. */
  private static final Pattern START_PAGE =
      Pattern.compile(".*/app/cockpit/[\\w-]+/(index\\.html)?");

  private static final Pattern BASE = Pattern.compile("app-name=\"cockpit\"");
  private static final Pattern USER_STYLES =
      Pattern.compile("<link[^>]*href=\"([^\"]*)/app/cockpit/styles/user-styles\\.css[^\"]*\">");

  private final ProcessEngine engine;

  CockpitToolsFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod())
        || !START_PAGE.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Tools tools = tools(request.getSession(false));
    if (tools == Tools.ALL) {
      chain.doFilter(request, response);
      return;
    }
    CapturedPage page = new CapturedPage(response);
    chain.doFilter(request, page);
    String html = page.text();
    if (html == null) {
      return;
    }
    byte[] body = readOnly(html, tools).getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/html;charset=UTF-8");
    // built for this login: no shared cache may hand it to somebody else
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * The start page with the edit tools left out; unchanged if Camunda's page no longer looks as
   * expected.
   */
  static String readOnly(String html, Tools tools) {
    String excluded = tools == Tools.DEPLOY ? EXCLUDED_PLUGINS : EXCLUDED_WITHOUT_DEPLOYMENT;
    String page =
        BASE.matcher(html)
            .replaceFirst(
                "app-name=\"cockpit\" cam-exclude-plugins=\""
                    + excluded
                    + "\" ksi-tools=\""
                    + tools.name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + "\"");
    Matcher styles = USER_STYLES.matcher(page);
    if (styles.find()) {
      String link =
          "<link rel=\"stylesheet\" type=\"text/css\" href=\""
              + styles.group(1)
              + "/app/cockpit/styles/ksi-read-only.css\">";
      page = page.substring(0, styles.end()) + link + page.substring(styles.end());
    }
    return page;
  }

  private Tools tools(HttpSession session) {
    Authentications logins =
        session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (logins != null
        && logins.getAuthenticationForProcessEngine(engine.getName())
            instanceof UserAuthentication user
        && user.getGroupIds() != null) {
      if (user.getGroupIds().contains(Groups.ADMINS)) {
        return Tools.ALL;
      }
      if (user.getGroupIds().contains(Groups.PROCESS_OWNERS)) {
        return Tools.DEPLOY;
      }
    }
    return Tools.READ_ONLY;
  }

  /** Holds what Camunda writes as text, so that the page can be changed before it is sent. */
  private static final class CapturedPage extends HttpServletResponseWrapper {

    private final CharArrayWriter buffer = new CharArrayWriter();
    private PrintWriter writer;

    CapturedPage(HttpServletResponse response) {
      super(response);
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer = new PrintWriter(buffer);
      }
      return writer;
    }

    @Override
    public void setContentLength(int length) {
      // the page grows: the length is set when it is sent
    }

    @Override
    public void setContentLengthLong(long length) {
      // as above
    }

    /** The text written, or null if the page was not written as text (a redirect, a resource). */
    String text() {
      if (writer == null) {
        return null;
      }
      writer.flush();
      return buffer.toString();
    }
  }
}
