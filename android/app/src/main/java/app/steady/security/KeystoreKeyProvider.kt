package app.steady.security

import android.content.Context
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import app.steady.core.KeyProvider
import app.steady.core.SteadyException
import java.io.DataInputStream
import java.io.DataOutputStream
import java.io.File
import java.io.IOException
import java.security.GeneralSecurityException
import java.security.KeyStore
import java.security.SecureRandom
import java.util.Arrays
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/**
 * The diary's 32-byte data key, from Android Keystore.
 *
 * A random data key is made once with SecureRandom, wrapped (AES-256-GCM) by a key that lives in
 * `AndroidKeyStore` and never leaves it (hardware-backed where the device has it), and the wrapped
 * form is stored in the app's no-backup directory. Each call unwraps it and hands the plain key to
 * the core, which keeps it zeroised in Rust. The array handed out cannot be zeroed on return (the
 * bindings copy it into Rust after this method returns), so it is remembered and zeroed by
 * [wipeHandedOutKeys], which the app calls as soon as `SteadyDiary.open` has returned.
 *
 * Never replaces an existing wrapped key: when unwrapping fails (the Keystore key is gone, e.g.
 * after the lock screen was removed on some devices), it throws, so the app can explain instead of
 * silently starting an empty diary.
 */
class KeystoreKeyProvider(
    context: Context,
    private val alias: String = DEFAULT_ALIAS,
) : KeyProvider {
    private val file = File(context.noBackupFilesDir, "keys/diary-key.wrapped")
    private val handedOut = mutableListOf<ByteArray>()

    override fun getOrCreateKey(): ByteArray = synchronized(lock) {
        try {
            val key = if (file.exists()) unwrap(file.readBytes()) else create()
            handedOut += key
            key
        } catch (e: GeneralSecurityException) {
            throw SteadyException.KeyProvider("Android Keystore: ${e.javaClass.simpleName}")
        } catch (e: IOException) {
            throw SteadyException.KeyProvider("key file: ${e.javaClass.simpleName}")
        }
    }

    /** Zeroes every key array this provider returned; the core already holds its own copy. */
    fun wipeHandedOutKeys() = synchronized(lock) {
        handedOut.forEach { Arrays.fill(it, 0) }
        handedOut.clear()
    }

    private fun create(): ByteArray {
        val key = ByteArray(KEY_BYTES).also { SecureRandom().nextBytes(it) }
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.ENCRYPT_MODE, wrappingKey(create = true))
        val sealed = cipher.doFinal(key)
        val iv = cipher.iv
        file.parentFile?.mkdirs()
        val tmp = File(file.parentFile, file.name + ".tmp")
        DataOutputStream(tmp.outputStream()).use { out ->
            out.writeByte(FORMAT_VERSION)
            out.writeByte(iv.size)
            out.write(iv)
            out.writeShort(sealed.size)
            out.write(sealed)
            out.flush()
        }
        if (!tmp.renameTo(file)) {
            tmp.delete()
            Arrays.fill(key, 0)
            throw IOException("could not store the wrapped key")
        }
        return key
    }

    private fun unwrap(stored: ByteArray): ByteArray {
        val input = DataInputStream(stored.inputStream())
        val version = input.readUnsignedByte()
        if (version != FORMAT_VERSION) throw IOException("unknown key file version $version")
        val iv = ByteArray(input.readUnsignedByte()).also { input.readFully(it) }
        val sealed = ByteArray(input.readUnsignedShort()).also { input.readFully(it) }
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.DECRYPT_MODE, wrappingKey(create = false), GCMParameterSpec(TAG_BITS, iv))
        val key = cipher.doFinal(sealed)
        if (key.size != KEY_BYTES) {
            Arrays.fill(key, 0)
            throw IOException("the stored key has ${key.size} bytes")
        }
        return key
    }

    private fun wrappingKey(create: Boolean): SecretKey {
        val store = KeyStore.getInstance(KEYSTORE).apply { load(null) }
        (store.getKey(alias, null) as? SecretKey)?.let { return it }
        if (!create) throw GeneralSecurityException("the wrapping key is missing")
        val generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, KEYSTORE)
        generator.init(
            KeyGenParameterSpec.Builder(alias, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
                .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                .setKeySize(256)
                .setRandomizedEncryptionRequired(true)
                .build(),
        )
        return generator.generateKey()
    }

    companion object {
        const val DEFAULT_ALIAS = "steady-diary-wrapping-key"
        private const val KEYSTORE = "AndroidKeyStore"
        private const val TRANSFORMATION = "AES/GCM/NoPadding"
        private const val KEY_BYTES = 32
        private const val TAG_BITS = 128
        private const val FORMAT_VERSION = 1
        private val lock = Any()
    }
}
