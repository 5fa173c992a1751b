// SPDX-License-Identifier: EUPL-1.2
package de.ksi.notification;

import de.ksi.network.KsiUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's messages: those addressed to any of its groups, newest first. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  List<Notifications.Notification> mine(@AuthenticationPrincipal KsiUser user) {
    return notifications.forGroups(user.groups(), 100);
  }
}
