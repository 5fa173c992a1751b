// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Which requests the webapps send on their own timer (not user activity), as observed in Tasklist
 * 7.24.
 */
class SessionGuardFilterTest {

  private static final String ENGINE = "/camunda/api/engine/engine/default";

  @Test
  void tasklistsTenSecondRefreshAndTheLagebildReloadAreNotActivity() {
    assertThat(SessionGuardFilter.polling(request("GET", ENGINE + "/task/count"))).isTrue();
    assertThat(SessionGuardFilter.polling(request("GET", ENGINE + "/task/8f1c2a"))).isTrue();
    assertThat(SessionGuardFilter.polling(request("GET", ENGINE + "/filter"))).isTrue();
    assertThat(SessionGuardFilter.polling(request("GET", ENGINE + "/filter/count"))).isTrue();
    assertThat(SessionGuardFilter.polling(request("POST", ENGINE + "/filter/4711/list"))).isTrue();
    assertThat(SessionGuardFilter.polling(request("GET", ENGINE + "/filter/4711/count"))).isTrue();
    assertThat(SessionGuardFilter.polling(request("GET", "/api/lagebild"))).isTrue();
  }

  @Test
  void openingATaskItsFormOrAnyChangeIsActivity() {
    assertThat(SessionGuardFilter.polling(request("GET", ENGINE + "/task/8f1c2a/form"))).isFalse();
    assertThat(SessionGuardFilter.polling(request("GET", ENGINE + "/task/8f1c2a/form-variables")))
        .isFalse();
    assertThat(SessionGuardFilter.polling(request("POST", ENGINE + "/task/8f1c2a/submit-form")))
        .isFalse();
    assertThat(SessionGuardFilter.polling(request("POST", ENGINE + "/task/8f1c2a/claim")))
        .isFalse();
    assertThat(SessionGuardFilter.polling(request("PUT", ENGINE + "/filter/4711"))).isFalse();
    assertThat(SessionGuardFilter.polling(request("GET", ENGINE + "/process-definition")))
        .isFalse();
    assertThat(SessionGuardFilter.polling(request("GET", "/camunda/app/tasklist/default/")))
        .isFalse();
    assertThat(SessionGuardFilter.polling(request("GET", "/api/cases/SEG-2026-0042"))).isFalse();
  }

  private static MockHttpServletRequest request(String method, String path) {
    return new MockHttpServletRequest(method, path);
  }
}
