package app.steady.core

import java.security.SecureRandom
import java.util.concurrent.atomic.AtomicInteger

/**
 * Key providers for the JVM tests, standing in for the Android Keystore one: the core only sees
 * the [KeyProvider] interface, so these exercise exactly the path the app's provider takes.
 */
object TestKeys {
    fun random(): ByteArray = ByteArray(32).also { SecureRandom().nextBytes(it) }
}

/** Keeps one key in memory, creating a random 32-byte key on first use. */
class MemoryKeyProvider(private var key: ByteArray? = null) : KeyProvider {
    val calls = AtomicInteger()

    val created: Boolean
        @Synchronized get() = key != null

    @Synchronized
    override fun getOrCreateKey(): ByteArray {
        calls.incrementAndGet()
        val k = key ?: TestKeys.random().also { key = it }
        return k.copyOf()
    }
}

/** A keystore that refuses, the way a locked or wiped Android Keystore does. */
class RefusingKeyProvider(private val reason: String) : KeyProvider {
    override fun getOrCreateKey(): ByteArray = throw SteadyException.KeyProvider(reason)
}

/** A buggy provider that throws something the interface does not declare. */
class CrashingKeyProvider : KeyProvider {
    override fun getOrCreateKey(): ByteArray = throw IllegalStateException("keystore exploded")
}

/** Returns a key one byte short. */
class ShortKeyProvider : KeyProvider {
    override fun getOrCreateKey(): ByteArray = ByteArray(31) { it.toByte() }
}
