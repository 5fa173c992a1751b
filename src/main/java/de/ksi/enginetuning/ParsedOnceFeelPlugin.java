// SPDX-License-Identifier: EUPL-1.2
package de.ksi.enginetuning;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;
import org.springframework.stereotype.Component;

/**
 * Decision tables are evaluated with {@link ParsedOnceFeelEngine}: Camunda's FEEL, each expression
 * parsed once.
 */
@Component
class ParsedOnceFeelPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn =
        configuration.getDmnEngineConfiguration() != null
            ? configuration.getDmnEngineConfiguration()
            : (DefaultDmnEngineConfiguration)
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(new Factory());
    configuration.setDmnEngineConfiguration(dmn);
  }

  /**
   * Camunda's FEEL integration (value mapping, custom functions) around the engine that parses
   * once.
   */
  static final class Factory implements FeelEngineFactory {
    @Override
    public FeelEngine createInstance() {
      return new ScalaFeelEngine(List.of()) {
        @Override
        protected org.camunda.feel.FeelEngine buildFeelEngine(
            CustomFunctionTransformer functions, CompositeValueMapper values) {
          return new ParsedOnceFeelEngine(functions, values);
        }
      };
    }
  }
}
