// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context every H2 integration test shares (Spring caches it, so keep this the only
 * configuration): the whole application on a random port, an in-memory H2 database of its own, demo
 * users and providers, no job executor, metrics exported as in production (/actuator/prometheus),
 * and the engine clock reset after every test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(EngineClockReset.class)
@Import(Fixtures.class)
@AutoConfigureObservability
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:ksi-it-${random.uuid};DB_CLOSE_DELAY=-1",
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.job-execution.enabled=false",
      "ksi.demo.enabled=true"
    })
public @interface KsiIntegrationTest {}
