package io.tally.devstack;

/** The ports of a local suite: the four services, the two servers and the local sign-in. */
public record SuitePorts(int gateway, int campaign, int attribution, int connectors, int postgres, int kafka,
        int signIn) {

    /**
     * The documented local ports: services on 8080–8083, PostgreSQL on 15432, Kafka on 19092, the local sign-in on
     * 8079.
     */
    public static SuitePorts defaults() {
        return new SuitePorts(8080, 8081, 8082, 8083, 15432, 19092, 8079);
    }

    /** Free ports, for a suite started by tests next to a developer's running one. */
    public static SuitePorts random() {
        return new SuitePorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free());
    }
}
