package perfdesk;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.*;
import io.gatling.javaapi.http.*;
import java.time.Duration;

/**
 * A small loopback load test for Perfdesk's Gatling samples: sample-data/bench/locust/server.py on 127.0.0.1:18091.
 * "Browse" opens the home page and an item in the group "pages" (the item in its nested group "api"), then asks for
 * a missing page that a check marks KO; "Poll" reads the home page five times.
 */
public class PerfdeskSimulation extends Simulation {
  HttpProtocolBuilder httpProtocol = http.baseUrl("http://127.0.0.1:18091");

  ScenarioBuilder browse = scenario("Browse")
      .group("pages").on(
          exec(http("home").get("/"))
          .pause(Duration.ofMillis(30))
          .group("api").on(exec(http("item").get("/api/items?id=7"))))
      .exec(http("missing").get("/missing").check(status().is(200)));

  ScenarioBuilder poll = scenario("Poll")
      .repeat(5).on(exec(http("home").get("/")).pause(Duration.ofMillis(20)));

  {
    setUp(
        browse.injectOpen(constantUsersPerSec(10).during(Duration.ofSeconds(8))),
        poll.injectOpen(rampUsers(20).during(Duration.ofSeconds(5))))
      .protocols(httpProtocol)
      .assertions(global().responseTime().percentile(95.0).lt(500),
          global().successfulRequests().percent().gt(50.0));
  }
}
