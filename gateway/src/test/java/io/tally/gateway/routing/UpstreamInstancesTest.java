package io.tally.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class UpstreamInstancesTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final UpstreamInstances instances = new UpstreamInstances(Upstream.CONNECTORS,
            List.of(URI.create("http://a:8083"), URI.create("http://b:8083"), URI.create("http://c:8083")),
            Duration.ofSeconds(5), clock::get);

    @Test
    void eachRequestStartsAtTheNextInstanceInTurn() {
        assertThat(hosts(instances.order())).containsExactly("a", "b", "c");
        assertThat(hosts(instances.order())).containsExactly("b", "c", "a");
        assertThat(hosts(instances.order())).containsExactly("c", "a", "b");
        assertThat(hosts(instances.order())).containsExactly("a", "b", "c");
    }

    @Test
    void anInstanceThatRefusedIsTriedLastUntilItsTimeOutIsOver() {
        instances.refused(instances.targets().get(0));

        assertThat(instances.inRotation(instances.targets().get(0))).isFalse();
        assertThat(hosts(instances.order())).containsExactly("b", "c", "a");
        assertThat(hosts(instances.order())).containsExactly("b", "c", "a");
        assertThat(hosts(instances.order())).containsExactly("c", "b", "a");

        clock.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertThat(instances.inRotation(instances.targets().get(0))).isFalse();
        clock.addAndGet(1);
        assertThat(instances.inRotation(instances.targets().get(0))).isTrue();
        assertThat(hosts(instances.order())).containsExactly("a", "b", "c");
    }

    @Test
    void anInstanceThatAcceptsAConnectionIsBackAtOnce() {
        UpstreamTarget a = instances.targets().get(0);
        instances.refused(a);
        instances.connected(a);

        assertThat(instances.inRotation(a)).isTrue();
        assertThat(hosts(instances.order())).containsExactly("a", "b", "c");
    }

    @Test
    void whenEveryInstanceRefusedAllAreStillTriedTheOneBackSoonestFirst() {
        instances.refused(instances.targets().get(1));
        clock.addAndGet(1_000);
        instances.refused(instances.targets().get(2));
        clock.addAndGet(1_000);
        instances.refused(instances.targets().get(0));

        assertThat(hosts(instances.order())).containsExactly("b", "c", "a");
    }

    @Test
    void oneInstanceIsAlwaysTheOneTried() {
        UpstreamInstances single = new UpstreamInstances(Upstream.CAMPAIGN, List.of(URI.create("http://x:8081")),
                Duration.ofSeconds(5), clock::get);
        single.refused(single.targets().get(0));

        assertThat(hosts(single.order())).containsExactly("x");
        assertThat(hosts(single.order())).containsExactly("x");
    }

    @Test
    void needsAtLeastOneBaseUrlAndParsesEach() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UpstreamInstances(Upstream.CAMPAIGN, List.of(), Duration.ZERO, clock::get))
                .withMessageContaining("tally.gateway.upstreams.campaign");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UpstreamInstances(Upstream.CAMPAIGN,
                        List.of(URI.create("http://x:8081"), URI.create("x:8081")), Duration.ZERO, clock::get));
        assertThat(instances.targets()).extracting(UpstreamTarget::port).containsExactly(8083, 8083, 8083);
    }

    private static List<String> hosts(List<UpstreamTarget> targets) {
        return targets.stream().map(UpstreamTarget::host).toList();
    }
}
