package app.steady.logic

import java.security.SecureRandom
import javax.crypto.Cipher
import javax.crypto.spec.GCMParameterSpec
import javax.crypto.spec.SecretKeySpec

/**
 * A [WrappingKeystore] in memory for the JVM tests, standing in for AndroidKeyStore: real AES-GCM,
 * and switches for what a phone's keystore does to an app (the device locked, a key invalidated
 * when the screen lock is removed, keys gone after the app's data was cleared).
 */
class SoftwareKeystore : WrappingKeystore {
    private val keys = mutableMapOf<String, ByteArray>()
    private val invalidated = mutableSetOf<String>()

    /** While true, every use throws DeviceLocked (a key that needs an unlocked device). */
    var deviceLocked = false

    /** Every key invalidated (the screen lock was removed). */
    fun invalidateAll() {
        invalidated += keys.keys
    }

    /** Every key deleted (the app's keystore entries are gone). */
    fun wipe() = keys.clear()

    val aliases: Set<String> get() = keys.keys.toSet()

    private fun key(alias: String): SecretKeySpec {
        if (deviceLocked) throw KeyUnavailable.DeviceLocked()
        if (alias in invalidated) throw KeyUnavailable.Invalidated()
        return SecretKeySpec(keys[alias] ?: throw KeyUnavailable.Missing(), "AES")
    }

    override fun exists(alias: String): Boolean = alias in keys

    override fun create(alias: String) {
        if (deviceLocked) throw KeyUnavailable.DeviceLocked()
        keys[alias] = ByteArray(32).also { SecureRandom().nextBytes(it) }
    }

    override fun seal(alias: String, plain: ByteArray): Pair<ByteArray, ByteArray> {
        val c = Cipher.getInstance("AES/GCM/NoPadding")
        c.init(Cipher.ENCRYPT_MODE, key(alias))
        return c.iv to c.doFinal(plain)
    }

    override fun open(alias: String, iv: ByteArray, sealed: ByteArray): ByteArray {
        val c = Cipher.getInstance("AES/GCM/NoPadding")
        c.init(Cipher.DECRYPT_MODE, key(alias), GCMParameterSpec(128, iv))
        return try {
            c.doFinal(sealed)
        } catch (e: javax.crypto.AEADBadTagException) {
            throw KeyUnavailable.Failed("the sealed key does not open")
        }
    }

    override fun delete(alias: String) {
        keys.remove(alias)
        invalidated.remove(alias)
    }
}
