// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a demo start (after the demo providers exist) the synthetic year is written, once per
 * database.
 */
@Component
@ConditionalOnExpression("${ksi.demo.enabled:false} and ${ksi.demo.synthetic-year:false}")
class SyntheticYearOnStart {

  private final SyntheticYear syntheticYear;

  SyntheticYearOnStart(SyntheticYear syntheticYear) {
    this.syntheticYear = syntheticYear;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  public void generate() {
    syntheticYear.generateOnce();
  }
}
