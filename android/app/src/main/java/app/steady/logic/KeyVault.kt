package app.steady.logic

import app.steady.core.KeyProvider
import app.steady.core.SteadyException
import java.io.DataInputStream
import java.io.DataOutputStream
import java.io.EOFException
import java.io.File
import java.io.IOException
import java.security.SecureRandom
import java.util.Arrays
import java.util.UUID

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.
// The Android Keystore itself is behind [WrappingKeystore] (security/AndroidWrappingKeystore.kt).

/** Why the keystore's wrapping key could not be used. */
sealed class KeyUnavailable(message: String) : Exception(message) {
    /** The device is locked (the key requires an unlocked device): try again once it is unlocked. */
    class DeviceLocked : KeyUnavailable("the device is locked")

    /** Permanently invalidated (e.g. the screen lock was removed): the diary's key is lost. */
    class Invalidated : KeyUnavailable("the wrapping key was invalidated")

    /** The keystore has no such key (e.g. the app's keys were cleared): the diary's key is lost. */
    class Missing : KeyUnavailable("the wrapping key is missing")

    /** Any other keystore failure (may pass). */
    class Failed(detail: String) : KeyUnavailable(detail)
}

/**
 * The platform keystore: AES-256-GCM wrapping keys that never leave it. On Android: AndroidKeyStore,
 * StrongBox where the device has it (with a fallback to the TEE), usable only while the device is
 * unlocked. Every failure is one of the [KeyUnavailable] cases.
 */
interface WrappingKeystore {
    fun exists(alias: String): Boolean

    /** Creates a wrapping key under `alias`. */
    fun create(alias: String)

    /** Seals `plain` with the key; returns the IV and the sealed bytes. */
    fun seal(alias: String, plain: ByteArray): Pair<ByteArray, ByteArray>

    /** Opens what [seal] made. */
    fun open(alias: String, iv: ByteArray, sealed: ByteArray): ByteArray

    fun delete(alias: String)
}

/** Where the diary's key stands before the diary is opened. */
enum class KeyState {
    /** No key yet (and no diary): the first open makes one. */
    NONE,

    /** The key opens (unwraps). */
    READY,

    /** The device is locked; try again after it is unlocked. Nothing is lost. */
    DEVICE_LOCKED,

    /** The wrapping key was invalidated: the diary cannot be opened again here. */
    LOST_INVALIDATED,

    /** The wrapped key or its wrapping key is gone while the diary exists. */
    LOST_MISSING,

    /** The keystore failed in another way (may pass). */
    FAILED,
    ;

    val lost: Boolean get() = this == LOST_INVALIDATED || this == LOST_MISSING
}

/**
 * The diary's 32-byte data key: made once with SecureRandom, sealed by a keystore wrapping key and
 * kept sealed in `file` (in `no_backup/`). Each call unwraps it for the core, which keeps it
 * zeroised in Rust; the arrays handed out are remembered and zeroed by [wipeHandedOutKeys] as soon
 * as the core has its copy.
 *
 * Never replaces a key silently: with a diary and no usable key it throws, so the app can offer
 * restore-from-backup or erase instead of starting an empty diary over the patient's entries.
 *
 * File format 2: version byte, the wrapping key's alias (UTF), IV, sealed key. Format 1 (the first
 * Android shell: no alias) is read with [LEGACY_ALIAS].
 */
