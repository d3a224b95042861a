package io.passerine.internal.cluster;

import io.passerine.ProviderException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * A JSR-107 (JCache) cache shared by the nodes of a cluster (e.g. Hazelcast embedded), used through three atomic
 * operations only: {@code putIfAbsent}, {@code replace(k, old, new)} and {@code remove(k, old)}. Keys and values are
 * plain {@code String}s, so the cache provider never needs the application's classes; keys are hashes, and values
 * that hold a token are sealed ({@link #seal}). Only loaded when a
 * {@code jcache:} key is configured; the JCache API and provider come from the server (a shared library).
 */
public final class SharedCache {

    private static final System.Logger LOG = System.getLogger(SharedCache.class.getName());
    private static final long POLL_MILLIS = 10;

    /** Longer values are not ours: refused before any crypto. */
    private static final int MAX_SEALED = 64 * 1024;

    private final Cache<String, String> cache;
    private final Sealer sealer;
    private final String owner = UUID.randomUUID().toString();

    SharedCache(Cache<String, String> cache, Sealer sealer) {
        this.cache = cache;
        this.sealer = sealer;
    }

    /** Over a cache the caller opened (tests: a cache of a given Hazelcast member), sealing with {@code sealer}. */
    public static SharedCache of(Cache<String, String> cache, Sealer sealer) {
        return new SharedCache(cache, sealer);
    }

    /**
     * The cache {@code name} of the default JCache provider's default manager, created if absent (entries expire
     * {@code ttl} after creation; null = never). A cache configured in the provider (hazelcast.xml) is used as is.
     */
    public static SharedCache open(String name, Duration ttl, Sealer sealer) {
        CacheManager manager = Caching.getCachingProvider().getCacheManager();
        Cache<String, String> c = manager.getCache(name, String.class, String.class);
        if (c == null) {
            MutableConfiguration<String, String> conf = new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class).setStoreByValue(true);
            if (ttl != null) {
                conf.setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.SECONDS, Math.max(1, ttl.toSeconds()))));
            }
            try {
                c = manager.createCache(name, conf);
            } catch (CacheException raced) { // another node or thread created it first
                c = manager.getCache(name, String.class, String.class);
            }
            LOG.log(Level.INFO, "Passerine uses the shared JCache ''{0}''", name);
        }
        return new SharedCache(c, sealer);
    }

    /**
     * {@code plain} sealed for the entry {@code key} (checklist 33: a dump of the cache shows no token). Every node
     * must have the same {@code passerine.keys}.
     */
    public String seal(String plain, String key) {
        return sealer.seal(plain, key);
    }

    /** The text sealed by {@link #seal} for {@code key}; empty when it is not (tampered, other keys, garbage). */
    public Optional<String> open(String sealed, String key) {
        return sealer.openText(sealed, key, MAX_SEALED);
    }

    public String get(String key) {
        return cache.get(key);
    }

    public void put(String key, String value) {
        cache.put(key, value);
    }

    /** Removes {@code key} only while it still maps to {@code value} (atomic). */
    public boolean remove(String key, String value) {
        return cache.remove(key, value);
    }

    /**
     * True for the first caller in the whole cluster that marks {@code key} (until {@code untilMillis}, epoch millis of
     * the caller's clock, which gives {@code nowMillis}); false for every later one while the mark lasts. Atomic:
     * {@code putIfAbsent}, or {@code replace} of a lapsed mark.
     */
    public boolean markOnce(String key, long nowMillis, long untilMillis) {
        String mine = Long.toString(untilMillis);
        while (true) {
            if (cache.putIfAbsent(key, mine)) {
                return true;
            }
            String held = cache.get(key);
            if (held == null) {
                continue; // expired between the two calls
            }
            if (parseLong(held) > nowMillis) {
                return false;
            }
            if (cache.replace(key, held, mine)) {
                return true;
            }
        }
    }

    /**
     * A cluster-wide single flight: runs {@code body} while holding the lease lock {@code lockKey} (a cache entry
     * {@code owner|deadline}; a holder that died loses it after {@code lease}). Before taking the lock and again
     * after, {@code done} is asked whether another node already produced the result: then it is returned and
     * {@code body} is not run. Waiters poll every 10 ms, at most {@code maxWait}.
     */
    public <T> T singleFlight(String lockKey, Duration lease, Duration maxWait, Supplier<Optional<T>> done,
            Supplier<T> body) {
        long giveUp = System.currentTimeMillis() + maxWait.toMillis();
        while (true) {
            Optional<T> result = done.get();
            if (result.isPresent()) {
                return result.get();
            }
            long now = System.currentTimeMillis();
            String mine = owner + "|" + Thread.currentThread().getId() + "|" + (now + lease.toMillis());
            if (acquire(lockKey, mine, now)) {
                try {
                    result = done.get();
                    return result.isPresent() ? result.get() : body.get();
                } finally {
                    cache.remove(lockKey, mine);
                }
            }
            if (now > giveUp) {
                // typed, so that callers back off and users see a clear page instead of a stack trace
                throw new io.passerine.ProviderException(io.passerine.ProviderException.Failure.TIMEOUT,
                        "Timed out after " + maxWait + " waiting for the cluster lock " + lockKey);
            }
            sleep();
        }
    }

    private boolean acquire(String lockKey, String mine, long now) {
        if (cache.putIfAbsent(lockKey, mine)) {
            return true;
        }
        String held = cache.get(lockKey);
        if (held == null) {
            return cache.putIfAbsent(lockKey, mine);
        }
        long deadline = parseLong(held.substring(held.lastIndexOf('|') + 1));
        return deadline < now && cache.replace(lockKey, held, mine); // the holder died: take over its lease
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.passerine.ProviderException(io.passerine.ProviderException.Failure.TIMEOUT,
                    "Interrupted while waiting for the cluster lock");
        }
    }
}
