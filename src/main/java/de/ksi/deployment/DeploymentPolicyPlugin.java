// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Puts the deployment policy into the engine: the policy as the first deployer, the guard as a
 * command interceptor inside the command context, and the expression bean map limited to our
 * delegates.
 */
@Component
class DeploymentPolicyPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;
  private final DelegateBeans delegates;
  private final DeploymentPolicyProperties properties;

  DeploymentPolicyPlugin(ApplicationContext context, DeploymentPolicyProperties properties) {
    this.context = context;
    this.delegates = new DelegateBeans(context);
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = new ArrayList<>();
    deployers.add(
        new DeploymentPolicy(
            delegates::names,
            Set.copyOf(properties.allowedStartEvents()),
            () -> dmnRules(configuration.getDmnEngineConfiguration())));
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(deployers);

    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    interceptors.add(new DeploymentGuard(configuration));
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);

    // the factory bean has already built a SpringExpressionManager over the whole application
    // context (it reads
    // the bean map before the plugins run): replace it by one over our delegates only
    configuration.setBeans(delegates);
    configuration.setExpressionManager(new SpringExpressionManager(context, delegates));
  }

  private static DmnRules dmnRules(DefaultDmnEngineConfiguration dmn) {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("inputExpression", dmn.getDefaultInputExpressionExpressionLanguage());
    defaults.put("inputEntry", dmn.getDefaultInputEntryExpressionLanguage());
    defaults.put("outputEntry", dmn.getDefaultOutputEntryExpressionLanguage());
    defaults.put("defaultOutputEntry", dmn.getDefaultOutputEntryExpressionLanguage());
    defaults.put("literalExpression", dmn.getDefaultLiteralExpressionLanguage());
    return new DmnRules(defaults);
  }
}
