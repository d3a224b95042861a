package io.passerine.testing;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.passerine.internal.cluster.Sealer;
import io.passerine.internal.cluster.SharedCache;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * Two embedded Hazelcast members in this JVM forming one cluster (TCP on loopback, no multicast): "node A" and
 * "node B". Started once per test JVM, shut down at its exit. Each node's caches come from its own member.
 */
public final class HazelcastPair {

    /** The keys every node of the pair seals with (the same passerine.keys). */
    public static final Sealer SEALER = Sealer.random();

    private static HazelcastPair instance;

    private final HazelcastInstance a;
    private final HazelcastInstance b;
    private final CacheManager managerA;
    private final CacheManager managerB;

    private HazelcastPair() {
        String cluster = "passerine-test-" + UUID.randomUUID();
        a = Hazelcast.newHazelcastInstance(config(cluster, "a"));
        b = Hazelcast.newHazelcastInstance(config(cluster, "b"));
        managerA = manager(a, "a");
        managerB = manager(b, "b");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            b.shutdown();
            a.shutdown();
        }));
    }

    public static synchronized HazelcastPair get() {
        if (instance == null) {
            instance = new HazelcastPair();
        }
        return instance;
    }

    /** The cache {@code name} as node A sees it (created on first use, entries live {@code ttl}; null = eternal). */
    public SharedCache nodeA(String name, Duration ttl) {
        return SharedCache.of(cache(managerA, name, ttl), SEALER);
    }

    public SharedCache nodeB(String name, Duration ttl) {
        return SharedCache.of(cache(managerB, name, ttl), SEALER);
    }

    /** Everything the cache {@code name} holds, keys and values, as a dump of the cluster's store would show it. */
    public String dump(String name) {
        StringBuilder sb = new StringBuilder();
        for (Cache.Entry<String, String> e : managerA.getCache(name, String.class, String.class)) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    public int members() {
        return a.getCluster().getMembers().size();
    }

    private static synchronized Cache<String, String> cache(CacheManager m, String name, Duration ttl) {
        Cache<String, String> c = m.getCache(name, String.class, String.class);
        if (c != null) {
            return c;
        }
        MutableConfiguration<String, String> conf = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class);
        if (ttl != null) {
            conf.setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                    new javax.cache.expiry.Duration(TimeUnit.SECONDS, ttl.toSeconds())));
        }
        try {
            return m.createCache(name, conf);
        } catch (javax.cache.CacheException exists) {
            return m.getCache(name, String.class, String.class);
        }
    }

    private static Config config(String cluster, String name) {
        Config c = new Config().setClusterName(cluster).setInstanceName(cluster + "-" + name);
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "jdk");
        c.getNetworkConfig().setPort(5901).setPortAutoIncrement(true).setPortCount(4);
        JoinConfig join = c.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:5901").addMember("127.0.0.1:5902").addMember("127.0.0.1:5903");
        c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        return c;
    }

    private static CacheManager manager(HazelcastInstance hz, String name) {
        // a provider per member, each asked for its default manager: Hazelcast prefixes cache names with a
        // non-default URI or class loader, so both nodes must use the defaults to see the same caches
        var provider = new com.hazelcast.cache.impl.HazelcastServerCachingProvider(hz);
        return provider.getCacheManager();
    }
}
