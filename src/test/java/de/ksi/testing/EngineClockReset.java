// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Puts the engine clock (and with it the registry's clock) back to real time after every test. */
public class EngineClockReset implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
  }
}
