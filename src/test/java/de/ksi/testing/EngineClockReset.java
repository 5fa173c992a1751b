// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import de.ksi.statistics.SyntheticYearWriting;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Puts the engine clock (and with it the registry's clock) back to real time after every test;
 * before every test it waits until the synthetic demo year, written beside the start, is written,
 * so that no test moves the clock under it or sees its rows arrive halfway.
 */
public class EngineClockReset implements BeforeEachCallback, AfterEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    SpringExtension.getApplicationContext(context)
        .getBeanProvider(SyntheticYearWriting.class)
        .ifAvailable(SyntheticYearWriting::awaitWritten);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
  }
}
