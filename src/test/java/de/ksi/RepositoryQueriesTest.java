// SPDX-License-Identifier: EUPL-1.2
package de.ksi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Our repositories' queries are SQL: Spring Data parses every JPQL {@code @Query} at each start
 * with two ANTLR grammars, its own and Hibernate's, which cold took about two seconds of our start
 * for 18 queries (docs/benchmark-notes.md, "the start without JPQL").
 */
class RepositoryQueriesTest {

  @Test
  void everyQueryOfOurRepositoriesIsSql() throws ClassNotFoundException {
    var scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(
              org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
            return definition.getMetadata().isInterface();
          }
        };
    scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));
    List<String> repositories = new ArrayList<>();
    List<String> jpql = new ArrayList<>();
    for (var candidate : scanner.findCandidateComponents("de.ksi")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      repositories.add(type.getSimpleName());
      for (Method method : type.getDeclaredMethods()) {
        Query query = method.getAnnotation(Query.class);
        if (query != null && !query.nativeQuery()) {
          jpql.add(type.getSimpleName() + "." + method.getName() + ": " + query.value());
        }
      }
    }

    assertThat(repositories).contains("Cases", "Holds", "Offers", "Placements", "Providers");
    assertThat(jpql).as("JPQL queries, parsed at every start").isEmpty();
  }
}