class KeyVault(
    private val keystore: WrappingKeystore,
    val file: File,
    /** True when a diary exists: then a missing key is lost, never re-made. */
    private val diaryExists: () -> Boolean,
    private val newAlias: () -> String = { "$ALIAS_PREFIX-${UUID.randomUUID()}" },
) : KeyProvider {
    private val handedOut = mutableListOf<ByteArray>()

    override fun getOrCreateKey(): ByteArray = synchronized(this) {
        val key = try {
            if (file.exists()) unwrap() else if (diaryExists()) throw KeyUnavailable.Missing() else create()
        } catch (e: KeyUnavailable) {
            throw SteadyException.KeyProvider(e.message ?: "keystore")
        } catch (e: IOException) {
            throw SteadyException.KeyProvider("key file: ${e.javaClass.simpleName}")
        }
        handedOut += key
        key
    }

    /** Where the key stands, found by trying it (the plain key is zeroed at once). */
    fun state(): KeyState = synchronized(this) {
        if (!file.exists()) return if (diaryExists()) KeyState.LOST_MISSING else KeyState.NONE
        return try {
            Arrays.fill(unwrap(), 0)
            KeyState.READY
        } catch (e: KeyUnavailable.DeviceLocked) {
            KeyState.DEVICE_LOCKED
        } catch (e: KeyUnavailable.Invalidated) {
            KeyState.LOST_INVALIDATED
        } catch (e: KeyUnavailable.Missing) {
            KeyState.LOST_MISSING
        } catch (e: KeyUnavailable.Failed) {
            KeyState.FAILED
        } catch (e: IOException) {
            // A key file that cannot be read is as good as gone.
            KeyState.LOST_MISSING
        }
    }

    /** Zeroes every key array this vault returned; the core already holds its own copy. */
    fun wipeHandedOutKeys() = synchronized(this) {
        handedOut.forEach { Arrays.fill(it, 0) }
        handedOut.clear()
    }

    /** Deletes the sealed key and its wrapping key (after the diary was erased). */
    fun forget() = synchronized(this) {
        val alias = try {
            if (file.exists()) read().alias else null
        } catch (e: IOException) {
            null
        }
        file.delete()
        alias?.let {
            try {
                keystore.delete(it)
            } catch (e: KeyUnavailable) {
                // Nothing more to do: the sealed key is gone, so the wrapping key opens nothing.
            }
        }
    }

    /** The alias of the wrapping key this vault's file names (null without a file). */
    fun alias(): String? = if (file.exists()) read().alias else null

    private class Sealed(val alias: String, val iv: ByteArray, val sealed: ByteArray)

    private fun read(): Sealed {
        try {
            DataInputStream(file.readBytes().inputStream()).use { input ->
                val alias = when (val version = input.readUnsignedByte()) {
                    1 -> LEGACY_ALIAS
                    FORMAT_VERSION -> input.readUTF()
                    else -> throw IOException("unknown key file version $version")
                }
                val iv = ByteArray(input.readUnsignedByte()).also { input.readFully(it) }
                val sealed = ByteArray(input.readUnsignedShort()).also { input.readFully(it) }
                return Sealed(alias, iv, sealed)
            }
        } catch (e: EOFException) {
            throw IOException("the key file is cut short")
        }
    }

    private fun unwrap(): ByteArray {
        val s = read()
        if (!keystore.exists(s.alias)) throw KeyUnavailable.Missing()
        val key = keystore.open(s.alias, s.iv, s.sealed)
        if (key.size != KEY_BYTES) {
            Arrays.fill(key, 0)
            throw IOException("the stored key has ${key.size} bytes")
        }
        return key
    }

    private fun create(): ByteArray {
        val alias = newAlias()
        keystore.create(alias)
        val key = ByteArray(KEY_BYTES).also { SecureRandom().nextBytes(it) }
        try {
            val (iv, sealed) = keystore.seal(alias, key)
            file.parentFile?.mkdirs()
            val tmp = File(file.parentFile, file.name + ".tmp")
            DataOutputStream(tmp.outputStream()).use { out ->
                out.writeByte(FORMAT_VERSION)
                out.writeUTF(alias)
                out.writeByte(iv.size)
                out.write(iv)
                out.writeShort(sealed.size)
                out.write(sealed)
            }
            if (!tmp.renameTo(file)) {
                tmp.delete()
                throw IOException("could not store the sealed key")
            }
            return key
        } catch (e: Exception) {
            Arrays.fill(key, 0)
            keystore.delete(alias)
            throw e
        }
    }

    companion object {
        const val ALIAS_PREFIX = "steady-diary-wrapping-key"
        const val LEGACY_ALIAS = "steady-diary-wrapping-key"
        private const val KEY_BYTES = 32
        private const val FORMAT_VERSION = 2
    }
}
