// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

/**
 * The only Spring beans expressions can name: our own delegates and listeners (beans of the
 * delegate interfaces whose class is in de.ksi) and our tables' answers to the models ({@code
 * caseFacts}, {@code searchFacts}: {@link ExpressionGrammar#FACTS}, which names their methods one
 * by one). Handed to the engine as its expression bean map, so that {@code ${identityService}} or
 * any other bean does not resolve even in a model that got past the deployment policy.
 */
final class DelegateBeans extends AbstractMap<Object, Object> {

  private static final Class<?>[] DELEGATE_TYPES = {
    JavaDelegate.class, ExecutionListener.class, TaskListener.class, DelegateVariableMapping.class
  };

  private final ApplicationContext context;
  private volatile Set<String> names;

  DelegateBeans(ApplicationContext context) {
    this.context = context;
  }

  /** The bean names, read once from the application context's definitions. */
  Set<String> names() {
    Set<String> known = names;
    if (known == null) {
      known =
          Arrays.stream(DELEGATE_TYPES)
              .flatMap(type -> Stream.of(context.getBeanNamesForType(type, false, false)))
              .filter(
                  name -> {
                    Class<?> type = context.getType(name, false);
                    return type != null && type.getName().startsWith("de.ksi.");
                  })
              .collect(Collectors.toCollection(TreeSet::new));
      names = Set.copyOf(known);
    }
    return known;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name
        && (names().contains(name) || ExpressionGrammar.FACTS.containsKey(name));
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? context.getBean((String) key) : null;
  }

  @Override
  public Set<Map.Entry<Object, Object>> entrySet() {
    return Stream.concat(names().stream(), ExpressionGrammar.FACTS.keySet().stream())
        .map(name -> Map.entry((Object) name, context.getBean(name)))
        .collect(Collectors.toUnmodifiableSet());
  }
}
